import type { Engine } from "../engine.js";
import { badRequest, forbidden, notFound } from "../errors.js";
import type { Random } from "../ids.js";
import type { Json } from "../types.js";
import { occurrenceStarts, type Recurrence } from "./recurrence.js";
import { type PersonRecord, type Store, table } from "./store.js";
import { compactUtc } from "./zoned-time.js";

/**
 * Meetings as the meetings API models them: a series (one, or many by `recurrence`) has scheduled
 * meetings (`<seriesId>_<20200516T230000Z>`), and each scheduled meeting that has begun a meeting
 * instance (`<seriesId>_I_<digits>`). The emulator holds every scheduled meeting on time, so states
 * follow the emulator's clock alone (see {@link occurrenceState}).
 */

export const SITE_URL = "emulated.webex.com";
const SITE_NAME = "emulated";
const MINUTE = 60_000;
/** A scheduled meeting is `ready` (can be started or joined) this long before its start. */
export const READY_LEAD_MS = 5 * MINUTE;

export type ScheduledType = "meeting" | "webinar" | "personalRoomMeeting";

/** Per-occurrence changes made through a scheduled meeting's ID (an "exceptional meeting"). */
export interface OccurrenceException {
  deleted?: boolean;
  title?: string;
  agenda?: string | null;
  password?: string;
  startMs?: number;
  endMs?: number;
}

export interface MeetingRecord {
  /** 32 lowercase hex digits. */
  id: string;
  meetingNumber: string;
  hostId: string;
  title: string;
  agenda?: string;
  password: string;
  /** Eight digits, for video systems and phones. */
  phonePassword: string;
  hostKey: string;
  /** The `MTID` of the web link. */
  linkId: string;
  startMs: number;
  endMs: number;
  timezone: string;
  recurrence?: string;
  rule?: Recurrence;
  scheduledType: ScheduledType;
  roomId?: string;
  adhoc: boolean;
  /** Registration settings; present when registration is on (always for a webinar). */
  registration?: Json;
  registerLinkId?: string;
  integrationTags?: string[];
  /** Every other setting, as given (defaults filled in when served). */
  settings: Json;
  exceptions: Map<number, OccurrenceException>;
  createdMs: number;
  /** Scheduled-meeting starts already recorded (automatic recording). */
  recorded: Set<number>;
  /** Occurrence starts, computed once per change of start or rule. */
  starts?: number[];
}

/** A scheduled meeting of a series, by its original start (which names it). */
export interface Occurrence {
  series: MeetingRecord;
  /** The start it was scheduled with: its ID, and the key of its exception. */
  originalStartMs: number;
  startMs: number;
  endMs: number;
  modified: boolean;
  title: string;
  agenda?: string;
  password: string;
}

export type MeetingRef =
  | { kind: "series"; series: MeetingRecord }
  | { kind: "scheduled"; occurrence: Occurrence }
  | { kind: "instance"; occurrence: Occurrence };

export const meetingRecords = table<MeetingRecord>();

export function meetingsOf(store: Store): Map<string, MeetingRecord> {
  return meetingRecords.of(store);
}

function digits(random: Random, length: number): string {
  return random.chars(length, "0123456789");
}

/** `BgJep@43`: the shape of a password the service generates. */
export function generatedPassword(random: Random): string {
  const upper = "ABCDEFGHJKLMNPQRSTUVWXYZ";
  const lower = "abcdefghijkmnopqrstuvwxyz";
  return `${random.chars(1, upper)}${random.chars(1, lower)}${random.chars(1, upper)}${random.chars(2, lower)}${random.chars(1, "@#$")}${digits(random, 2)}`;
}

/** Fields a new series draws from the generator: IDs, numbers, keys and links in the live formats. */
export function newMeetingIdentity(random: Random) {
  return {
    id: random.hex(32),
    meetingNumber: `2${digits(random, 10)}`,
    phonePassword: digits(random, 8),
    hostKey: digits(random, 6),
    linkId: `m${random.hex(32)}`,
  };
}

export function webLink(meeting: MeetingRecord): string {
  return `https://${SITE_URL}/${SITE_NAME}/j.php?MTID=${meeting.linkId}`;
}

export function registerLink(meeting: MeetingRecord): string | undefined {
  return meeting.registerLinkId ? `https://${SITE_URL}/weblink/register/${meeting.registerLinkId}` : undefined;
}

export function sipAddress(meeting: MeetingRecord): string {
  return `${meeting.meetingNumber}@${SITE_URL}`;
}

export function acceptsRegistration(meeting: MeetingRecord): boolean {
  return meeting.registration !== undefined;
}

/** Start instants of every scheduled meeting of the series (at most 1000), deleted ones included. */
function starts(meeting: MeetingRecord): number[] {
  meeting.starts ??= occurrenceStarts(meeting.rule, meeting.startMs, meeting.timezone);
  return meeting.starts;
}

function occurrenceAt(series: MeetingRecord, originalStartMs: number): Occurrence | undefined {
  const exception = series.exceptions.get(originalStartMs);
  if (exception?.deleted) return undefined;
  const duration = series.endMs - series.startMs;
  const startMs = exception?.startMs ?? originalStartMs;
  return {
    series,
    originalStartMs,
    startMs,
    endMs: exception?.endMs ?? startMs + duration,
    modified: exception !== undefined,
    title: exception?.title ?? series.title,
    agenda: exception?.agenda === null ? undefined : (exception?.agenda ?? series.agenda),
    password: exception?.password ?? series.password,
  };
}

/** The series' scheduled meetings, in order (deleted ones left out). */
export function occurrences(series: MeetingRecord): Occurrence[] {
  const out: Occurrence[] = [];
  for (const start of starts(series)) {
    const occurrence = occurrenceAt(series, start);
    if (occurrence) out.push(occurrence);
  }
  return out;
}

/** The scheduled meeting in progress, else the next one, else the last: what `current` shows. */
export function currentOccurrence(series: MeetingRecord, now: number): Occurrence | undefined {
  const all = occurrences(series);
  return all.find((o) => o.endMs > now) ?? all[all.length - 1];
}

export function scheduledMeetingId(occurrence: Occurrence): string {
  return `${occurrence.series.id}_${compactUtc(occurrence.originalStartMs)}`;
}

/** `<seriesId>_I_<18 digits>`: the start in seconds and the meeting number's last eight digits. */
export function instanceId(occurrence: Occurrence): string {
  const seconds = Math.floor(occurrence.originalStartMs / 1000);
  return `${occurrence.series.id}_I_${seconds}${occurrence.series.meetingNumber.slice(-8)}`;
}

/**
 * `scheduled`, then `ready` from {@link READY_LEAD_MS} before the start until the end, then `ended`
 * (the emulator holds every scheduled meeting on time).
 */
export function occurrenceState(occurrence: Occurrence, now: number): "scheduled" | "ready" | "ended" {
  if (now >= occurrence.endMs) return "ended";
  return now >= occurrence.startMs - READY_LEAD_MS ? "ready" : "scheduled";
}

export function instanceState(occurrence: Occurrence, now: number): "inProgress" | "ended" {
  return now >= occurrence.endMs ? "ended" : "inProgress";
}

/** `inProgress` while one of its meetings is, `active` while one is ahead, `expired` after the last. */
export function seriesState(series: MeetingRecord, now: number): "active" | "inProgress" | "expired" {
  const all = occurrences(series);
  if (all.some((o) => o.startMs <= now && now < o.endMs)) return "inProgress";
  return all.some((o) => o.endMs > now) ? "active" : "expired";
}

/** The meetings that have begun by `now` (each scheduled meeting begins on time). */
export function instances(series: MeetingRecord, now: number): Occurrence[] {
  return occurrences(series).filter((o) => o.startMs <= now);
}

/** A meeting ID of any of the three kinds, or undefined. */
export function findMeeting(store: Store, id: string, now: number): MeetingRef | undefined {
  const [seriesId, rest] = splitId(id);
  const series = meetingsOf(store).get(seriesId);
  if (!series) return undefined;
  if (rest === undefined) return { kind: "series", series };
  if (rest.startsWith("I_")) {
    const occurrence = instances(series, now).find((o) => instanceId(o) === id);
    return occurrence ? { kind: "instance", occurrence } : undefined;
  }
  const occurrence = occurrences(series).find((o) => scheduledMeetingId(o) === id);
  return occurrence ? { kind: "scheduled", occurrence } : undefined;
}

function splitId(id: string): [string, string | undefined] {
  const at = id.indexOf("_");
  return at < 0 ? [id, undefined] : [id.slice(0, at), id.slice(at + 1)];
}

export function seriesOf(ref: MeetingRef): MeetingRecord {
  return ref.kind === "series" ? ref.series : ref.occurrence.series;
}

/** Who a meeting is for: its host, and the people invited to it (by email). */
export function isHost(meeting: MeetingRecord, person: PersonRecord): boolean {
  return meeting.hostId === person.id;
}

/**
 * The person the call acts for: the caller, or with `hostEmail` (admins only, 403 otherwise) the
 * person of that email (404 when there is none).
 */
export function actingHost(engine: Engine, caller: PersonRecord, hostEmail: string | null | undefined): PersonRecord {
  if (!hostEmail || caller.json.emails.some((e) => e.toLowerCase() === hostEmail.toLowerCase())) return caller;
  if (!engine.isAdmin(caller)) throw forbidden("hostEmail may only be given by an administrator.");
  const host = engine.store.personByEmail(hostEmail);
  if (!host) throw notFound(`No user with the email ${hostEmail} on this site.`);
  return host;
}

export function checkSiteUrl(siteUrl: string | null | undefined): void {
  if (siteUrl && siteUrl.toLowerCase() !== SITE_URL) throw badRequest(`Unknown siteUrl: ${siteUrl}`);
}
