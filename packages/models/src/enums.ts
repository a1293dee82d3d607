// Each enum is a const object (for run-time use) plus a string-literal union of its values.

/** Room type. */
export const RoomType = {
  /** 1:1 room. */
  direct: "direct",
  /** Group room. */
  group: "group",
} as const;
export type RoomType = (typeof RoomType)[keyof typeof RoomType];

/** Sort order of `GET /rooms`. */
export const RoomSortBy = {
  id: "id",
  lastactivity: "lastactivity",
  created: "created",
} as const;
export type RoomSortBy = (typeof RoomSortBy)[keyof typeof RoomSortBy];

/** Presence status of a person. */
export const PersonStatus = {
  active: "active",
  call: "call",
  DoNotDisturb: "DoNotDisturb",
  inactive: "inactive",
  meeting: "meeting",
  OutOfOffice: "OutOfOffice",
  pending: "pending",
  presenting: "presenting",
  unknown: "unknown",
} as const;
export type PersonStatus = (typeof PersonStatus)[keyof typeof PersonStatus];

/** Kind of person account. */
export const PersonType = {
  /** Account belongs to a person. */
  person: "person",
  /** Account is a bot user. */
  bot: "bot",
  /** Account is a guest user (guest issuer or service app). */
  appuser: "appuser",
} as const;
export type PersonType = (typeof PersonType)[keyof typeof PersonType];

/** Resource a webhook listens to. `all` (messaging firehose) is accepted by the API but absent from the spec's enum. */
export const WebhookResource = {
  attachmentActions: "attachmentActions",
  memberships: "memberships",
  messages: "messages",
  rooms: "rooms",
  all: "all",
  dataSources: "dataSources",
  meetings: "meetings",
  recordings: "recordings",
  convergedRecordings: "convergedRecordings",
  meetingParticipants: "meetingParticipants",
  meetingTranscripts: "meetingTranscripts",
  telephony_calls: "telephony_calls",
  telephony_conference: "telephony_conference",
  telephony_mwi: "telephony_mwi",
  uc_counters: "uc_counters",
  serviceApp: "serviceApp",
  adminBatchJobs: "adminBatchJobs",
} as const;
export type WebhookResource = (typeof WebhookResource)[keyof typeof WebhookResource];

/** Event a webhook listens to (named `WebhookEventType` because `WebhookEvent` is the delivered payload). */
export const WebhookEventType = {
  created: "created",
  updated: "updated",
  deleted: "deleted",
  /** The room's ID changed (rooms only). */
  migrated: "migrated",
  /** Firehose: created, updated and deleted. */
  all: "all",
  started: "started",
  ended: "ended",
  joined: "joined",
  left: "left",
  authorized: "authorized",
  deauthorized: "deauthorized",
  statusChanged: "statusChanged",
} as const;
export type WebhookEventType = (typeof WebhookEventType)[keyof typeof WebhookEventType];

/** Webhook status; Webex sets `inactive` after repeated delivery failures. */
export const WebhookStatus = {
  active: "active",
  inactive: "inactive",
} as const;
export type WebhookStatus = (typeof WebhookStatus)[keyof typeof WebhookStatus];

/** Owner of a webhook: its creator, or the whole organization. */
export const WebhookOwnedBy = {
  creator: "creator",
  org: "org",
} as const;
export type WebhookOwnedBy = (typeof WebhookOwnedBy)[keyof typeof WebhookOwnedBy];

/** Resource of a compliance event (`GET /events`). */
export const EventResource = {
  attachmentActions: "attachmentActions",
  businessTexts: "businessTexts",
  call_records: "call_records",
  convergedRecordings: "convergedRecordings",
  file_transcodings: "file_transcodings",
  files: "files",
  meetingMessages: "meetingMessages",
  meetings: "meetings",
  meetingTranscripts: "meetingTranscripts",
  memberships: "memberships",
  messages: "messages",
  rooms: "rooms",
  tabs: "tabs",
} as const;
export type EventResource = (typeof EventResource)[keyof typeof EventResource];

/** Action of a compliance event (`GET /events`). */
export const EventType = {
  created: "created",
  updated: "updated",
  deleted: "deleted",
  /** The meeting has ended. */
  ended: "ended",
} as const;
export type EventType = (typeof EventType)[keyof typeof EventType];

/** Type of a card action. */
export const AttachmentActionType = {
  submit: "submit",
} as const;
export type AttachmentActionType = (typeof AttachmentActionType)[keyof typeof AttachmentActionType];
