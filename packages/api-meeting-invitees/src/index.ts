export type {
  MeetingInviteeCreateFields,
  MeetingInviteeDeleteOptions,
  MeetingInviteeGetOptions,
  MeetingInviteeItem,
  MeetingInviteeListFilters,
  MeetingInviteesCreateManyFields,
  MeetingInviteeUpdateFields,
} from "./invitee-fields.js";
export { MeetingInviteesApi } from "./meeting-invitees-api.js";
