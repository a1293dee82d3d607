import {
  type CallOptions,
  type Extra,
  type Paginated,
  type QueryValue,
  Resource,
  requireString,
  type Session,
} from "@wx/core";
import type { Webhook, WebhookEventType, WebhookOwnedBy, WebhookResource, WebhookStatus } from "@wx/models";

export interface WebhookListFilters {
  /** Page size (default 100), never a cap on the total. */
  max?: number;
  /** `org` lists the organization's org-wide webhooks (admin). */
  ownedBy?: WebhookOwnedBy;
  /** Parameters the SDK does not model yet, sent as they are; a known one cannot go here (see `Extra`). */
  extra?: Extra<WebhookListFilters, QueryValue>;
}

export interface WebhookCreateFields {
  name: string;
  /** Receives a POST for each event; must answer 2xx. */
  targetUrl: string;
  resource: WebhookResource;
  event: WebhookEventType;
  /** Narrows the events, e.g. `roomId=…` or `personEmail=…&hasFiles=true`. */
  filter?: string;
  /** Signs each delivery (`X-Spark-Signature`, HMAC-SHA1 of the body). */
  secret?: string;
  /** `org` for an org-wide webhook (admin). */
  ownedBy?: WebhookOwnedBy;
  /** Fields the SDK does not model yet, sent as they are; a known one cannot go here (see `Extra`). */
  extra?: Extra<WebhookCreateFields>;
}

/** Only `name`, `targetUrl`, `secret` and `status` change; the API ignores other fields. */
export interface WebhookUpdateFields {
  name: string;
  targetUrl: string;
  secret?: string;
  ownedBy?: WebhookOwnedBy;
  /** `active` re-enables a webhook the service disabled after failed deliveries. */
  status?: WebhookStatus;
  /** Fields the SDK does not model yet, sent as they are; a known one cannot go here (see `Extra`). */
  extra?: Extra<WebhookUpdateFields>;
}

/** Webhooks: `GET/POST /webhooks`, `GET/PUT/DELETE /webhooks/{webhookId}`. */
export class WebhooksApi {
  readonly #webhooks: Resource<Webhook>;

  constructor(session: Session) {
    this.#webhooks = new Resource<Webhook>(session, "webhooks", "webhook", "webhookId");
  }

  /** The caller's webhooks (or the org's, with `ownedBy: "org"`), lazily paged. */
  list(filters: WebhookListFilters = {}, options?: CallOptions): Paginated<Webhook> {
    return this.#webhooks.list({ max: 100, ...filters }, options);
  }

  async create(fields: WebhookCreateFields, options?: CallOptions): Promise<Webhook> {
    requireString("name", fields?.name);
    requireString("targetUrl", fields.targetUrl);
    requireString("resource", fields.resource);
    requireString("event", fields.event);
    return this.#webhooks.create(fields, options);
  }

  async get(webhookId: string, options?: CallOptions): Promise<Webhook> {
    return this.#webhooks.get(webhookId, options);
  }

  async update(webhookId: string, fields: WebhookUpdateFields, options?: CallOptions): Promise<Webhook> {
    requireString("name", fields?.name);
    requireString("targetUrl", fields.targetUrl);
    return this.#webhooks.update(webhookId, fields, options);
  }

  async delete(webhookId: string, options?: CallOptions): Promise<void> {
    return this.#webhooks.delete(webhookId, options);
  }
}
