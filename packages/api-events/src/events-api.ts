import {
  type CallOptions,
  type Extra,
  isoTime,
  type Paginated,
  type QueryValue,
  Resource,
  type Session,
} from "@wx/core";
import type { Event, EventResource, EventType } from "@wx/models";

export interface EventListFilters {
  resource?: EventResource;
  type?: EventType;
  /** Only events performed by this person. */
  actorId?: string;
  /** Events after this time; a `Date` is sent as an ISO 8601 string. */
  from?: Date | string;
  /** Events before this time (not in the future); a `Date` is sent as an ISO 8601 string. */
  to?: Date | string;
  /** Page size (the API's default applies when left out), never a cap on the total. */
  max?: number;
  /** Parameters the SDK does not model yet, sent as they are; a known one cannot go here (see `Extra`). */
  extra?: Extra<EventListFilters, QueryValue>;
}

/** Compliance events (compliance officers only): `GET /events`, `GET /events/{eventId}`. */
export class EventsApi {
  readonly #events: Resource<Event>;

  constructor(session: Session) {
    this.#events = new Resource<Event>(session, "events", "event", "eventId", 1000);
  }

  /** Events matching the filters, lazily paged. */
  list(filters: EventListFilters = {}, options?: CallOptions): Paginated<Event> {
    const { from, to } = filters;
    return this.#events.list({ ...filters, from: isoTime("from", from), to: isoTime("to", to) }, options);
  }

  async get(eventId: string, options?: CallOptions): Promise<Event> {
    return this.#events.get(eventId, options);
  }
}
