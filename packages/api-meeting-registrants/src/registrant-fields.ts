import type { Extra, QueryValue } from "@wx/core";
import type { RegistrantAnswers, RegistrantStatus } from "@wx/models";

/** A time as a `Date` or an ISO 8601 string; a `Date` is sent as its UTC ISO string. */
export type RegistrationTime = Date | string;

/** Which meeting the call is about, beside the path's `meetingId` (a series id). */
export interface MeetingRegistrantsQuery {
  /** The series' current scheduled meeting instead of the whole series. */
  current?: boolean;
  /** An admin acts for this host. */
  hostEmail?: string;
}

export interface MeetingRegistrantListFilters extends MeetingRegistrantsQuery {
  /** Only this registrant. */
  email?: string;
  /** Registered from this time (inclusive); default 7 days before `registrationTimeTo`. */
  registrationTimeFrom?: RegistrationTime;
  /** Registered before this time (exclusive); at most 90 days after `registrationTimeFrom`. */
  registrationTimeTo?: RegistrationTime;
  /** Page size, 1 to 100 (default 100 here; the service's own default is 10), never a cap on the total. */
  max?: number;
  /** Parameters the SDK does not model yet, sent as they are; a known one cannot go here (see `Extra`). */
  extra?: Extra<MeetingRegistrantListFilters, QueryValue>;
}

/** A registration (the spec's `RegistrantFormObject`); the meeting's form decides which optional fields it needs. */
export interface MeetingRegistrantFields {
  firstName: string;
  lastName: string;
  email: string;
  /** Whether to email the registrant (default true). */
  sendEmail?: boolean;
  jobTitle?: string;
  companyName?: string;
  address1?: string;
  address2?: string;
  city?: string;
  state?: string;
  /** A number, as the spec types it. */
  zipCode?: number;
  countryRegion?: string;
  workPhone?: string;
  fax?: string;
  /** Answers to the form's custom questions. */
  customizedQuestions?: RegistrantAnswers[];
  /** Fields the SDK does not model yet, sent as they are; a known one cannot go here (see `Extra`). */
  extra?: Extra<MeetingRegistrantFields>;
}

/** The spec's `queryRegistrants`: the registrants with these emails, optionally of one status, in an order. */
export interface MeetingRegistrantsQueryFields {
  /** Required: 1 to 100 emails. */
  emails: readonly string[];
  /** Only registrants with this status. */
  status?: RegistrantStatus;
  /** Default: by registration time. */
  orderBy?: "firstName" | "lastName" | "status" | "email";
  orderType?: "ASC" | "DESC";
  /** Fields the SDK does not model yet, sent as they are; a known one cannot go here (see `Extra`). */
  extra?: Extra<MeetingRegistrantsQueryFields>;
}

export interface MeetingRegistrantsStatusOptions extends MeetingRegistrantsQuery {
  /** Whether to email the registrants (default true). */
  sendEmail?: boolean;
}
