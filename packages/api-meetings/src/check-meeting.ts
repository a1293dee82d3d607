import { isoTime, ValidationError } from "@wx/core";
import type { MeetingTime } from "./meeting-fields.js";

/** The spec's limits on a meeting's fields (create, update and patch). */
const MAX_LENGTH = { title: 128, agenda: 1300 } as const;
const MAX_ITEMS = { invitees: 1000, integrationTags: 3, breakoutSessions: 100 } as const;
const MAX_INTEGRATION_TAG_LENGTH = 64;
const MIN_DURATION_MS = 10 * 60_000;
const MAX_DURATION_MS = (23 * 60 + 59) * 60_000;
const WATERMARK_OPACITY = { min: 5, max: 80 } as const;
const JOIN_BEFORE_HOST_MINUTES = { meeting: [0, 5, 10, 15], webinar: [0, 15, 30, 45, 60] } as const;

type Fields = Record<string, unknown>;

/** What a call checks beyond the limits every call shares. */
export interface MeetingCheck {
  /** The fields it must have. */
  required: readonly string[];
  /** The fields `null` may clear (only a patch has them). */
  clearable?: readonly string[];
  /** The kind of meeting when known (on create): it decides the allowed `joinBeforeHostMinutes`. */
  scheduledType?: "meeting" | "webinar";
}

/** Throws the first problem of a meeting's fields. */
export function checkMeetingFields(input: object, { required, clearable = [], scheduledType }: MeetingCheck): void {
  if (typeof input !== "object" || input === null || Array.isArray(input)) {
    throw new ValidationError("the meeting's fields must be an object", { argument: "fields" });
  }
  const fields = input as Fields;
  for (const name of required) {
    const value = fields[name];
    if (value === undefined || value === null || (typeof value === "string" && value.trim() === "")) {
      throw new ValidationError(`${name} is required`, { argument: name });
    }
  }
  for (const [name, value] of Object.entries(fields)) {
    if (value === null && !clearable.includes(name)) {
      const hint = clearable.length ? ` (only ${clearable.join(", ")} can be cleared with null)` : "";
      throw new ValidationError(`${name} cannot be null${hint}`, { argument: name });
    }
  }
  for (const [name, max] of Object.entries(MAX_LENGTH)) {
    const value = fields[name];
    if (value === undefined || value === null) continue;
    if (typeof value !== "string") throw new ValidationError(`${name} must be a string`, { argument: name });
    if (value.length > max) {
      throw new ValidationError(`${name} takes at most ${max} characters, got ${value.length}`, { argument: name });
    }
  }
  for (const [name, max] of Object.entries(MAX_ITEMS)) {
    const value = fields[name];
    if (value === undefined || value === null) continue;
    if (!Array.isArray(value)) throw new ValidationError(`${name} must be an array`, { argument: name });
    if (value.length > max) {
      throw new ValidationError(`${name} takes at most ${max} entries, got ${value.length}`, { argument: name });
    }
  }
  checkEntries(fields);
  checkTimes(fields.start as MeetingTime | undefined, fields.end as MeetingTime | undefined);
  checkOptions(fields, scheduledType);
}

function checkEntries(fields: Fields): void {
  const tags = (fields.integrationTags ?? []) as unknown[];
  if (tags.some((tag) => typeof tag !== "string" || tag.length > MAX_INTEGRATION_TAG_LENGTH)) {
    throw new ValidationError(
      `each of integrationTags must be a string of at most ${MAX_INTEGRATION_TAG_LENGTH} characters`,
      {
        argument: "integrationTags",
      },
    );
  }
  for (const invitee of (fields.invitees ?? []) as { email?: unknown }[]) {
    if (typeof invitee?.email !== "string" || invitee.email.trim() === "") {
      throw new ValidationError("each of invitees needs an email", { argument: "invitees" });
    }
  }
  for (const session of (fields.breakoutSessions ?? []) as { name?: unknown }[]) {
    if (typeof session?.name !== "string" || session.name.trim() === "") {
      throw new ValidationError("each of breakoutSessions needs a name", { argument: "breakoutSessions" });
    }
  }
}

/** Both valid times, `end` after `start`, and the spec's 10 minutes to 23 h 59 min between them. */
function checkTimes(start: MeetingTime | undefined, end: MeetingTime | undefined): void {
  const startIso = isoTime("start", start);
  const endIso = isoTime("end", end);
  if (startIso === undefined || endIso === undefined) return;
  const duration = Date.parse(endIso) - Date.parse(startIso);
  if (duration <= 0)
    throw new ValidationError(`end (${endIso}) must be after start (${startIso})`, { argument: "end" });
  if (duration < MIN_DURATION_MS || duration > MAX_DURATION_MS) {
    throw new ValidationError(
      `a meeting lasts from 10 minutes to 23 hours 59 minutes; start ${startIso} and end ${endIso} are ${Math.round(duration / 60_000)} minutes apart`,
      { argument: "end" },
    );
  }
}

function checkOptions(fields: Fields, scheduledType: "meeting" | "webinar" | undefined): void {
  if (fields.adhoc === true && (typeof fields.roomId !== "string" || fields.roomId.trim() === "")) {
    throw new ValidationError("an ad-hoc meeting needs the roomId of its space", { argument: "roomId" });
  }
  const opacity = fields.visualWatermarkOpacity;
  if (
    opacity !== undefined &&
    (typeof opacity !== "number" || opacity < WATERMARK_OPACITY.min || opacity > WATERMARK_OPACITY.max)
  ) {
    throw new ValidationError(
      `visualWatermarkOpacity must be from ${WATERMARK_OPACITY.min} to ${WATERMARK_OPACITY.max}, got ${String(opacity)}`,
      { argument: "visualWatermarkOpacity" },
    );
  }
  const minutes = fields.joinBeforeHostMinutes;
  const allowed: readonly number[] = scheduledType
    ? JOIN_BEFORE_HOST_MINUTES[scheduledType]
    : [...new Set([...JOIN_BEFORE_HOST_MINUTES.meeting, ...JOIN_BEFORE_HOST_MINUTES.webinar])];
  if (minutes !== undefined && !allowed.includes(minutes as number)) {
    throw new ValidationError(
      `joinBeforeHostMinutes ${scheduledType ? `of a ${scheduledType} ` : ""}is one of ${allowed.join(", ")}, got ${String(minutes)}`,
      { argument: "joinBeforeHostMinutes" },
    );
  }
  if (fields.enabledLiveStream === true && (fields.liveStream === undefined || fields.liveStream === null)) {
    throw new ValidationError("enabledLiveStream needs liveStream settings", { argument: "liveStream" });
  }
}

/** The fields with `start` and `end` as the ISO strings the API takes. */
export function withIsoTimes<T extends object>(input: T): T {
  const fields = input as Fields;
  const out: Fields = { ...fields };
  if (fields.start !== undefined && fields.start !== null) out.start = isoTime("start", fields.start as MeetingTime);
  if (fields.end !== undefined && fields.end !== null) out.end = isoTime("end", fields.end as MeetingTime);
  return out as T;
}
