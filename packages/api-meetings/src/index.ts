export type {
  AdhocMeetingCreateFields,
  MeetingCreateFields,
  MeetingDeleteOptions,
  MeetingGetOptions,
  MeetingListFilters,
  MeetingPatchFields,
  MeetingReadHeaders,
  MeetingTime,
  MeetingUpdateFields,
} from "./meeting-fields.js";
export { MeetingsApi } from "./meetings-api.js";
