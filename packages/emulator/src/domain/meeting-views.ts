import type { Engine } from "../engine.js";
import type { Json } from "../types.js";
import { registrantsOf } from "./meeting-registrants.js";
import {
  currentOccurrence,
  instanceId,
  instanceState,
  type MeetingRecord,
  type Occurrence,
  occurrenceState,
  registerLink,
  SITE_URL,
  scheduledMeetingId,
  seriesState,
  sipAddress,
  webLink,
} from "./meetings.js";
import { recordingsOf } from "./recordings.js";
import { formatInZone } from "./zoned-time.js";

/** Settings a meeting has unless set, as in the spec's examples. */
const DEFAULT_SETTINGS: Json = {
  enabledAutoRecordMeeting: false,
  allowAnyUserToBeCoHost: false,
  enabledJoinBeforeHost: false,
  enableConnectAudioBeforeHost: false,
  joinBeforeHostMinutes: 0,
  excludePassword: false,
  publicMeeting: false,
  reminderTime: 10,
  unlockedMeetingJoinSecurity: "allowJoin",
  enableAutomaticLock: false,
  automaticLockMinutes: 0,
  allowFirstUserToBeCoHost: false,
  allowAuthenticatedDevices: false,
  enabledBreakoutSessions: false,
  enabledAudioWatermark: false,
  enabledVisualWatermark: false,
  enabledLiveStream: false,
};

const DEFAULT_OBJECTS: Record<string, Json> = {
  meetingOptions: {
    enabledChat: true,
    enabledVideo: true,
    enabledPolling: false,
    enabledNote: true,
    noteType: "allowAll",
    enabledFileTransfer: false,
    enabledUCFRichMedia: false,
  },
  attendeePrivileges: {
    enabledShareContent: true,
    enabledSaveDocument: false,
    enabledPrintDocument: false,
    enabledAnnotate: false,
    enabledViewParticipantList: true,
    enabledViewThumbnails: false,
    enabledRemoteControl: true,
    enabledViewAnyDocument: false,
    enabledViewAnyPage: false,
    enabledContactOperatorPrivately: false,
    enabledChatHost: true,
    enabledChatPresenter: true,
    enabledChatOtherParticipants: true,
  },
  audioConnectionOptions: {
    audioConnectionType: "webexAudio",
    enabledTollFreeCallIn: false,
    enabledGlobalCallIn: true,
    enabledAudienceCallBack: false,
    entryAndExitTone: "beep",
    allowHostToUnmuteParticipants: false,
    allowAttendeeToUnmuteSelf: true,
    muteAttendeeUponEntry: true,
  },
  simultaneousInterpretation: { enabled: false },
};

/** The webinar-only settings, left out of a meeting's JSON. */
const WEBINAR_ONLY = ["enabledWebcastView", "requireAttendeeLogin", "restrictToInvitees", "panelistPassword"];

export const SESSION_TYPE = { meeting: 3, webinar: 9, personalRoomMeeting: 3 } as const;

export interface View {
  engine: Engine;
  /** The `timezone` request header: the zone times are written in (UTC by default). */
  timeZone: string;
}

function telephony(meeting: MeetingRecord, id: string): Json {
  return {
    accessCode: meeting.meetingNumber,
    callInNumbers: [
      { label: "United States Toll", callInNumber: "+1-408-555-0199", tollType: "toll" },
      { label: "United States Toll Free", callInNumber: "+1-866-555-0199", tollType: "tollFree" },
    ],
    links: [{ rel: "globalCallinNumbers", href: `/v1/meetings/${id}/globalCallinNumbers`, method: "GET" }],
  };
}

/** The fields every kind of meeting shares; `live` is false for an ended instance (no number or password). */
function common(view: View, meeting: MeetingRecord, id: string, live: boolean): Json {
  const host = view.engine.store.people.get(meeting.hostId)?.json;
  const json: Json = { id };
  if (live) json.meetingNumber = meeting.meetingNumber;
  json.title = meeting.title;
  if (meeting.agenda !== undefined) json.agenda = meeting.agenda;
  if (live) {
    json.password = meeting.password;
    json.phoneAndVideoSystemPassword = meeting.phonePassword;
  }
  json.timezone = meeting.timezone;
  json.hostUserId = meeting.hostId;
  json.hostDisplayName = host?.displayName ?? "";
  json.hostEmail = host?.emails[0] ?? "";
  json.hostKey = meeting.hostKey;
  json.siteUrl = SITE_URL;
  json.webLink = webLink(meeting);
  json.sipAddress = sipAddress(meeting);
  json.dialInIpAddress = "192.0.2.10";
  if (meeting.roomId) json.roomId = meeting.roomId;
  Object.assign(json, DEFAULT_SETTINGS);
  json.sessionTypeId = SESSION_TYPE[meeting.scheduledType];
  for (const [key, value] of Object.entries(meeting.settings)) {
    if (meeting.scheduledType !== "webinar" && WEBINAR_ONLY.includes(key)) continue;
    if (value === undefined) continue;
    const base = DEFAULT_OBJECTS[key];
    json[key] = base && value && typeof value === "object" ? { ...base, ...(value as Json) } : value;
  }
  for (const [key, base] of Object.entries(DEFAULT_OBJECTS)) {
    if (key === "attendeePrivileges" && meeting.scheduledType === "webinar") continue;
    json[key] ??= base;
  }
  json.scheduledType = meeting.scheduledType;
  json.telephony = telephony(meeting, id);
  if (meeting.registration) json.registration = meeting.registration;
  if (meeting.integrationTags?.length) json.integrationTags = meeting.integrationTags;
  if (meeting.scheduledType === "webinar") {
    json.panelistPassword ??= meeting.settings.generatedPanelistPassword;
    delete json.generatedPanelistPassword;
    json.phoneAndVideoSystemPanelistPassword = meeting.phonePassword.split("").reverse().join("");
  } else {
    delete json.generatedPanelistPassword;
  }
  return json;
}

function times(view: View, json: Json, startMs: number, endMs: number | undefined): void {
  json.start = formatInZone(startMs, view.timeZone);
  if (endMs !== undefined) json.end = formatInZone(endMs, view.timeZone);
}

/**
 * A series (`meetingType: meetingSeries`). With `current`, its start and end are those of the
 * scheduled meeting in progress or next. As a list item it also names itself as its series.
 */
export function seriesJson(
  view: View,
  series: MeetingRecord,
  options: { current?: boolean; listItem?: boolean } = {},
): Json {
  const now = view.engine.now();
  const json = common(view, series, series.id, true);
  if (options.listItem) json.meetingSeriesId = series.id;
  json.meetingType = "meetingSeries";
  json.state = seriesState(series, now);
  const shown = options.current ? currentOccurrence(series, now) : undefined;
  times(view, json, shown?.startMs ?? series.startMs, shown?.endMs ?? series.endMs);
  if (series.recurrence) json.recurrence = series.recurrence;
  const link = registerLink(series);
  if (link) json.registerLink = link;
  if (options.listItem) {
    json.hasRegistration = series.registration !== undefined;
    json.hasRegistrants = hasRegistrants(view, series);
  }
  return reorder(json);
}

export function scheduledJson(view: View, occurrence: Occurrence): Json {
  const series = occurrence.series;
  const id = scheduledMeetingId(occurrence);
  const json = common(
    view,
    { ...series, title: occurrence.title, agenda: occurrence.agenda, password: occurrence.password },
    id,
    true,
  );
  json.meetingSeriesId = series.id;
  json.meetingType = "scheduledMeeting";
  json.state = occurrenceState(occurrence, view.engine.now());
  json.isModified = occurrence.modified;
  times(view, json, occurrence.startMs, occurrence.endMs);
  json.hasRegistration = series.registration !== undefined;
  json.hasRegistrants = hasRegistrants(view, series);
  return reorder(json);
}

function hasRegistrants(view: View, series: MeetingRecord): boolean {
  for (const registrant of registrantsOf(view.engine.store).values()) {
    if (registrant.seriesId === series.id && registrant.status !== "cancelled") return true;
  }
  return false;
}

export function instanceJson(view: View, occurrence: Occurrence): Json {
  const series = occurrence.series;
  const now = view.engine.now();
  const state = instanceState(occurrence, now);
  const id = instanceId(occurrence);
  const json = common(
    view,
    { ...series, title: occurrence.title, agenda: occurrence.agenda, password: occurrence.password },
    id,
    state !== "ended",
  );
  json.meetingSeriesId = series.id;
  json.scheduledMeetingId = scheduledMeetingId(occurrence);
  json.meetingType = "meeting";
  json.state = state;
  times(view, json, occurrence.startMs, state === "ended" ? occurrence.endMs : undefined);
  if (state === "ended") {
    json.hasRecording = [...recordingsOf(view.engine.store).values()].some((r) => r.meetingId === id);
    json.hasChat = false;
    json.hasTranscription = false;
    json.hasClosedCaption = false;
    json.hasPolls = false;
    json.hasQA = false;
    json.hasSlido = false;
  }
  json.hasRegistration = series.registration !== undefined;
  json.hasRegistrants = hasRegistrants(view, series);
  return reorder(json);
}

/** Keys in the order the spec lists them, so the JSON reads like the service's. */
const ORDER = [
  "id",
  "meetingSeriesId",
  "scheduledMeetingId",
  "meetingNumber",
  "title",
  "agenda",
  "password",
  "phoneAndVideoSystemPassword",
  "meetingType",
  "state",
  "isModified",
  "timezone",
  "start",
  "end",
  "recurrence",
];

function reorder(json: Json): Json {
  const out: Json = {};
  for (const key of ORDER) if (json[key] !== undefined) out[key] = json[key];
  for (const [key, value] of Object.entries(json)) if (!(key in out) && value !== undefined) out[key] = value;
  return out;
}
