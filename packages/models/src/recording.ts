import type { RecordingFormat, RecordingServiceType, RecordingStatus } from "./enums.js";
import type { Extensible } from "./extensible.js";

/** A meeting recording (`get` adds `temporaryDirectDownloadLinks`). */
export interface Recording extends Extensible {
  /** Unique identifier for the recording. */
  id: string;
  /** The ended meeting instance it was recorded in. */
  meetingId: string;
  /** The scheduled meeting of that instance. */
  scheduledMeetingId?: string;
  /** The meeting series of that instance. */
  meetingSeriesId?: string;
  topic: string;
  /** When the recording file was made, ISO 8601 (not when recording started). */
  createTime: string;
  /** When recording started, ISO 8601. */
  timeRecorded: string;
  siteUrl: string;
  /** Download page (absent when downloading is prevented). */
  downloadUrl?: string;
  /** Playback page. */
  playbackUrl: string;
  password: string;
  format: RecordingFormat;
  serviceType: RecordingServiceType;
  durationSeconds: number;
  sizeBytes: number;
  /** Whether it was shared with the caller. */
  shareToMe: boolean;
  /** Keys of the meeting's integration tags. */
  integrationTags?: string[];
  status: RecordingStatus;
  /** Direct download links, valid for 3 hours (only from `get`). */
  temporaryDirectDownloadLinks?: RecordingDownloadLinks;
}

/** Links that download a recording's files directly, without an HTML page or redirect. */
export interface RecordingDownloadLinks extends Extensible {
  recordingDownloadLink?: string;
  audioDownloadLink?: string;
  transcriptDownloadLink?: string;
  /** When the links expire, ISO 8601. */
  expiration?: string;
}
