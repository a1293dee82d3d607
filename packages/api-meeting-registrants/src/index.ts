export { MeetingRegistrantsApi } from "./meeting-registrants-api.js";
export type {
  MeetingRegistrantFields,
  MeetingRegistrantListFilters,
  MeetingRegistrantsQuery,
  MeetingRegistrantsQueryFields,
  MeetingRegistrantsStatusOptions,
  RegistrationTime,
} from "./registrant-fields.js";
