import {
  bodyOf,
  type CallOptions,
  isoTime,
  type Paginated,
  pathSegment,
  Resource,
  requestItems,
  type Session,
} from "@wx/core";
import type { MeetingRegistrant } from "@wx/models";
import {
  checkQueryEmails,
  checkRegistrant,
  checkRegistrants,
  checkRegistrationSpan,
  registrantRefs,
} from "./check-registrant.js";
import type {
  MeetingRegistrantFields,
  MeetingRegistrantListFilters,
  MeetingRegistrantsQuery,
  MeetingRegistrantsQueryFields,
  MeetingRegistrantsStatusOptions,
} from "./registrant-fields.js";

const MAX_PAGE_SIZE = 100;

/**
 * Registrants of a meeting series with registration (webinars, and meetings that enable it):
 * `GET/POST /meetings/{meetingId}/registrants`, `POST …/registrants/bulkInsert`,
 * `POST …/registrants/query`, `GET/DELETE …/registrants/{registrantId}`,
 * `POST …/registrants/approve|reject|cancel|bulkDelete`.
 */
export class MeetingRegistrantsApi {
  readonly #session: Session;

  constructor(session: Session) {
    this.#session = session;
  }

  /** The meeting's registrants, lazily paged. */
  list(
    meetingId: string,
    filters: MeetingRegistrantListFilters = {},
    options?: CallOptions,
  ): Paginated<MeetingRegistrant> {
    const registrants = this.#registrants(meetingId);
    const registrationTimeFrom = isoTime("registrationTimeFrom", filters.registrationTimeFrom);
    const registrationTimeTo = isoTime("registrationTimeTo", filters.registrationTimeTo);
    checkRegistrationSpan(registrationTimeFrom, registrationTimeTo);
    return registrants.list({ max: MAX_PAGE_SIZE, ...filters, registrationTimeFrom, registrationTimeTo }, options);
  }

  /** Registers one person. */
  async create(
    meetingId: string,
    fields: MeetingRegistrantFields,
    query: MeetingRegistrantsQuery = {},
    options?: CallOptions,
  ): Promise<MeetingRegistrant> {
    const registrants = this.#registrants(meetingId);
    checkRegistrant(fields);
    const path = registrants.basePath;
    return registrants.wrap(
      await this.#session.request({ ...options, method: "POST", path, query: { ...query }, json: bodyOf(fields) }),
    );
  }

  /** Registers several people at once (the spec's bulk insert); resolves with the registrants created. */
  async createMany(
    meetingId: string,
    items: readonly MeetingRegistrantFields[],
    query: MeetingRegistrantsQuery = {},
    options?: CallOptions,
  ): Promise<MeetingRegistrant[]> {
    const registrants = this.#registrants(meetingId);
    checkRegistrants(items);
    const path = `${registrants.basePath}/bulkInsert`;
    const created = await requestItems(this.#session, {
      ...options,
      method: "POST",
      path,
      query: { ...query },
      json: { items: items.map(bodyOf) },
    });
    return created.map((json) => registrants.wrap(json));
  }

  /**
   * The registrants with the given emails (at most 100, so every match fits in the one page of 100 asked for),
   * optionally of one status, in the order asked (the spec's query operation, a POST).
   */
  async query(
    meetingId: string,
    fields: MeetingRegistrantsQueryFields,
    query: MeetingRegistrantsQuery = {},
    options?: CallOptions,
  ): Promise<MeetingRegistrant[]> {
    const registrants = this.#registrants(meetingId);
    checkQueryEmails(fields?.emails, MAX_PAGE_SIZE);
    const found = await requestItems(this.#session, {
      ...options,
      method: "POST",
      path: `${registrants.basePath}/query`,
      query: { ...query, max: MAX_PAGE_SIZE },
      json: bodyOf(fields),
    });
    return found.map((json) => registrants.wrap(json));
  }

  async get(
    meetingId: string,
    registrantId: string,
    query: MeetingRegistrantsQuery = {},
    options?: CallOptions,
  ): Promise<MeetingRegistrant> {
    return this.#registrants(meetingId).get(registrantId, options, { ...query });
  }

  async delete(
    meetingId: string,
    registrantId: string,
    query: MeetingRegistrantsQuery = {},
    options?: CallOptions,
  ): Promise<void> {
    const path = this.#registrants(meetingId).itemPath(registrantId);
    await this.#session.request({ ...options, method: "DELETE", path, query: { ...query } });
  }

  /** Approves pending (or rejected) registrants. */
  approve(
    meetingId: string,
    registrantIds: string | readonly string[],
    statusOptions?: MeetingRegistrantsStatusOptions,
    options?: CallOptions,
  ): Promise<void> {
    return this.#setStatus("approve", meetingId, registrantIds, statusOptions, options);
  }

  /** Rejects registrants. */
  reject(
    meetingId: string,
    registrantIds: string | readonly string[],
    statusOptions?: MeetingRegistrantsStatusOptions,
    options?: CallOptions,
  ): Promise<void> {
    return this.#setStatus("reject", meetingId, registrantIds, statusOptions, options);
  }

  /** Cancels registrations. */
  cancel(
    meetingId: string,
    registrantIds: string | readonly string[],
    statusOptions?: MeetingRegistrantsStatusOptions,
    options?: CallOptions,
  ): Promise<void> {
    return this.#setStatus("cancel", meetingId, registrantIds, statusOptions, options);
  }

  /** Deletes registrants (the spec's batch delete). */
  bulkDelete(
    meetingId: string,
    registrantIds: string | readonly string[],
    statusOptions?: MeetingRegistrantsStatusOptions,
    options?: CallOptions,
  ): Promise<void> {
    return this.#setStatus("bulkDelete", meetingId, registrantIds, statusOptions, options);
  }

  async #setStatus(
    action: "approve" | "reject" | "cancel" | "bulkDelete",
    meetingId: string,
    registrantIds: string | readonly string[],
    { sendEmail, ...query }: MeetingRegistrantsStatusOptions = {},
    options?: CallOptions,
  ): Promise<void> {
    const path = `${this.#registrants(meetingId).basePath}/${action}`;
    const json = { sendEmail, registrants: registrantRefs(registrantIds) };
    await this.#session.request({ ...options, method: "POST", path, query: { ...query }, json, expectedStatus: 204 });
  }

  /** The registrants of one meeting, its id checked and URL-encoded. */
  #registrants(meetingId: string): Resource<MeetingRegistrant> {
    const base = `meetings/${pathSegment("meetingId", meetingId)}/registrants`;
    return new Resource<MeetingRegistrant>(this.#session, base, "meetingRegistrant", "registrantId", MAX_PAGE_SIZE);
  }
}
