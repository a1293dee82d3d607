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

/** Kind of meeting object: a series, one scheduled occurrence of it, or an instance that is happening or happened. */
export const MeetingType = {
  /** The primary series (a meeting without `recurrence` is a series of one). */
  meetingSeries: "meetingSeries",
  /** One occurrence of a series. */
  scheduledMeeting: "scheduledMeeting",
  /** An instance that is in progress or has ended. */
  meeting: "meeting",
} as const;
export type MeetingType = (typeof MeetingType)[keyof typeof MeetingType];

/** State of a meeting or webinar. */
export const MeetingState = {
  /** A series with future occurrences. */
  active: "active",
  /** A scheduled meeting in the future. */
  scheduled: "scheduled",
  /** A scheduled meeting ready to start or join. */
  ready: "ready",
  /** Someone is waiting in the lobby. */
  lobby: "lobby",
  /** In progress. */
  inProgress: "inProgress",
  /** Ended (series: every occurrence has ended). */
  ended: "ended",
  /** Its time passed and nobody joined. */
  missed: "missed",
  /** A series whose end date has passed. */
  expired: "expired",
} as const;
export type MeetingState = (typeof MeetingState)[keyof typeof MeetingState];

/** Whether a meeting is a regular meeting, a webinar or a meeting in the host's personal room. */
export const MeetingScheduledType = {
  meeting: "meeting",
  webinar: "webinar",
  personalRoomMeeting: "personalRoomMeeting",
} as const;
export type MeetingScheduledType = (typeof MeetingScheduledType)[keyof typeof MeetingScheduledType];

/** How people not on the invite join an unlocked meeting. */
export const UnlockedMeetingJoinSecurity = {
  allowJoin: "allowJoin",
  allowJoinWithLobby: "allowJoinWithLobby",
  blockFromJoin: "blockFromJoin",
} as const;
export type UnlockedMeetingJoinSecurity =
  (typeof UnlockedMeetingJoinSecurity)[keyof typeof UnlockedMeetingJoinSecurity];

/** How attendees join a meeting's audio. */
export const AudioConnectionType = {
  /** Computer audio or a phone. */
  webexAudio: "webexAudio",
  /** Computer audio only. */
  VoIP: "VoIP",
  /** Another teleconference service. */
  other: "other",
  none: "none",
} as const;
export type AudioConnectionType = (typeof AudioConnectionType)[keyof typeof AudioConnectionType];

/** What phone participants hear when someone enters or leaves. */
export const EntryAndExitTone = {
  beep: "beep",
  announceName: "announceName",
  noTone: "noTone",
} as const;
export type EntryAndExitTone = (typeof EntryAndExitTone)[keyof typeof EntryAndExitTone];

/** Kind of meeting template. */
export const MeetingTemplateType = {
  meeting: "meeting",
  webinar: "webinar",
} as const;
export type MeetingTemplateType = (typeof MeetingTemplateType)[keyof typeof MeetingTemplateType];

/** Status of a meeting registrant. */
export const RegistrantStatus = {
  approved: "approved",
  /** Waiting for the host or a cohost to approve. */
  pending: "pending",
  rejected: "rejected",
} as const;
export type RegistrantStatus = (typeof RegistrantStatus)[keyof typeof RegistrantStatus];

/** File format of a recording (`UPLOADED`: uploaded by hand; the list filter takes only `MP4` and `ARF`). */
export const RecordingFormat = {
  MP4: "MP4",
  /** Webex's own recording format. */
  ARF: "ARF",
  UPLOADED: "UPLOADED",
} as const;
export type RecordingFormat = (typeof RecordingFormat)[keyof typeof RecordingFormat];

/** Status of a recording. */
export const RecordingStatus = {
  available: "available",
  /** In the recycle bin. */
  deleted: "deleted",
  /** Purged from the recycle bin (seen by compliance officers only). */
  purged: "purged",
} as const;
export type RecordingStatus = (typeof RecordingStatus)[keyof typeof RecordingStatus];

/** Webex service a recording was made in. */
export const RecordingServiceType = {
  MeetingCenter: "MeetingCenter",
  EventCenter: "EventCenter",
  SupportCenter: "SupportCenter",
  TrainingCenter: "TrainingCenter",
} as const;
export type RecordingServiceType = (typeof RecordingServiceType)[keyof typeof RecordingServiceType];

/** Type of a custom registration question. */
export const RegistrationQuestionType = {
  singleLineTextBox: "singleLineTextBox",
  multiLineTextBox: "multiLineTextBox",
  /** Needs `options`. */
  checkbox: "checkbox",
  /** Needs `options`. */
  dropdownList: "dropdownList",
  /** Needs `options`. */
  radioButtons: "radioButtons",
} as const;
export type RegistrationQuestionType = (typeof RegistrationQuestionType)[keyof typeof RegistrationQuestionType];

/** How a registration approval rule compares an answer with its value. */
export const RegistrationRuleCondition = {
  contains: "contains",
  notContains: "notContains",
  beginsWith: "beginsWith",
  endsWith: "endsWith",
  equals: "equals",
  notEquals: "notEquals",
} as const;
export type RegistrationRuleCondition = (typeof RegistrationRuleCondition)[keyof typeof RegistrationRuleCondition];

/** What a matching registration approval rule does. */
export const RegistrationRuleResult = {
  approve: "approve",
  reject: "reject",
} as const;
export type RegistrationRuleResult = (typeof RegistrationRuleResult)[keyof typeof RegistrationRuleResult];
