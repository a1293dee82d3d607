import { type CallOptions, isoTime, type Paginated, Resource, type Session, ValidationError } from "@wx/core";
import type { Recording } from "@wx/models";
import type { RecordingDeleteOptions, RecordingGetOptions, RecordingListFilters } from "./recording-fields.js";

const MAX_PAGE_SIZE = 100;
const MAX_COMMENT_LENGTH = 255;

/** Meeting recordings: `GET /recordings`, `GET/DELETE /recordings/{recordingId}`. */
export class RecordingsApi {
  readonly #recordings: Resource<Recording>;

  constructor(session: Session) {
    this.#recordings = new Resource<Recording>(session, "recordings", "recording", "recordingId", MAX_PAGE_SIZE);
  }

  /** Recordings of meetings the caller hosted or was shared, newest first, lazily paged. */
  list(filters: RecordingListFilters = {}, options?: CallOptions): Paginated<Recording> {
    const { timezone, ...query } = filters;
    const from = isoTime("from", query.from);
    const to = isoTime("to", query.to);
    if (from !== undefined && to !== undefined && Date.parse(from) > Date.parse(to)) {
      throw new ValidationError(`from (${from}) cannot be after to (${to})`, { argument: "from" });
    }
    return this.#recordings.list({ max: MAX_PAGE_SIZE, ...query, from, to }, withHeaders({ timezone }, options));
  }

  /** A recording, with its temporary direct download links. */
  async get(recordingId: string, query: RecordingGetOptions = {}, options?: CallOptions): Promise<Recording> {
    const { siteUrl, timezone, hostEmail } = query;
    return this.#recordings.get(recordingId, withHeaders({ siteUrl, timezone }, options), { hostEmail });
  }

  /** Deletes a recording: a real `DELETE` (the Python SDK sends a GET, which deletes nothing). */
  async delete(recordingId: string, query: RecordingDeleteOptions = {}, options?: CallOptions): Promise<void> {
    const path = this.#recordings.itemPath(recordingId);
    const { hostEmail, siteUrl, reason, comment } = query;
    if (comment !== undefined && (typeof comment !== "string" || comment.length > MAX_COMMENT_LENGTH)) {
      throw new ValidationError(`comment must be a string of at most ${MAX_COMMENT_LENGTH} characters`, {
        argument: "comment",
      });
    }
    const json = reason === undefined && comment === undefined ? undefined : { reason, comment };
    await this.#recordings.session.request({
      ...withHeaders({ siteUrl }, options),
      method: "DELETE",
      path,
      query: { hostEmail },
      json,
    });
  }
}

/** The call options with the given values added as request headers (those left out are not sent). */
function withHeaders(values: Record<string, string | undefined>, options: CallOptions | undefined): CallOptions {
  const headers: Record<string, string> = { ...options?.headers };
  for (const [name, value] of Object.entries(values)) if (value !== undefined) headers[name] = value;
  return { ...options, headers };
}
