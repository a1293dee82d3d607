export type {
  AttachmentActionWebhookEvent,
  MembershipWebhookEvent,
  MessageWebhookEvent,
  RoomWebhookEvent,
  WebhookEvent,
} from "@wx/models";
export { isAttachmentActionEvent, isMembershipEvent, isMessageEvent, isRoomEvent } from "./guards.js";
export { createWebhookHandler } from "./node.js";
export {
  DEFAULT_MAX_BODY_BYTES,
  type WebhookContext,
  type WebhookErrorContext,
  type WebhookHandlerOptions,
} from "./options.js";
export { parseWebhookEvent } from "./parse.js";
export { WebhookParseError } from "./parse-error.js";
export { SIGNATURE_HEADER, sign, verifySignature } from "./signature.js";
export { handleWebhookRequest } from "./web.js";
