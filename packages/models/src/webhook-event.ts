import type { RoomType, WebhookEventType, WebhookOwnedBy, WebhookResource, WebhookStatus } from "./enums.js";
import type { Extensible } from "./extensible.js";
import type { Membership } from "./membership.js";
import type { Room } from "./room.js";

/** The body Webex POSTs to a webhook's `targetUrl`: the webhook's own fields plus `actorId` and `data`. */
export interface WebhookEnvelope<R extends string, E extends string, D> extends Extensible {
  /** The ID of the webhook that fired. */
  id: string;
  /** The webhook's name. */
  name: string;
  /** The webhook's target URL. */
  targetUrl: string;
  /** Resource type of the event. */
  resource: R;
  /** What happened to the resource. */
  event: E;
  /** The webhook's filter, if any. */
  filter?: string;
  /** The ID of the organization of the webhook; rely on this, not on `data.orgId`. */
  orgId: string;
  /** The ID of the person who created the webhook. */
  createdBy: string;
  /** The ID of the application that created the webhook. */
  appId: string;
  /** `creator` or `org`. */
  ownedBy: WebhookOwnedBy;
  /** The webhook's status (always `active` on delivery). */
  status: WebhookStatus;
  /** When the webhook was created (not when the event happened). */
  created: string;
  /** The ID of the person who caused the event. */
  actorId: string;
  /** The resource's metadata; sensitive content such as message text is never included. */
  data: D;
}

/** `data` of a `messages` event: metadata only; fetch the text with `GET /messages/{id}`. */
export interface MessageEventData extends Extensible {
  /** The message ID. */
  id: string;
  /** The room ID of the message. */
  roomId: string;
  /** The type of room. */
  roomType: RoomType;
  /** The person ID of the message author. */
  personId: string;
  /** The email address of the message author. */
  personEmail: string;
  /** The date and time the message was created (absent from `deleted` events). */
  created?: string;
  /** The parent message ID for a reply in a thread. */
  parentId?: string;
  /** People IDs for anyone mentioned in the message. */
  mentionedPeople?: string[];
  /** Group names mentioned in the message. */
  mentionedGroups?: string[];
  /** URLs of the message's files. */
  files?: string[];
}

/** `data` of an `attachmentActions` event; read `inputs` with `GET /attachment/actions/{id}`. */
export interface AttachmentActionEventData extends Extensible {
  /** The action ID. */
  id: string;
  /** The type of action, `submit`. */
  type: string;
  /** The message carrying the card. */
  messageId: string;
  /** The person who submitted the card. */
  personId: string;
  /** The room of the message. */
  roomId: string;
  /** When the action happened. */
  created: string;
}

/** A `messages` webhook delivery. */
export type MessageWebhookEvent<E extends "created" | "updated" | "deleted" = "created" | "updated" | "deleted"> =
  WebhookEnvelope<"messages", E, MessageEventData>;

/** A `memberships` webhook delivery; `data` is the membership. */
export type MembershipWebhookEvent<E extends "created" | "updated" | "deleted" = "created" | "updated" | "deleted"> =
  WebhookEnvelope<"memberships", E, Membership>;

/** A `rooms` webhook delivery; `data` is the room (`migrated`: the room's ID changed). */
export type RoomWebhookEvent<E extends "created" | "updated" | "migrated" = "created" | "updated" | "migrated"> =
  WebhookEnvelope<"rooms", E, Room>;

/** An `attachmentActions` webhook delivery (a card was submitted). */
export type AttachmentActionWebhookEvent = WebhookEnvelope<"attachmentActions", "created", AttachmentActionEventData>;

/** Resources other than messaging (meetings, recordings, telephony, …), delivered with their own `data`. */
export type OtherWebhookResource = Exclude<
  WebhookResource,
  "messages" | "memberships" | "rooms" | "attachmentActions" | "all"
>;

/** A delivery for a non-messaging resource. */
export type OtherWebhookEvent = WebhookEnvelope<OtherWebhookResource, WebhookEventType, Record<string, unknown>>;

/** Any webhook delivery; narrow it on `resource` (and `event`). */
export type WebhookEvent =
  | MessageWebhookEvent
  | MembershipWebhookEvent
  | RoomWebhookEvent
  | AttachmentActionWebhookEvent
  | OtherWebhookEvent;
