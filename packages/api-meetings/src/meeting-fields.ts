import type { Closed, Extra, QueryValue } from "@wx/core";
import type { MeetingDraft, MeetingScheduledType, MeetingSettings, MeetingState, MeetingType } from "@wx/models";

/** A time as a `Date` or an ISO 8601 string; a `Date` is sent as its UTC ISO string. */
export type MeetingTime = Date | string;

/**
 * Sent as request headers, not as query parameters: `timezone` (IANA) for the times in the answer (the
 * service's default is UTC), `password` for a meeting the caller may only see with its password.
 */
export interface MeetingReadHeaders {
  timezone?: string;
  password?: string;
}

export interface MeetingListFilters extends MeetingReadHeaders {
  /** At most one of `meetingNumber`, `webLink` and `roomId`; with one, the filters below are ignored. */
  meetingNumber?: string;
  webLink?: string;
  /** Meetings of this Webex space. */
  roomId?: string;
  /** Every scheduled meeting and instance of this series. */
  meetingSeriesId?: string;
  /** Default `meetingSeries`. */
  meetingType?: MeetingType;
  state?: MeetingState;
  scheduledType?: MeetingScheduledType;
  /** Meetings this person takes part in (the Python SDK's filter; not in the current spec). */
  participantEmail?: string;
  /** Scheduled meetings only: changed from their series, or not. */
  isModified?: boolean;
  /** Ended instances only: with a chat log, or without. */
  hasChat?: boolean;
  hasRecording?: boolean;
  hasTranscription?: boolean;
  hasSummary?: boolean;
  hasClosedCaption?: boolean;
  hasPolls?: boolean;
  hasQA?: boolean;
  hasSlido?: boolean;
  /** A series' current scheduled meeting (default true), or the whole series. */
  current?: boolean;
  /** From this time (inclusive); not after `to`. */
  from?: MeetingTime;
  /** Until this time (exclusive). */
  to?: MeetingTime;
  /** An admin lists the meetings of this host. */
  hostEmail?: string;
  siteUrl?: string;
  /** Meetings an integration tagged with this key. */
  integrationTag?: string;
  /** Page size, 1 to 100 (default 100 here; the service's own default is 10), never a cap on the total. */
  max?: number;
  /** Parameters the SDK does not model yet, sent as they are; a known one cannot go here (see `Extra`). */
  extra?: Extra<MeetingListFilters, QueryValue>;
}

/** The draft's declared fields only (the model keeps unknown fields of answers; an input must not take them). */
type Draft = Closed<MeetingDraft<MeetingTime>>;

/** @inline */
interface MeetingCreateExtra {
  /** Fields the SDK does not model yet, sent as they are; a known one cannot go here (see `Extra`). */
  extra?: Extra<Draft | AdhocMeetingCreateFields>;
}

/**
 * Everything the spec's create takes: `title`, `start` and `end` required (`start` and `end` not with a
 * `templateId`), or an ad-hoc meeting of a space.
 */
export type MeetingCreateFields = (Draft & MeetingCreateExtra) | (AdhocMeetingCreateFields & MeetingCreateExtra);

/** An ad-hoc meeting of the space `roomId`: no times; the title defaults to the host's name. */
export type AdhocMeetingCreateFields = { [K in keyof Draft as K extends "title" ? never : K]: Draft[K] } & {
  adhoc: true;
  roomId: string;
  title?: string;
};

/** The whole meeting for `PUT` (every setting not given returns to its default): `title`, `start`, `end` required. */
export interface MeetingUpdateFields extends Settings {
  start: MeetingTime;
  end: MeetingTime;
  /** Whether to email the host and invitees (default true). */
  sendEmail?: boolean;
  /** Fields the SDK does not model yet, sent as they are; a known one cannot go here (see `Extra`). */
  extra?: Extra<MeetingUpdateFields>;
}

/** @inline */
type Settings = Closed<MeetingSettings<MeetingTime>>;
/** The settings a patch may set to `null`, which clears them. */
type Clearable = "agenda" | "recurrence" | "trackingCodes";

/** Any of the settings, for `PATCH`; the others stay as they are. `null` clears `agenda`, `recurrence` or `trackingCodes`. */
export type MeetingPatchFields = {
  [K in keyof Settings]?: K extends Clearable ? Settings[K] | null : Settings[K];
} & {
  /** Whether to email the host and invitees (default true). */
  sendEmail?: boolean;
  /** Fields the SDK does not model yet, sent as they are; a known one cannot go here (see `Extra`). */
  extra?: Extra<Settings & { sendEmail?: boolean }>;
};

export interface MeetingGetOptions extends MeetingReadHeaders {
  /** For a series: its current scheduled meeting instead of the whole series. */
  current?: boolean;
  /** An admin reads a meeting of this host. */
  hostEmail?: string;
}

export interface MeetingDeleteOptions {
  /** An admin deletes a meeting of this host. */
  hostEmail?: string;
  /** Whether to email the host and invitees (default true). */
  sendEmail?: boolean;
}
