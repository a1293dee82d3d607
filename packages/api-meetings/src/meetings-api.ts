import {
  bodyOf,
  type CallOptions,
  isoTime,
  type Paginated,
  Resource,
  requireString,
  type Session,
  ValidationError,
} from "@wx/core";
import type { Meeting } from "@wx/models";
import { checkMeetingFields, withIsoTimes } from "./check-meeting.js";
import type {
  MeetingCreateFields,
  MeetingDeleteOptions,
  MeetingGetOptions,
  MeetingListFilters,
  MeetingPatchFields,
  MeetingUpdateFields,
} from "./meeting-fields.js";
import { withReadHeaders } from "./read-headers.js";

const MAX_PAGE_SIZE = 100;
/** What a patch may clear with `null` (the spec's list). */
const CLEARABLE = ["agenda", "recurrence", "trackingCodes"];

/** Meetings: `GET/POST /meetings`, `GET/PUT/PATCH/DELETE /meetings/{meetingId}`. */
export class MeetingsApi {
  readonly #meetings: Resource<Meeting>;

  constructor(session: Session) {
    this.#meetings = new Resource<Meeting>(session, "meetings", "meeting", "meetingId", MAX_PAGE_SIZE);
  }

  /** Meetings matching the filters, lazily paged (series by default; see `meetingType`). */
  list(filters: MeetingListFilters = {}, options?: CallOptions): Paginated<Meeting> {
    const { timezone, password, ...query } = filters;
    const given = (["meetingNumber", "webLink", "roomId"] as const).filter((name) => query[name] !== undefined);
    if (given.length > 1) {
      throw new ValidationError(`meetingNumber, webLink and roomId exclude each other; got ${given.join(" and ")}`, {
        argument: given[1],
      });
    }
    const from = isoTime("from", query.from);
    const to = isoTime("to", query.to);
    if (from !== undefined && to !== undefined && Date.parse(from) > Date.parse(to)) {
      throw new ValidationError(`from (${from}) cannot be after to (${to})`, { argument: "from" });
    }
    return this.#meetings.list(
      { max: MAX_PAGE_SIZE, ...query, from, to },
      withReadHeaders({ timezone, password }, options),
    );
  }

  /** Schedules a meeting or webinar (or an ad-hoc meeting of a space, with `adhoc` and `roomId`). */
  async create(fields: MeetingCreateFields, options?: CallOptions): Promise<Meeting> {
    const required = fields?.adhoc === true ? [] : fields?.templateId ? ["title"] : ["title", "start", "end"];
    checkMeetingFields(fields, {
      required,
      scheduledType: fields?.scheduledType === "webinar" ? "webinar" : "meeting",
    });
    return this.#meetings.create(withIsoTimes(fields), options);
  }

  /** A series, scheduled meeting or instance; with `current`, a series' current scheduled meeting. */
  async get(meetingId: string, query: MeetingGetOptions = {}, options?: CallOptions): Promise<Meeting> {
    const { timezone, password, ...rest } = query;
    return this.#meetings.get(meetingId, withReadHeaders({ timezone, password }, options), rest);
  }

  /** Replaces a series or scheduled meeting (`PUT`; settings not given return to their defaults). Prefer `patch`. */
  async update(meetingId: string, fields: MeetingUpdateFields, options?: CallOptions): Promise<Meeting> {
    this.#meetings.itemPath(meetingId);
    checkMeetingFields(fields, { required: ["title", "start", "end"] });
    return this.#meetings.update(meetingId, withIsoTimes(fields), options);
  }

  /** Changes only the given settings of a series or scheduled meeting (`PATCH`). */
  async patch(meetingId: string, fields: MeetingPatchFields, options?: CallOptions): Promise<Meeting> {
    const path = this.#meetings.itemPath(meetingId);
    checkMeetingFields(fields, { required: [], clearable: CLEARABLE });
    if (Object.values(fields).every((value) => value === undefined)) {
      throw new ValidationError("patch needs at least one field to change", { argument: "fields" });
    }
    const json = await this.#meetings.session.request({
      ...options,
      method: "PATCH",
      path,
      json: bodyOf(withIsoTimes(fields)),
    });
    return this.#meetings.wrap(json);
  }

  /** Deletes a series (every occurrence) or one scheduled meeting. */
  async delete(meetingId: string, query: MeetingDeleteOptions = {}, options?: CallOptions): Promise<void> {
    const path = this.#meetings.itemPath(meetingId);
    if (query.hostEmail !== undefined) requireString("hostEmail", query.hostEmail);
    await this.#meetings.session.request({ ...options, method: "DELETE", path, query: { ...query } });
  }
}
