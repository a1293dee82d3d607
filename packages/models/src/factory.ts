import type { AccessToken } from "./access-token.js";
import type { AdminAuditEvent } from "./admin-audit-event.js";
import type { AttachmentAction } from "./attachment-action.js";
import type { Event } from "./event.js";
import type { GuestIssuerToken } from "./guest-issuer-token.js";
import type { License } from "./license.js";
import type { Meeting } from "./meeting.js";
import type { MeetingInvitee } from "./meeting-invitee.js";
import type { MeetingRegistrant } from "./meeting-registrant.js";
import type { MeetingTemplate } from "./meeting-template.js";
import type { Membership } from "./membership.js";
import type { Message } from "./message.js";
import type { Organization } from "./organization.js";
import type { Person } from "./person.js";
import type { Recording } from "./recording.js";
import type { Role } from "./role.js";
import type { Room } from "./room.js";
import type { RoomMeetingInfo } from "./room-meeting-info.js";
import type { RoomTab } from "./room-tab.js";
import type { Team } from "./team.js";
import type { TeamMembership } from "./team-membership.js";
import type { Webhook } from "./webhook.js";
import type { WebhookEvent } from "./webhook-event.js";

/** Name of each kind of object the API returns (the Python SDK's object_factory names, in camelCase). */
export type ObjectKind =
  | "accessToken"
  | "adminAuditEvent"
  | "attachmentAction"
  | "event"
  | "guestIssuerToken"
  | "license"
  | "meeting"
  | "meetingInvitee"
  | "meetingRegistrant"
  | "meetingTemplate"
  | "membership"
  | "message"
  | "organization"
  | "person"
  | "recording"
  | "role"
  | "room"
  | "roomMeetingInfo"
  | "roomTab"
  | "team"
  | "teamMembership"
  | "webhook"
  | "webhookEvent";

/** The model type of each object kind. */
export interface ModelsByKind {
  accessToken: AccessToken;
  adminAuditEvent: AdminAuditEvent;
  attachmentAction: AttachmentAction;
  event: Event;
  guestIssuerToken: GuestIssuerToken;
  license: License;
  meeting: Meeting;
  meetingInvitee: MeetingInvitee;
  meetingRegistrant: MeetingRegistrant;
  meetingTemplate: MeetingTemplate;
  membership: Membership;
  message: Message;
  organization: Organization;
  person: Person;
  recording: Recording;
  role: Role;
  room: Room;
  roomMeetingInfo: RoomMeetingInfo;
  roomTab: RoomTab;
  team: Team;
  teamMembership: TeamMembership;
  webhook: Webhook;
  webhookEvent: WebhookEvent;
}

/** Turns each parsed JSON object into the value the SDK returns (e.g. a class instance of your own). */
export type ObjectFactory = (kind: ObjectKind, json: Record<string, unknown>) => unknown;

/** The default factory: results are the plain parsed JSON, unknown fields kept. */
export const plainObjectFactory: ObjectFactory = (_kind, json) => json;
