import {
  bodyOf,
  type CallOptions,
  type Paginated,
  Resource,
  requestItems,
  requireString,
  type Session,
} from "@wx/core";
import type { MeetingInvitee } from "@wx/models";
import { checkInvitee, checkInviteeItems } from "./check-invitee.js";
import type {
  MeetingInviteeCreateFields,
  MeetingInviteeDeleteOptions,
  MeetingInviteeGetOptions,
  MeetingInviteeListFilters,
  MeetingInviteesCreateManyFields,
  MeetingInviteeUpdateFields,
} from "./invitee-fields.js";

const MAX_PAGE_SIZE = 100;

/**
 * Meeting invitees: `GET/POST /meetingInvitees`, `POST /meetingInvitees/bulkInsert`,
 * `GET/PUT/DELETE /meetingInvitees/{meetingInviteeId}`.
 */
export class MeetingInviteesApi {
  readonly #invitees: Resource<MeetingInvitee>;

  constructor(session: Session) {
    this.#invitees = new Resource<MeetingInvitee>(
      session,
      "meetingInvitees",
      "meetingInvitee",
      "meetingInviteeId",
      MAX_PAGE_SIZE,
    );
  }

  /** A meeting's invitees (sorted by email), lazily paged. */
  list(filters: MeetingInviteeListFilters, options?: CallOptions): Paginated<MeetingInvitee> {
    requireString("meetingId", filters?.meetingId);
    return this.#invitees.list({ max: MAX_PAGE_SIZE, ...filters }, options);
  }

  /** Invites one person. */
  async create(fields: MeetingInviteeCreateFields, options?: CallOptions): Promise<MeetingInvitee> {
    requireString("meetingId", fields?.meetingId);
    checkInvitee(fields);
    return this.#invitees.create(fields, options);
  }

  /** Invites up to 100 people at once (the spec's bulk insert); resolves with the invitees created. */
  async createMany(fields: MeetingInviteesCreateManyFields, options?: CallOptions): Promise<MeetingInvitee[]> {
    requireString("meetingId", fields?.meetingId);
    checkInviteeItems(fields.items);
    const items = await requestItems(this.#invitees.session, {
      ...options,
      method: "POST",
      path: "meetingInvitees/bulkInsert",
      json: bodyOf({ ...fields, items: fields.items.map(bodyOf) }),
    });
    return items.map((item) => this.#invitees.wrap(item));
  }

  async get(
    meetingInviteeId: string,
    query: MeetingInviteeGetOptions = {},
    options?: CallOptions,
  ): Promise<MeetingInvitee> {
    return this.#invitees.get(meetingInviteeId, options, { ...query });
  }

  /** Changes an invitee of a series or scheduled meeting; `email` is required. */
  async update(
    meetingInviteeId: string,
    fields: MeetingInviteeUpdateFields,
    options?: CallOptions,
  ): Promise<MeetingInvitee> {
    this.#invitees.itemPath(meetingInviteeId);
    checkInvitee(fields);
    return this.#invitees.update(meetingInviteeId, fields, options);
  }

  async delete(
    meetingInviteeId: string,
    query: MeetingInviteeDeleteOptions = {},
    options?: CallOptions,
  ): Promise<void> {
    const path = this.#invitees.itemPath(meetingInviteeId);
    await this.#invitees.session.request({ ...options, method: "DELETE", path, query: { ...query } });
  }
}
