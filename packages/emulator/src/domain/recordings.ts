import type { Engine } from "../engine.js";
import { badRequest } from "../errors.js";
import { type Input, rules } from "../rules.js";
import type { Json } from "../types.js";
import { instanceId, instances, meetingsOf, SITE_URL, scheduledMeetingId } from "./meetings.js";
import { type PersonRecord, type Store, table } from "./store.js";

/** A recording: made when a meeting with automatic recording ends, or seeded over the control API. */
export interface RecordingRecord {
  /** 32 hex digits. */
  id: string;
  hostId: string;
  meetingId?: string;
  scheduledMeetingId?: string;
  meetingSeriesId?: string;
  topic: string;
  createdMs: number;
  recordedMs: number;
  durationSeconds: number;
  sizeBytes: number;
  format: "MP4" | "ARF" | "UPLOADED";
  serviceType: "MeetingCenter" | "EventCenter" | "TrainingCenter" | "SupportCenter";
  integrationTags?: string[];
  /** RCIDs of the download and playback links. */
  downloadId: string;
  playbackId: string;
  status: "available" | "deleted";
}

export const recordingRecords = table<RecordingRecord>();

export function recordingsOf(store: Store): Map<string, RecordingRecord> {
  return recordingRecords.of(store);
}

/** About 30 kB per second of MP4, as a size to show. */
const BYTES_PER_SECOND = 30_000;

export function newRecording(
  engine: Engine,
  fields: Omit<
    RecordingRecord,
    "id" | "downloadId" | "playbackId" | "status" | "sizeBytes" | "format" | "serviceType"
  > &
    Partial<Pick<RecordingRecord, "format" | "serviceType" | "sizeBytes">>,
): RecordingRecord {
  const random = engine.store.random;
  const recording: RecordingRecord = {
    ...fields,
    id: random.hex(32),
    downloadId: random.hex(32),
    playbackId: random.hex(32),
    status: "available",
    format: fields.format ?? "MP4",
    serviceType: fields.serviceType ?? "MeetingCenter",
    sizeBytes: fields.sizeBytes ?? fields.durationSeconds * BYTES_PER_SECOND,
  };
  recordingsOf(engine.store).set(recording.id, recording);
  return recording;
}

/** What `emu.addRecording` takes: a recording of the host's, optionally of one of their meetings. */
export const addRecordingRules = rules({
  topic: { type: "string", required: true },
  hostEmail: { type: "email" },
  meetingId: { type: "string" },
  createTime: { type: "time" },
  durationSeconds: { type: "number", integer: true, min: 1, max: 24 * 3600 },
  format: { type: "string", values: ["MP4", "ARF", "UPLOADED"] },
  serviceType: { type: "string", values: ["MeetingCenter", "EventCenter", "TrainingCenter", "SupportCenter"] },
  integrationTags: { type: "strings", maxItems: 3 },
});

/** Seeds a recording (the control API's `POST recordings`); the host defaults to the seeded user. */
export function seedRecording(
  engine: Engine,
  host: PersonRecord,
  input: Input<typeof addRecordingRules>,
): RecordingRecord {
  const series = input.meetingId ? meetingsOf(engine.store).get(input.meetingId) : undefined;
  if (input.meetingId && !series) throw badRequest(`addRecording: unknown meeting series ${input.meetingId}`);
  if (series && series.hostId !== host.id) throw badRequest("addRecording: the meeting has another host.");
  const durationSeconds = input.durationSeconds ?? 3600;
  const createdMs = input.createTime ?? engine.now();
  // Every recording is of a meeting instance: without a series, one of an unnamed meeting.
  const seriesId = series?.id ?? engine.store.random.hex(32);
  const startSeconds = Math.floor(createdMs / 1000) - durationSeconds;
  return newRecording(engine, {
    hostId: host.id,
    meetingId: `${seriesId}_I_${startSeconds}${engine.store.random.chars(8, "0123456789")}`,
    meetingSeriesId: series?.id,
    topic: input.topic,
    createdMs,
    recordedMs: createdMs - durationSeconds * 1000,
    durationSeconds,
    format: input.format,
    serviceType: input.serviceType,
    integrationTags: input.integrationTags ?? series?.integrationTags,
  });
}

/**
 * Records every meeting with `enabledAutoRecordMeeting` that has ended by now and has no recording
 * yet. Run before recordings are read, so they appear as the clock passes each meeting's end.
 */
export function settleRecordings(engine: Engine): void {
  const now = engine.now();
  for (const series of meetingsOf(engine.store).values()) {
    if (series.settings.enabledAutoRecordMeeting !== true) continue;
    for (const occurrence of instances(series, now)) {
      if (occurrence.endMs > now || series.recorded.has(occurrence.originalStartMs)) continue;
      series.recorded.add(occurrence.originalStartMs);
      newRecording(engine, {
        hostId: series.hostId,
        meetingId: instanceId(occurrence),
        scheduledMeetingId: scheduledMeetingId(occurrence),
        meetingSeriesId: series.id,
        topic: occurrence.title,
        createdMs: occurrence.endMs,
        recordedMs: occurrence.startMs,
        durationSeconds: Math.round((occurrence.endMs - occurrence.startMs) / 1000),
        serviceType: series.scheduledType === "webinar" ? "EventCenter" : "MeetingCenter",
        integrationTags: series.integrationTags,
      });
    }
  }
}

export function recordingLinks(recording: RecordingRecord): Json {
  return {
    downloadUrl: `https://${SITE_URL}/emulated/lsr.php?RCID=${recording.downloadId}`,
    playbackUrl: `https://${SITE_URL}/emulated/ldr.php?RCID=${recording.playbackId}`,
  };
}
