import type { MeetingScheduledType, MeetingState, MeetingType } from "./enums.js";
import type { Extensible } from "./extensible.js";
import type { MeetingRegistration } from "./meeting-registration.js";
import type { MeetingSettings, SimultaneousInterpretation } from "./meeting-settings.js";

/**
 * A meeting series, one of its scheduled meetings, or a meeting instance that is happening or happened
 * (`meetingType` says which). Merges the spec's `MeetingSeriesObject` (get, create) and
 * `MeetingObjectForListMeeting` (list, update, patch).
 */
export interface Meeting extends MeetingSettings {
  /** Unique identifier: of the series, of one scheduled meeting (`<seriesId>_<yyyymmddThhmmssZ>`), or of an instance. */
  id: string;
  /** The series this scheduled meeting or instance belongs to. */
  meetingSeriesId?: string;
  /** The scheduled meeting this instance belongs to. */
  scheduledMeetingId?: string;
  /** Meeting number (not for ended instances). */
  meetingNumber?: string;
  password: string;
  /** 8-digit numeric password for audio and video devices. */
  phoneAndVideoSystemPassword?: string;
  meetingType: MeetingType;
  state: MeetingState;
  /** Whether the host joined (series and instances in progress, scheduled meetings that are ready). */
  hostDidJoin?: boolean;
  /** Whether anyone joined (as `hostDidJoin`). */
  attendeeDidJoin?: boolean;
  /** Whether this scheduled meeting was changed from its series. */
  isModified?: boolean;
  timezone: string;
  /** Start, ISO 8601 (of the first occurrence for a series, or of the current one with `current`). */
  start: string;
  /** End, ISO 8601. */
  end: string;
  /** Unique identifier for the host. */
  hostUserId: string;
  hostDisplayName: string;
  hostEmail: string;
  /** Key for joining as the host. */
  hostKey: string;
  /** Site URL of the meeting, e.g. `example.webex.com`. */
  siteUrl: string;
  /** The meeting's information page, which launches the client when it can be joined. */
  webLink: string;
  /** Registration page, when registration is enabled. */
  registerLink?: string;
  /** SIP address for a video system. */
  sipAddress?: string;
  /** IP address for a video system's call-back. */
  dialInIpAddress?: string;
  /** The Webex space of an ad-hoc or space meeting. */
  roomId?: string;
  scheduledType?: MeetingScheduledType;
  /** 8-digit numeric panelist password for audio and video devices. */
  phoneAndVideoSystemPanelistPassword?: string;
  /** Phone numbers and the access code for joining by phone. */
  telephony: MeetingTelephony;
  registration?: MeetingRegistration;
  simultaneousInterpretation?: SimultaneousInterpretation;
  enabledBreakoutSessions: boolean;
  /** Links to the breakout sessions. */
  links?: MeetingLink[];
  /** Ended instances: whether it has a chat log. */
  hasChat?: boolean;
  /** Ended instances: whether it was recorded. */
  hasRecording?: boolean;
  /** Ended instances: whether it has a transcript. */
  hasTranscription?: boolean;
  /** Ended instances: whether it has closed captions. */
  hasClosedCaption?: boolean;
  /** Ended instances: whether it has polls. */
  hasPolls?: boolean;
  /** Ended instances: whether it has Q&A. */
  hasQA?: boolean;
  /** Ended instances: whether it has Slido interactions. */
  hasSlido?: boolean;
  /** Ended instances: whether it had a registration form. */
  hasRegistration?: boolean;
  /** Ended instances: whether anyone registered. */
  hasRegistrants?: boolean;
  /** Ended webinars: whether someone answered its survey. */
  hasPostEventSurvey?: boolean;
}

/** How to join a meeting by phone. */
export interface MeetingTelephony extends Extensible {
  /** Entered after the call-in number. */
  accessCode: string;
  callInNumbers: CallInNumber[];
  /** Where the global call-in numbers are. */
  links?: MeetingLink[];
}

/** A number to call to join a meeting. */
export interface CallInNumber extends Extensible {
  /** e.g. `Call-in toll-free number (US/Canada)`. */
  label: string;
  callInNumber: string;
  tollType: "toll" | "tollFree";
}

/** A HATEOAS link (`rel`, `href`, `method`). */
export interface MeetingLink extends Extensible {
  rel: string;
  href: string;
  method: string;
}
