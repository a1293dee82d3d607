import {
  type CallOptions,
  type Extra,
  type Paginated,
  type QueryValue,
  Resource,
  requireIsoTime,
  requireString,
  type Session,
} from "@wx/core";
import type { AdminAuditEvent } from "@wx/models";

export interface AdminAuditEventListFilters {
  /** Required: the organization whose events are listed. */
  orgId: string;
  /** Required: events after this time; a `Date` is sent as an ISO 8601 string. */
  from: Date | string;
  /** Required: events before this time (at most a year after `from`). */
  to: Date | string;
  /** Only events performed by this person. */
  actorId?: string;
  /** Page size (default 100, at most 200). */
  max?: number;
  /** Skip this many events (default 0). */
  offset?: number;
  /** Only these categories, e.g. `["LOGINS", "LOGOUT"]` (sent as repeated keys). */
  eventCategories?: string | readonly string[];
  /** Parameters the SDK does not model yet, sent as they are; a known one cannot go here (see `Extra`). */
  extra?: Extra<AdminAuditEventListFilters, QueryValue>;
}

/** Admin audit events (org admins): `GET /adminAudit/events`. */
export class AdminAuditEventsApi {
  readonly #events: Resource<AdminAuditEvent>;

  constructor(session: Session) {
    this.#events = new Resource<AdminAuditEvent>(session, "adminAudit/events", "adminAuditEvent", "eventId", 200);
  }

  /**
   * Events matching the filters, lazily paged. The endpoint pages by `offset` and documents no `Link`
   * header: a `Link` next page is followed when the service sends one; otherwise ask for the next page
   * with `offset: offset + max`.
   */
  list(filters: AdminAuditEventListFilters, options?: CallOptions): Paginated<AdminAuditEvent> {
    requireString("orgId", filters?.orgId);
    const from = requireIsoTime("from", filters.from);
    const to = requireIsoTime("to", filters.to);
    return this.#events.list({ max: 100, offset: 0, ...filters, from, to }, options);
  }
}
