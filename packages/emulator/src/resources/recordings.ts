import { deleteRecordingRules } from "../domain/meeting-rules.js";
import { actingHost, checkSiteUrl, SITE_URL } from "../domain/meetings.js";
import { type RecordingRecord, recordingLinks, recordingsOf, settleRecordings } from "../domain/recordings.js";
import type { PersonRecord } from "../domain/store.js";
import { formatInZone, isTimeZone } from "../domain/zoned-time.js";
import { badRequest, notFound } from "../errors.js";
import { pageOf } from "../pagination.js";
import { type Ctx, defineResource, type Reply, route } from "../resource.js";
import type { Json } from "../types.js";
import { parseTime } from "../validate.js";

/**
 * Recordings (webex-meeting.json): made as meetings with automatic recording end (and seedable over
 * the control API); the host's, newest first. A deleted recording moves to the recycle bin
 * (`status=deleted` lists it) and is gone for everything else.
 */

const RECORDING_NOT_FOUND = "Recording not found.";
const DAY = 24 * 3600_000;
const FORMATS = ["MP4", "ARF"];
const SERVICE_TYPES = ["MeetingCenter", "EventCenter", "SupportCenter", "TrainingCenter"];

function zoneOf(ctx: Ctx): string {
  const header = ctx.headers.timezone;
  const zone = typeof header === "string" && header !== "" ? header : "UTC";
  if (!isTimeZone(zone)) throw badRequest(`Invalid timezone header: ${zone}`);
  return zone;
}

export function recordingJson(recording: RecordingRecord, zone = "UTC"): Json {
  const json: Json = { id: recording.id };
  if (recording.meetingId) json.meetingId = recording.meetingId;
  if (recording.scheduledMeetingId) json.scheduledMeetingId = recording.scheduledMeetingId;
  if (recording.meetingSeriesId) json.meetingSeriesId = recording.meetingSeriesId;
  json.topic = recording.topic;
  json.createTime = formatInZone(recording.createdMs, zone);
  json.timeRecorded = formatInZone(recording.recordedMs, zone);
  json.siteUrl = SITE_URL;
  Object.assign(json, recordingLinks(recording));
  json.password = "********";
  json.format = recording.format;
  json.serviceType = recording.serviceType;
  json.durationSeconds = recording.durationSeconds;
  json.sizeBytes = recording.sizeBytes;
  json.shareToMe = false;
  if (recording.integrationTags?.length) json.integrationTags = recording.integrationTags;
  json.status = recording.status;
  return json;
}

/** Download links that last three hours, as the service's. */
function detailedJson(recording: RecordingRecord, zone: string, now: number): Json {
  const json = recordingJson(recording, zone);
  const base = `https://${SITE_URL}/nbr/MultiThreadDownloadServlet?recordid=${recording.downloadId}&timestamp=${now}`;
  const detailed: Json = {};
  for (const [key, value] of Object.entries(json)) {
    if (key === "format") {
      detailed.temporaryDirectDownloadLinks = {
        recordingDownloadLink: base,
        audioDownloadLink: `${base}&mediaType=1`,
        transcriptDownloadLink: `${base}&mediaType=2`,
        expiration: formatInZone(now + 3 * 3600_000, zone),
      };
    }
    detailed[key] = value;
  }
  return detailed;
}

function oneOf(ctx: Ctx, name: string, values: readonly string[]): string | undefined {
  const raw = ctx.query.get(name);
  if (raw === null || raw === "") return undefined;
  if (!values.includes(raw)) throw badRequest(`${name} must be one of ${values.join(", ")}.`);
  return raw;
}

function list(ctx: Ctx): Reply {
  settleRecordings(ctx.engine);
  const zone = zoneOf(ctx);
  const now = ctx.engine.now();
  const host = actingHost(ctx.engine, ctx.caller, ctx.query.get("hostEmail"));
  const q = ctx.query;
  const meetingId = q.get("meetingId");
  if (!meetingId) checkSiteUrl(q.get("siteUrl"));
  const format = oneOf(ctx, "format", FORMATS);
  const serviceType = oneOf(ctx, "serviceType", SERVICE_TYPES);
  const status = oneOf(ctx, "status", ["available", "deleted", "purged"]) ?? "available";
  const topic = q.get("topic")?.toLowerCase();
  const integrationTag = q.get("integrationTag");
  let from = q.get("from") ? parseTime(q.get("from") as string, "from") : undefined;
  let to = q.get("to") ? parseTime(q.get("to") as string, "to") : undefined;
  if (from !== undefined && to !== undefined && from > to) throw badRequest("from cannot be after to.");
  if (from === undefined && to === undefined) [from, to] = [now - 7 * DAY, now];
  from ??= (to as number) - 7 * DAY;
  to ??= from + 7 * DAY;
  const items = [...recordingsOf(ctx.store).values()]
    .filter(
      (r) =>
        r.hostId === host.id &&
        r.status === status &&
        r.createdMs >= (from as number) &&
        r.createdMs < (to as number) &&
        (!meetingId || [r.meetingId, r.scheduledMeetingId, r.meetingSeriesId].includes(meetingId)) &&
        (!format || r.format === format) &&
        (!serviceType || r.serviceType === serviceType) &&
        (!topic || r.topic.toLowerCase() === topic) &&
        (!integrationTag || r.integrationTags?.includes(integrationTag)),
    )
    .sort((a, b) => b.createdMs - a.createdMs);
  return pageOf(ctx, items, 10, 100, undefined, (r) => recordingJson(r, zone));
}

/** The host's available recording; anyone else's is a 404, as if it did not exist. */
function recordingFor(ctx: Ctx, host: PersonRecord): RecordingRecord {
  settleRecordings(ctx.engine);
  const recording = recordingsOf(ctx.store).get(ctx.params.recordingId as string);
  if (recording?.status !== "available" || recording.hostId !== host.id) {
    throw notFound(RECORDING_NOT_FOUND);
  }
  return recording;
}

function get(ctx: Ctx): Reply {
  const zone = zoneOf(ctx);
  const host = actingHost(ctx.engine, ctx.caller, ctx.query.get("hostEmail"));
  return { json: detailedJson(recordingFor(ctx, host), zone, ctx.engine.now()) };
}

/** A real DELETE; `reason` and `comment` (at most 255 characters) are checked by the rule table. */
function remove(ctx: Ctx): Reply {
  const host = actingHost(ctx.engine, ctx.caller, ctx.query.get("hostEmail"));
  recordingFor(ctx, host).status = "deleted";
  return { status: 204 };
}

export const recordings = defineResource({
  name: "Recordings",
  routes: [
    route({ method: "GET", path: "recordings", handle: list }),
    route({ method: "GET", path: "recordings/:recordingId", handle: get }),
    route({
      method: "DELETE",
      path: "recordings/:recordingId",
      read: "json",
      body: deleteRecordingRules,
      handle: remove,
    }),
  ],
});
