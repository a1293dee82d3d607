import type { Resource } from "../resource.js";
import { adminAuditEvents } from "./admin-audit-events.js";
import { attachmentActions } from "./attachment-actions.js";
import { events } from "./events.js";
import { licenses } from "./licenses.js";
import { meetingInvitees } from "./meeting-invitees.js";
import { meetingRegistrants } from "./meeting-registrants.js";
import { meetingTemplates } from "./meeting-templates.js";
import { meetings } from "./meetings.js";
import { memberships } from "./memberships.js";
import { messages } from "./messages.js";
import { oauth } from "./oauth.js";
import { organizations } from "./organizations.js";
import { people } from "./people.js";
import { recordings } from "./recordings.js";
import { roles } from "./roles.js";
import { roomTabs } from "./room-tabs.js";
import { rooms } from "./rooms.js";
import { teamMemberships } from "./team-memberships.js";
import { teams } from "./teams.js";
import { webhooks } from "./webhooks.js";

/** Every resource under /v1/: adding one is a file in this folder and a line here. */
export const allResources: Resource[] = [
  people,
  rooms,
  messages,
  memberships,
  teams,
  teamMemberships,
  webhooks,
  attachmentActions,
  events,
  adminAuditEvents,
  licenses,
  organizations,
  roles,
  roomTabs,
  meetingTemplates,
  meetings,
  meetingInvitees,
  meetingRegistrants,
  recordings,
  oauth,
];
