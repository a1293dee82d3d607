export type {
  AttachmentActionWebhookEvent,
  MembershipWebhookEvent,
  MessageWebhookEvent,
  RoomWebhookEvent,
  WebhookEvent,
} from "@wx/models";
export { deliveryKey } from "./delivery-key.js";
export { isAttachmentActionEvent, isMembershipEvent, isMessageEvent, isRoomEvent } from "./guards.js";
export type { WebhookLogger } from "./logger.js";
export { createWebhookHandler } from "./node.js";
export {
  DEFAULT_BODY_TIMEOUT_MS,
  DEFAULT_MAX_BODY_BYTES,
  type DeliveredWebhookEvent,
  type WebhookContext,
  type WebhookErrorContext,
  type WebhookHandlerOptions,
} from "./options.js";
export { parseWebhookEvent } from "./parse.js";
export { WebhookParseError } from "./parse-error.js";
export { SIGNATURE_HEADER, sign, verifySignature } from "./signature.js";
export { handleWebhookRequest } from "./web.js";
