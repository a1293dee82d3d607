export type {
  MessageAttachment,
  MessageContent,
  MessageCreateFields,
  MessageDestination,
  MessageDirectFilters,
  MessageFile,
  MessageListFilters,
  MessageUpdateFields,
} from "./message-fields.js";
export { MessagesApi } from "./messages-api.js";
