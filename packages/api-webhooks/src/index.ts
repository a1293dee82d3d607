export {
  type WebhookCreateFields,
  type WebhookListFilters,
  WebhooksApi,
  type WebhookUpdateFields,
} from "./webhooks-api.js";
