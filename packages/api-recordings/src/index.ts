export type {
  RecordingDeleteOptions,
  RecordingGetOptions,
  RecordingListFilters,
  RecordingTime,
} from "./recording-fields.js";
export { RecordingsApi } from "./recordings-api.js";
