import { meetingFor } from "../domain/meeting-access.js";
import { addInvitee, isInvitee } from "../domain/meeting-invitees.js";
import { createMeetingRules, patchMeetingRules, updateMeetingRules } from "../domain/meeting-rules.js";
import { findTemplate } from "../domain/meeting-templates.js";
import { instanceJson, scheduledJson, seriesJson, type View } from "../domain/meeting-views.js";
import {
  actingHost,
  checkSiteUrl,
  currentOccurrence,
  generatedPassword,
  instanceState,
  instances,
  type MeetingRecord,
  meetingsOf,
  newMeetingIdentity,
  type Occurrence,
  occurrenceState,
  occurrences,
  type ScheduledType,
  seriesState,
  webLink,
} from "../domain/meetings.js";
import { parseRecurrence } from "../domain/recurrence.js";
import { roomOfMember } from "../domain/rooms.js";
import type { PersonRecord } from "../domain/store.js";
import { isTimeZone } from "../domain/zoned-time.js";
import { badRequest } from "../errors.js";
import { pageOf } from "../pagination.js";
import { type Ctx, defineResource, type Reply, route } from "../resource.js";
import type { Input } from "../rules.js";
import type { Json } from "../types.js";
import { parseTime } from "../validate.js";

/** Meetings (webex-meeting.json): series, their scheduled meetings and meeting instances. */

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
const MIN_DURATION_MS = 10 * MINUTE;
const MAX_DURATION_MS = (23 * 60 + 59) * MINUTE;
const JOIN_BEFORE_HOST_MINUTES = { meeting: [0, 5, 10, 15], webinar: [0, 15, 30, 45, 60] };
/** What a PATCH may clear with `null` (the spec's list). */
const CLEARABLE = ["agenda", "recurrence", "trackingCodes"];
/** Fields kept in their own places; everything else a body gives is a setting. */
const CORE_FIELDS = new Set([
  "adhoc",
  "roomId",
  "templateId",
  "title",
  "agenda",
  "password",
  "start",
  "end",
  "timezone",
  "recurrence",
  "scheduledType",
  "invitees",
  "sendEmail",
  "hostEmail",
  "siteUrl",
  "registration",
  "integrationTags",
]);
const DEFAULT_REGISTRATION: Json = {
  autoAcceptRequest: false,
  requireFirstName: true,
  requireLastName: true,
  requireEmail: true,
};

type CreateInput = Input<typeof createMeetingRules>;
type UpdateInput = Input<typeof updateMeetingRules>;

/** Times are written in the zone of the `timezone` request header, UTC by default. */
function viewOf(ctx: Ctx): View {
  const header = ctx.headers.timezone;
  const timeZone = typeof header === "string" && header !== "" ? header : "UTC";
  if (!isTimeZone(timeZone)) throw badRequest(`Invalid timezone header: ${timeZone}`);
  return { engine: ctx.engine, timeZone };
}

/**
 * A start and end as the service keeps them: to the minute (a start within the current minute moves
 * to the next), not in the past, 10 minutes to 23 h 59 min apart.
 */
function meetingTimes(startRaw: string, endRaw: string, now: number): { startMs: number; endMs: number } {
  const minute = (ms: number) => Math.floor(ms / MINUTE) * MINUTE;
  let startMs = minute(parseTime(startRaw, "start"));
  const endMs = minute(parseTime(endRaw, "end"));
  if (startMs < minute(now)) throw badRequest("start cannot be before current date and time.");
  if (startMs === minute(now)) startMs += MINUTE;
  if (endMs <= startMs) throw badRequest("end cannot be before start.");
  const duration = endMs - startMs;
  if (duration < MIN_DURATION_MS || duration > MAX_DURATION_MS) {
    throw badRequest(
      "Duration between start and end cannot be shorter than 10 minutes or longer than 23 hours 59 minutes.",
    );
  }
  return { startMs, endMs };
}

function checkTimeZone(timezone: string | undefined): string {
  const zone = timezone || "UTC";
  if (!isTimeZone(zone)) throw badRequest(`Invalid timezone: ${zone}`);
  return zone;
}

/** The rules every body shares beyond the rule table: enums by kind, tag lengths, live stream. */
function checkSettings(input: Partial<UpdateInput>, scheduledType: ScheduledType): void {
  const minutes = input.joinBeforeHostMinutes;
  const allowed = scheduledType === "webinar" ? JOIN_BEFORE_HOST_MINUTES.webinar : JOIN_BEFORE_HOST_MINUTES.meeting;
  if (minutes !== undefined && !allowed.includes(minutes)) {
    throw badRequest(`joinBeforeHostMinutes must be one of ${allowed.join(", ")} for a ${scheduledType}.`);
  }
  for (const tag of input.integrationTags ?? []) {
    if (tag.length > 64) throw badRequest("Each of integrationTags can be at most 64 characters long.");
  }
  const opacity = input.visualWatermarkOpacity;
  if (opacity !== undefined && (opacity < 5 || opacity > 80)) {
    throw badRequest("visualWatermarkOpacity must be between 5 and 80.");
  }
  if (input.enabledLiveStream === true && !input.liveStream)
    throw badRequest("liveStream is required when enabledLiveStream is true.");
}

function settingsOf(input: Json): Json {
  const settings: Json = {};
  for (const [key, value] of Object.entries(input))
    if (!CORE_FIELDS.has(key) && value !== undefined) settings[key] = value;
  return settings;
}

function registrationFor(
  scheduledType: ScheduledType,
  given: Json | undefined,
  recurrence: string | undefined,
): Json | undefined {
  if (scheduledType === "personalRoomMeeting") {
    if (given) throw badRequest("registration is not supported for a personal room meeting.");
    return undefined;
  }
  if (given && recurrence) throw badRequest("Meeting registration does not apply to a recurring meeting.");
  if (scheduledType === "webinar") return { ...DEFAULT_REGISTRATION, ...given };
  return given ? { ...DEFAULT_REGISTRATION, ...given } : undefined;
}

/** The invitees to add, checked and without repeats or the host (before anything is stored). */
function checkedInvitees(invitees: CreateInput["invitees"], host: PersonRecord) {
  const seen = new Set([host.json.emails[0]?.toLowerCase()]);
  const out: NonNullable<CreateInput["invitees"]> = [];
  for (const invitee of invitees ?? []) {
    const email = invitee.email.trim();
    if (!/^[^@\s]+@[^@\s]+$/.test(email)) throw badRequest(`Invalid email address: ${email}`);
    if (seen.has(email.toLowerCase())) continue;
    seen.add(email.toLowerCase());
    out.push({ ...invitee, email });
  }
  return out;
}

/** An ad-hoc meeting of a room: the one in progress if there is one, else a new one starting now. */
function adhocMeeting(ctx: Ctx, input: CreateInput): Reply {
  if (!input.roomId) throw badRequest("roomId is required when adhoc is true.");
  const room = roomOfMember(ctx, input.roomId);
  const now = ctx.engine.now();
  for (const series of meetingsOf(ctx.store).values()) {
    if (series.adhoc && series.roomId === room.id && series.endMs > now)
      return { json: seriesJson(viewOf(ctx), series) };
  }
  const startMs = Math.ceil((now + 5 * MINUTE) / MINUTE) * MINUTE;
  const series = newSeries(ctx, ctx.caller, {
    title: input.title || ctx.caller.json.displayName,
    startMs,
    endMs: startMs + 15 * MINUTE,
    timezone: "UTC",
    scheduledType: "meeting",
    roomId: room.id,
    adhoc: true,
    settings: { enabledJoinBeforeHost: true, allowAuthenticatedDevices: true },
  });
  for (const personId of room.members.keys()) {
    const person = ctx.store.people.get(personId);
    if (person && person.id !== ctx.caller.id) {
      addInvitee(ctx.store, ctx.store.random, series.id, series.id, { email: person.json.emails[0] as string }, now);
    }
  }
  return { json: seriesJson(viewOf(ctx), series) };
}

function newSeries(
  ctx: Ctx,
  host: PersonRecord,
  fields: Pick<MeetingRecord, "title" | "startMs" | "endMs" | "timezone" | "scheduledType" | "settings"> &
    Partial<MeetingRecord>,
): MeetingRecord {
  const random = ctx.store.random;
  const series: MeetingRecord = {
    ...newMeetingIdentity(random),
    hostId: host.id,
    password: generatedPassword(random),
    adhoc: false,
    exceptions: new Map(),
    createdMs: ctx.engine.now(),
    recorded: new Set(),
    ...fields,
  };
  if (series.registration) series.registerLinkId ??= `r${random.hex(32)}`;
  if (series.scheduledType === "webinar") series.settings.generatedPanelistPassword = generatedPassword(random);
  meetingsOf(ctx.store).set(series.id, series);
  return series;
}

function create(ctx: Ctx, given: CreateInput): Reply {
  if (given.adhoc) return adhocMeeting(ctx, given);
  const template = given.templateId ? findTemplate(given.templateId) : undefined;
  if (given.templateId && !template) throw badRequest(`Unknown templateId: ${given.templateId}`);
  // A template's meeting fills in what the body leaves out.
  const input = { ...(template?.meeting as Partial<CreateInput> | undefined), ...dropUndefined(given) } as CreateInput;
  checkSiteUrl(input.siteUrl);
  const room = input.roomId ? roomOfMember(ctx, input.roomId) : undefined;
  const host = room ? ctx.caller : actingHost(ctx.engine, ctx.caller, input.hostEmail);
  if (!input.title?.trim()) throw badRequest("title cannot be empty.");
  const now = ctx.engine.now();
  const defaultStart = Math.ceil((now + MINUTE) / (60 * MINUTE)) * 60 * MINUTE;
  const startRaw = input.start ?? (template ? new Date(defaultStart).toISOString() : undefined);
  const endRaw = input.end ?? (template ? new Date(defaultStart + 60 * MINUTE).toISOString() : undefined);
  if (!startRaw) throw badRequest("start cannot be empty.");
  if (!endRaw) throw badRequest("end cannot be empty.");
  const { startMs, endMs } = meetingTimes(startRaw, endRaw, now);
  const scheduledType = input.scheduledType ?? "meeting";
  checkSettings(input, scheduledType);
  const recurrence = input.recurrence || undefined;
  const rule = recurrence ? parseRecurrence(recurrence) : undefined;
  const timezone = checkTimeZone(input.timezone);
  const registration = registrationFor(scheduledType, input.registration as Json | undefined, recurrence);
  let invitees = input.invitees;
  if (room && !invitees) {
    // A space meeting invites the space's members (as cohosts) unless invitees are given.
    invitees = [...room.members.keys()]
      .map((id) => ctx.store.people.get(id))
      .filter((p): p is PersonRecord => p !== undefined && p.id !== host.id)
      .map((p) => ({ email: p.json.emails[0] as string, coHost: true, displayName: undefined, panelist: undefined }));
  }
  const toInvite = checkedInvitees(invitees, host);
  // Every check is done: from here on the meeting is stored.
  const series = newSeries(ctx, host, {
    title: input.title,
    agenda: input.agenda,
    startMs,
    endMs,
    timezone,
    recurrence,
    rule,
    scheduledType,
    roomId: room?.id,
    registration,
    integrationTags: input.integrationTags,
    settings: settingsOf(input),
  });
  if (input.password) series.password = input.password;
  for (const invitee of toInvite) addInvitee(ctx.store, ctx.store.random, series.id, series.id, invitee, now);
  return { json: seriesJson(viewOf(ctx), series) };
}

function dropUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/** `true`/`false` query flags; anything else is a 400 naming the parameter. */
function flag(ctx: Ctx, name: string): boolean | undefined {
  const raw = ctx.query.get(name);
  if (raw === null || raw === "") return undefined;
  if (raw !== "true" && raw !== "false") throw badRequest(`${name} must be true or false.`);
  return raw === "true";
}

function oneOf<T extends string>(ctx: Ctx, name: string, values: readonly T[]): T | undefined {
  const raw = ctx.query.get(name);
  if (raw === null || raw === "") return undefined;
  if (!(values as readonly string[]).includes(raw)) {
    throw badRequest(`${name} must be one of ${values.join(", ")}.`);
  }
  return raw as T;
}

const MEETING_TYPES = ["meetingSeries", "scheduledMeeting", "meeting"] as const;
const STATES = ["active", "scheduled", "ready", "lobby", "inProgress", "ended", "missed", "expired"] as const;
const SCHEDULED_TYPES = ["meeting", "webinar", "personalRoomMeeting"] as const;

/** The `from`/`to` window of a list, with the spec's defaults for each meeting type. */
function window(ctx: Ctx, meetingType: (typeof MEETING_TYPES)[number], now: number): { from: number; to: number } {
  const fromRaw = ctx.query.get("from");
  const toRaw = ctx.query.get("to");
  let from = fromRaw ? parseTime(fromRaw, "from") : undefined;
  let to = toRaw ? parseTime(toRaw, "to") : undefined;
  if (from !== undefined && to !== undefined && from > to) throw badRequest("from cannot be after to.");
  if (from === undefined && to === undefined) {
    [from, to] = meetingType === "meeting" ? [now - 7 * DAY, now] : [now, now + 7 * DAY];
  }
  from ??= (to as number) - 7 * DAY;
  to ??= from + 7 * DAY;
  return { from, to };
}

const overlaps = (startMs: number, endMs: number, w: { from: number; to: number }) => startMs < w.to && endMs > w.from;

/** A list entry: what it is filtered and sorted by, and its JSON, built for the page's entries only. */
interface Listed {
  startMs: number;
  state: string;
  scheduledType: ScheduledType;
  json: () => Json;
}

function list(ctx: Ctx): Reply {
  const view = viewOf(ctx);
  const now = ctx.engine.now();
  const actor = actingHost(ctx.engine, ctx.caller, ctx.query.get("hostEmail"));
  checkSiteUrl(ctx.query.get("siteUrl"));
  const keys = ["meetingNumber", "webLink", "roomId"].filter((name) => ctx.query.get(name));
  if (keys.length > 1) throw badRequest(`${keys.join(", ")} cannot be specified together.`);
  const meetingType = oneOf(ctx, "meetingType", MEETING_TYPES) ?? "meetingSeries";
  const state = oneOf(ctx, "state", STATES);
  const scheduledType = oneOf(ctx, "scheduledType", SCHEDULED_TYPES);
  const current = flag(ctx, "current") ?? true;
  const integrationTag = ctx.query.get("integrationTag");
  const seriesId = ctx.query.get("meetingSeriesId");
  const range = window(ctx, meetingType, now);

  const visible = [...meetingsOf(ctx.store).values()].filter(
    (m) => m.hostId === actor.id || isInvitee(ctx.store, m, actor),
  );
  const items: Listed[] = [];
  const addSeries = (series: MeetingRecord) => {
    const shown = current ? currentOccurrence(series, now) : undefined;
    items.push({
      startMs: shown?.startMs ?? series.startMs,
      state: seriesState(series, now),
      scheduledType: series.scheduledType,
      json: () => seriesJson(view, series, { current, listItem: true }),
    });
  };
  const addScheduled = (o: Occurrence) =>
    items.push({
      startMs: o.startMs,
      state: occurrenceState(o, now),
      scheduledType: o.series.scheduledType,
      json: () => scheduledJson(view, o),
    });
  const addInstance = (o: Occurrence) =>
    items.push({
      startMs: o.startMs,
      state: instanceState(o, now),
      scheduledType: o.series.scheduledType,
      json: () => instanceJson(view, o),
    });

  const byKey = keys[0];
  if (seriesId) {
    const series = visible.find((m) => m.id === seriesId);
    if (series) {
      const wantScheduled = ctx.query.get("meetingType") !== "meeting";
      const wantInstances = ctx.query.get("meetingType") !== "scheduledMeeting";
      for (const o of occurrences(series)) {
        if (wantScheduled && overlaps(o.startMs, o.endMs, range)) addScheduled(o);
      }
      if (wantInstances)
        for (const o of instances(series, now)) if (overlaps(o.startMs, o.endMs, range)) addInstance(o);
    }
  } else if (byKey) {
    const value = ctx.query.get(byKey) as string;
    for (const series of visible) {
      const match =
        byKey === "meetingNumber"
          ? series.meetingNumber === value
          : byKey === "webLink"
            ? webLink(series) === value
            : series.roomId === value;
      if (!match) continue;
      const shown = current && byKey !== "roomId" ? currentOccurrence(series, now) : undefined;
      if (shown) addScheduled(shown);
      else addSeries(series);
    }
  } else {
    for (const series of visible) {
      if (integrationTag && !series.integrationTags?.includes(integrationTag)) continue;
      if (meetingType === "meetingSeries") {
        if (series.adhoc) continue;
        const all = occurrences(series);
        const first = all[0];
        const last = all[all.length - 1];
        if (first && last && overlaps(first.startMs, last.endMs, range)) addSeries(series);
      } else if (meetingType === "scheduledMeeting") {
        if (series.adhoc) continue;
        for (const o of occurrences(series)) if (overlaps(o.startMs, o.endMs, range)) addScheduled(o);
      } else {
        for (const o of instances(series, now)) if (overlaps(o.startMs, o.endMs, range)) addInstance(o);
      }
    }
  }
  const wanted = items
    .filter((item) => !state || item.state === state)
    .filter((item) => !scheduledType || item.scheduledType === scheduledType)
    .sort((a, b) => a.startMs - b.startMs);
  return pageOf(ctx, wanted, 10, 100, undefined, (item) => item.json());
}

function get(ctx: Ctx): Reply {
  const view = viewOf(ctx);
  const { ref } = meetingFor(ctx, ctx.params.meetingId as string, "see");
  if (ref.kind === "scheduled") return { json: scheduledJson(view, ref.occurrence) };
  if (ref.kind === "instance") return { json: instanceJson(view, ref.occurrence) };
  if (flag(ctx, "current")) {
    const shown = currentOccurrence(ref.series, ctx.engine.now());
    if (shown) return { json: scheduledJson(view, shown) };
  }
  return { json: seriesJson(view, ref.series) };
}

/** A series or a scheduled meeting its host may change (not an instance, not an ad-hoc meeting). */
function changeable(ctx: Ctx) {
  const { ref } = meetingFor(ctx, ctx.params.meetingId as string, "manage");
  if (ref.kind === "instance") {
    throw badRequest("This operation doesn't apply to ended or in-progress meeting instances.");
  }
  const series = ref.kind === "series" ? ref.series : ref.occurrence.series;
  if (series.adhoc) throw badRequest("An ad-hoc meeting cannot be changed.");
  return ref;
}

/** Applies `input` (all of it for PUT, what is present for PATCH) and answers the updated meeting. */
function change(ctx: Ctx, input: Partial<UpdateInput>, whole: boolean): Reply {
  const view = viewOf(ctx);
  const ref = changeable(ctx);
  const now = ctx.engine.now();
  const cleared = new Set(CLEARABLE.filter((key) => ctx.body[key] === null));
  if (!whole) {
    for (const [key, value] of Object.entries(ctx.body)) {
      if (value === null && !CLEARABLE.includes(key)) throw badRequest(`${key} cannot be null.`);
    }
  } else if (!input.title?.trim() || !input.start || !input.end) {
    throw badRequest("title, start and end are required.");
  }
  if (input.title !== undefined && !input.title.trim()) throw badRequest("title cannot be empty.");
  if (ref.kind === "scheduled") {
    const occurrence = ref.occurrence;
    const series = occurrence.series;
    checkSettings(input, series.scheduledType);
    const times =
      input.start !== undefined || input.end !== undefined
        ? meetingTimes(
            input.start ?? new Date(occurrence.startMs).toISOString(),
            input.end ?? new Date(occurrence.endMs).toISOString(),
            now,
          )
        : undefined;
    const exception = series.exceptions.get(occurrence.originalStartMs) ?? {};
    if (input.title !== undefined) exception.title = input.title;
    if (input.agenda !== undefined) exception.agenda = input.agenda;
    else if (cleared.has("agenda") || whole) exception.agenda = null;
    if (input.password) exception.password = input.password;
    if (times) Object.assign(exception, times);
    series.exceptions.set(occurrence.originalStartMs, exception);
    const updated = occurrences(series).find((o) => o.originalStartMs === occurrence.originalStartMs);
    return { json: scheduledJson(view, updated as Occurrence) };
  }
  const series = ref.series;
  checkSettings(input, series.scheduledType);
  const times =
    input.start !== undefined || input.end !== undefined
      ? meetingTimes(
          input.start ?? new Date(series.startMs).toISOString(),
          input.end ?? new Date(series.endMs).toISOString(),
          now,
        )
      : undefined;
  const recurrence = cleared.has("recurrence")
    ? undefined
    : (input.recurrence ?? (whole ? undefined : series.recurrence));
  const rule = recurrence ? parseRecurrence(recurrence) : undefined;
  if (recurrence && series.registration && series.scheduledType === "meeting") {
    throw badRequest("Meeting registration does not apply to a recurring meeting.");
  }
  const timezone = input.timezone !== undefined ? checkTimeZone(input.timezone) : series.timezone;
  // Every check is done: from here on the series changes.
  const schedule = times !== undefined || recurrence !== series.recurrence || timezone !== series.timezone;
  if (input.title !== undefined) series.title = input.title;
  if (input.agenda !== undefined) series.agenda = input.agenda;
  else if (cleared.has("agenda") || whole) series.agenda = undefined;
  if (input.password) series.password = input.password;
  if (times) Object.assign(series, times);
  series.timezone = timezone;
  series.recurrence = recurrence;
  series.rule = rule;
  if (input.integrationTags !== undefined || whole) series.integrationTags = input.integrationTags;
  const settings = settingsOf(input as Json);
  const generated = series.settings.generatedPanelistPassword;
  series.settings = whole ? settings : { ...series.settings, ...settings };
  if (cleared.has("trackingCodes")) delete series.settings.trackingCodes;
  if (generated !== undefined) series.settings.generatedPanelistPassword = generated;
  if (schedule) {
    // New times or a new rule cancel the series' exceptional meetings, as on the service.
    series.starts = undefined;
    series.exceptions.clear();
  }
  return { json: seriesJson(view, series, { listItem: true }) };
}

function remove(ctx: Ctx): Reply {
  const sendEmail = ctx.query.get("sendEmail");
  if (sendEmail !== null && sendEmail !== "true" && sendEmail !== "false") {
    throw badRequest("sendEmail must be true or false.");
  }
  const ref = changeable(ctx);
  if (ref.kind === "scheduled") {
    const { series, originalStartMs } = ref.occurrence;
    series.exceptions.set(originalStartMs, { ...series.exceptions.get(originalStartMs), deleted: true });
  } else {
    meetingsOf(ctx.store).delete(ref.series.id);
  }
  return { status: 204 };
}

export const meetings = defineResource({
  name: "Meetings",
  routes: [
    route({ method: "GET", path: "meetings", handle: list }),
    route({ method: "POST", path: "meetings", body: createMeetingRules, handle: create }),
    route({ method: "GET", path: "meetings/:meetingId", handle: get }),
    route({
      method: "PUT",
      path: "meetings/:meetingId",
      body: updateMeetingRules,
      handle: (ctx, input) => change(ctx, input, true),
    }),
    route({
      method: "PATCH",
      path: "meetings/:meetingId",
      body: patchMeetingRules,
      handle: (ctx, input) => change(ctx, input, false),
    }),
    route({ method: "DELETE", path: "meetings/:meetingId", handle: remove }),
  ],
});
