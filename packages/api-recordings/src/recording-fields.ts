import type { Extra, QueryValue } from "@wx/core";
import type { RecordingServiceType, RecordingStatus } from "@wx/models";

/** A time as a `Date` or an ISO 8601 string; a `Date` is sent as its UTC ISO string. */
export type RecordingTime = Date | string;

export interface RecordingListFilters {
  /** From this time (inclusive); default 7 days before `to`. */
  from?: RecordingTime;
  /** Until this time (exclusive); default 7 days after `from`, or now. */
  to?: RecordingTime;
  /** Recordings of this series, scheduled meeting or instance (then `siteUrl` is ignored). */
  meetingId?: string;
  /** An admin lists this host's recordings. */
  hostEmail?: string;
  /** The site whose recordings are listed (default: all the caller's sites). */
  siteUrl?: string;
  /** Recordings of meetings an integration tagged with this key. */
  integrationTag?: string;
  /** Topic, matched without regard to case. */
  topic?: string;
  /** File format (the filter takes only these two). */
  format?: "MP4" | "ARF";
  serviceType?: RecordingServiceType;
  /** Default `available`; `deleted` lists the recycle bin; `purged` is for compliance officers with `meetingId`. */
  status?: RecordingStatus;
  /** IANA time zone of the times in the answer (sent as the `timezone` header; default UTC). */
  timezone?: string;
  /** Page size, 1 to 100 (default 100 here; the service's own default is 10), never a cap on the total. */
  max?: number;
  /** Parameters the SDK does not model yet, sent as they are; a known one cannot go here (see `Extra`). */
  extra?: Extra<RecordingListFilters, QueryValue>;
}

export interface RecordingGetOptions {
  /** An admin reads this host's recording. */
  hostEmail?: string;
  /** The site to read it from (sent as the `siteUrl` header, as the spec says; default: implied by the id). */
  siteUrl?: string;
  /** IANA time zone of the times in the answer (sent as the `timezone` header). */
  timezone?: string;
}

export interface RecordingDeleteOptions {
  /** An admin deletes this host's recording. */
  hostEmail?: string;
  /** The site the recording is on (sent as the `siteUrl` header, as on get). */
  siteUrl?: string;
  /** Why it is deleted; required when a compliance officer deletes another user's recording. */
  reason?: string;
  /** A compliance officer's explanation, at most 255 characters. */
  comment?: string;
}
