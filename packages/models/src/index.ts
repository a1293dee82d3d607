export type { AccessToken } from "./access-token.js";
export type { AdminAuditEvent, AdminAuditEventData } from "./admin-audit-event.js";
export { AdaptiveCardContentType, type Attachment } from "./attachment.js";
export type { AttachmentAction } from "./attachment-action.js";
export {
  AttachmentActionType,
  AudioConnectionType,
  EntryAndExitTone,
  EventResource,
  EventType,
  MeetingScheduledType,
  MeetingState,
  MeetingTemplateType,
  MeetingType,
  PersonStatus,
  PersonType,
  RecordingFormat,
  RecordingServiceType,
  RecordingStatus,
  RegistrantStatus,
  RegistrationQuestionType,
  RegistrationRuleCondition,
  RegistrationRuleResult,
  RoomSortBy,
  RoomType,
  UnlockedMeetingJoinSecurity,
  WebhookEventType,
  WebhookOwnedBy,
  WebhookResource,
  WebhookStatus,
} from "./enums.js";
export type { Event } from "./event.js";
export type { Extensible } from "./extensible.js";
export { type ModelsByKind, type ObjectFactory, type ObjectKind, plainObjectFactory } from "./factory.js";
export type { GuestIssuerToken } from "./guest-issuer-token.js";
export type { License } from "./license.js";
export type { CallInNumber, Meeting, MeetingLink, MeetingTelephony } from "./meeting.js";
export type { BreakoutSessionDraft, MeetingDraft, MeetingDraftInvitee } from "./meeting-draft.js";
export type { MeetingInvitee } from "./meeting-invitee.js";
export type { MeetingRegistrant, RegistrantAnswers } from "./meeting-registrant.js";
export type {
  MeetingRegistration,
  RegistrationQuestion,
  RegistrationRule,
  StandardQuestionRule,
} from "./meeting-registration.js";
export type {
  AttendeePrivileges,
  AudioConnectionOptions,
  LiveStream,
  MeetingInterpreter,
  MeetingOptions,
  MeetingSettings,
  MeetingTrackingCode,
  SimultaneousInterpretation,
} from "./meeting-settings.js";
export type { MeetingTemplate } from "./meeting-template.js";
export type { Membership } from "./membership.js";
export type { Message } from "./message.js";
export type { Organization } from "./organization.js";
export type { Address, Person, PhoneNumber, SipAddress } from "./person.js";
export type { PersonRef } from "./person-ref.js";
export type { Recording, RecordingDownloadLinks } from "./recording.js";
export type { Role } from "./role.js";
export type { Room } from "./room.js";
export type { RoomMeetingInfo } from "./room-meeting-info.js";
export type { RoomTab } from "./room-tab.js";
export type { Team } from "./team.js";
export type { TeamMembership } from "./team-membership.js";
export type { Webhook } from "./webhook.js";
export type {
  AttachmentActionEventData,
  AttachmentActionWebhookEvent,
  MembershipWebhookEvent,
  MessageEventData,
  MessageWebhookEvent,
  OtherWebhookEvent,
  OtherWebhookResource,
  RoomWebhookEvent,
  WebhookEnvelope,
  WebhookEvent,
} from "./webhook-event.js";
