import type { AudioConnectionType, EntryAndExitTone, UnlockedMeetingJoinSecurity } from "./enums.js";
import type { Extensible } from "./extensible.js";

/**
 * What a meeting series or scheduled meeting can be changed to (the spec's update body, without the
 * request-only `sendEmail`): the part of `Meeting` its owner writes. `Time` is `string` in what the API
 * returns; the SDK's methods also take a `Date`.
 */
export interface MeetingSettings<Time = string> extends Extensible {
  /** Meeting title, at most 128 characters. */
  title: string;
  /** Meeting agenda, at most 1300 characters. */
  agenda?: string;
  /** Meeting password; a random one conforming to the site's rules when left out. */
  password?: string;
  /** Start, ISO 8601; at least 10 minutes and at most 23 h 59 min before `end`. */
  start?: Time;
  /** End, ISO 8601; after `start`. */
  end?: Time;
  /** IANA time zone of `start` and `end`, e.g. `America/Los_Angeles`. */
  timezone?: string;
  /** Series recurrence rule (RFC 2445), e.g. `FREQ=DAILY;INTERVAL=1;COUNT=10`. */
  recurrence?: string;
  /** Whether the meeting is recorded automatically. */
  enabledAutoRecordMeeting?: boolean;
  /** Whether any attendee with a host account on the site may become a cohost. */
  allowAnyUserToBeCoHost?: boolean;
  /** Whether attendees may join before the host. */
  enabledJoinBeforeHost?: boolean;
  /** Whether attendees may connect audio before the host joins (with `enabledJoinBeforeHost`). */
  enableConnectAudioBeforeHost?: boolean;
  /** Minutes before the start attendees may join: 0, 5, 10 or 15 for a meeting; 0, 15, 30, 45 or 60 for a webinar. */
  joinBeforeHostMinutes?: number;
  /** Whether the password is left out of the email invitation. */
  excludePassword?: boolean;
  /** Whether the meeting is listed on the public calendar. */
  publicMeeting?: boolean;
  /** Minutes before the start that a reminder is emailed to the host. */
  reminderTime?: number;
  /** How people not on the invite join the unlocked meeting. */
  unlockedMeetingJoinSecurity?: UnlockedMeetingJoinSecurity;
  /** The host's meeting session type; required for a webinar. */
  sessionTypeId?: number;
  /** Whether webcast view is enabled. */
  enabledWebcastView?: boolean;
  /** Password for the panelists of a webinar. */
  panelistPassword?: string;
  /** Whether the meeting locks itself after it starts. */
  enableAutomaticLock?: boolean;
  /** Minutes after the start at which it locks. */
  automaticLockMinutes?: number;
  /** Whether the first attendee with a host account on the site becomes a cohost. */
  allowFirstUserToBeCoHost?: boolean;
  /** Whether authenticated video devices of the organization may start or join without a prompt. */
  allowAuthenticatedDevices?: boolean;
  /** The host's email; an admin sets it to act for that host. */
  hostEmail?: string;
  /** What attendees may do in the meeting. */
  meetingOptions?: MeetingOptions;
  /** What attendees may do with shared content (not for webinars). */
  attendeePrivileges?: AttendeePrivileges;
  /** Keys of an integration's own domain (at most 3, each at most 64 characters), e.g. ticket IDs. */
  integrationTags?: string[];
  /** Whether breakout sessions are enabled. */
  enabledBreakoutSessions?: boolean;
  /** Tracking codes of the site. */
  trackingCodes?: MeetingTrackingCode[];
  /** Whether the audio carries a watermark (VoIP meetings). */
  enabledAudioWatermark?: boolean;
  /** Whether the video carries a watermark. */
  enabledVisualWatermark?: boolean;
  /** Opacity of the visual watermark, 5 to 80. */
  visualWatermarkOpacity?: number;
  /** How attendees connect audio. */
  audioConnectionOptions?: AudioConnectionOptions;
  /** Whether webinar attendees must sign in. */
  requireAttendeeLogin?: boolean;
  /** Whether the webinar is restricted to its invitees. */
  restrictToInvitees?: boolean;
  /** Whether live streaming is enabled (then `liveStream` is required). */
  enabledLiveStream?: boolean;
  /** Live streaming settings. */
  liveStream?: LiveStream;
}

/** What attendees may do in a meeting (some depend on the session type). */
export interface MeetingOptions extends Extensible {
  /** Whether attendees may chat. */
  enabledChat?: boolean;
  /** Whether attendees may have video. */
  enabledVideo?: boolean;
  /** Whether attendees may poll (webinars only). */
  enabledPolling?: boolean;
  /** Whether attendees may take notes. */
  enabledNote?: boolean;
  /** Who takes notes: everyone, or one note taker. */
  noteType?: "allowAll" | "allowOne";
  /** Whether attendees may transfer files. */
  enabledFileTransfer?: boolean;
  /** Whether attendees may share Universal Communications Format rich media. */
  enabledUCFRichMedia?: boolean;
}

/** What attendees may do with shared content (several are not supported on Webex Suite sites). */
export interface AttendeePrivileges extends Extensible {
  /** Whether attendees may share content. */
  enabledShareContent?: boolean;
  /** Whether attendees may save shared documents. */
  enabledSaveDocument?: boolean;
  /** Whether attendees may print shared documents. */
  enabledPrintDocument?: boolean;
  /** Whether attendees may annotate shared documents. */
  enabledAnnotate?: boolean;
  /** Whether attendees may see the participant list. */
  enabledViewParticipantList?: boolean;
  /** Whether attendees may see page thumbnails of shared documents. */
  enabledViewThumbnails?: boolean;
  /** Whether attendees may control applications remotely. */
  enabledRemoteControl?: boolean;
  /** Whether attendees may view any shared document. */
  enabledViewAnyDocument?: boolean;
  /** Whether attendees may scroll through any page of shared documents. */
  enabledViewAnyPage?: boolean;
  /** Whether attendees may contact the operator privately. */
  enabledContactOperatorPrivately?: boolean;
  /** Whether attendees may chat privately with the host. */
  enabledChatHost?: boolean;
  /** Whether attendees may chat privately with the presenter. */
  enabledChatPresenter?: boolean;
  /** Whether attendees may chat privately with other participants. */
  enabledChatOtherParticipants?: boolean;
}

/** A tracking code and its value. */
export interface MeetingTrackingCode extends Extensible {
  name: string;
  value: string;
}

/** How attendees connect a meeting's audio. */
export interface AudioConnectionOptions extends Extensible {
  audioConnectionType?: AudioConnectionType;
  /** Whether toll-free call-in numbers are shown. */
  enabledTollFreeCallIn?: boolean;
  /** Whether global call-in numbers are shown. */
  enabledGlobalCallIn?: boolean;
  /** Whether attendees may get a call-back (webinars only). */
  enabledAudienceCallBack?: boolean;
  /** What phone participants hear when someone enters or leaves. */
  entryAndExitTone?: EntryAndExitTone;
  /** Whether the host may unmute participants. */
  allowHostToUnmuteParticipants?: boolean;
  /** Whether attendees may unmute themselves. */
  allowAttendeeToUnmuteSelf?: boolean;
  /** Whether attendees are muted when they enter. */
  muteAttendeeUponEntry?: boolean;
}

/** Live streaming of a meeting to an RTMP destination. */
export interface LiveStream extends Extensible {
  /** Describes the destination, e.g. `Facebook`. */
  destination: string;
  /** The RTMP URL streamed to. */
  rtmpUrl: string;
  /** The playback URL. */
  streamUrl: string;
  /** Layout without shared content. */
  layoutWithoutSharedContent?: "grid" | "stack" | "focus";
  /** Layout with shared content. */
  layoutWithSharedContent?: "stack" | "focusedContentWithActiveSpeaker" | "focusedContent";
  /** Whether the layout may change during the meeting. */
  allowChangeLayoutInMeeting?: boolean;
  /** Whether the stream follows the stage layout when it is synchronized. */
  followStageLayoutWhenSynced?: boolean;
  /** Resolution, e.g. `1920x1080`. */
  resolution?: string;
}

/** Simultaneous interpretation of a meeting. */
export interface SimultaneousInterpretation extends Extensible {
  enabled: boolean;
  interpreters?: MeetingInterpreter[];
}

/** An interpreter between two languages (ISO 639-1 codes). */
export interface MeetingInterpreter extends Extensible {
  /** Unique identifier for the interpreter (set by the service). */
  id?: string;
  languageCode1: string;
  languageCode2: string;
  email?: string;
  displayName?: string;
}
