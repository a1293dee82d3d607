import type {
  AttachmentActionWebhookEvent,
  MembershipWebhookEvent,
  MessageWebhookEvent,
  RoomWebhookEvent,
  WebhookEvent,
} from "@wx/models";

type MessageEvent = MessageWebhookEvent["event"];
type MembershipEvent = MembershipWebhookEvent["event"];
type RoomEvent = RoomWebhookEvent["event"];

/** A `messages` event, optionally of one kind: `isMessageEvent(e, "created")`. */
export function isMessageEvent<E extends MessageEvent = MessageEvent>(
  event: WebhookEvent,
  kind?: E,
): event is MessageWebhookEvent<E> {
  return event.resource === "messages" && (kind === undefined || event.event === kind);
}

/** A `memberships` event, optionally of one kind. */
export function isMembershipEvent<E extends MembershipEvent = MembershipEvent>(
  event: WebhookEvent,
  kind?: E,
): event is MembershipWebhookEvent<E> {
  return event.resource === "memberships" && (kind === undefined || event.event === kind);
}

/** A `rooms` event, optionally of one kind. */
export function isRoomEvent<E extends RoomEvent = RoomEvent>(
  event: WebhookEvent,
  kind?: E,
): event is RoomWebhookEvent<E> {
  return event.resource === "rooms" && (kind === undefined || event.event === kind);
}

/** An `attachmentActions` event: someone submitted a card. */
export function isAttachmentActionEvent(event: WebhookEvent): event is AttachmentActionWebhookEvent {
  return event.resource === "attachmentActions";
}
