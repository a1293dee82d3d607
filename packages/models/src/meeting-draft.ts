import type { MeetingScheduledType } from "./enums.js";
import type { Extensible } from "./extensible.js";
import type { MeetingRegistration } from "./meeting-registration.js";
import type { MeetingSettings, SimultaneousInterpretation } from "./meeting-settings.js";

/**
 * Everything a meeting is created with (the spec's `CreateMeetingObject`): the settings, plus what can
 * only be set at creation. A template's `meeting` is one, ready for `meetings.create`.
 * `start` and `end` are required unless `templateId` or `adhoc` is given.
 */
export interface MeetingDraft<Time = string> extends MeetingSettings<Time> {
  /** Whether to create an ad-hoc meeting for the space `roomId` (which is then required). */
  adhoc?: boolean;
  /** The Webex space the meeting belongs to; its members are invited when `invitees` is left out. */
  roomId?: string;
  /** The meeting template to start from; `start` and `end` are then optional. */
  templateId?: string;
  /** A regular meeting (default), a webinar, or a meeting in the host's personal room. */
  scheduledType?: MeetingScheduledType;
  /** People invited, at most 1000. */
  invitees?: MeetingDraftInvitee[];
  /** Whether to email the host and invitees (default true). */
  sendEmail?: boolean;
  /** The site the meeting is created on (default: the host's preferred site). */
  siteUrl?: string;
  /** Registration form (webinars, and meetings with a password and no recurrence). */
  registration?: MeetingRegistration;
  simultaneousInterpretation?: SimultaneousInterpretation;
  /** Breakout sessions, at most 100. */
  breakoutSessions?: BreakoutSessionDraft[];
}

/** An invitee given when creating a meeting. */
export interface MeetingDraftInvitee extends Extensible {
  email: string;
  /** At most 128 characters. */
  displayName?: string;
  /** Whether the invitee may be a cohost. */
  coHost?: boolean;
  /** Whether the invitee is a panelist (webinars). */
  panelist?: boolean;
}

/** A breakout session given when creating a meeting. */
export interface BreakoutSessionDraft extends Extensible {
  name: string;
  /** Emails of its invitees (each in at most one session). */
  invitees?: string[];
}
