import {
  type CallOptions,
  commaList,
  type Extra,
  type Paginated,
  type QueryValue,
  Resource,
  requireString,
  type Session,
  ValidationError,
} from "@wx/core";
import type { Person, PhoneNumber } from "@wx/models";

/** The API resolves at most this many ids in one `GET /people`. */
export const MAX_PERSON_IDS = 85;

export interface PersonListFilters {
  /** Exact email address. A non-admin must give `email` or `displayName`. */
  email?: string;
  /** Prefix match on the display name. */
  displayName?: string;
  /** Up to 85 person ids, as an array or a comma-separated string. */
  id?: string | readonly string[];
  orgId?: string;
  /** Comma-separated role ids. */
  roles?: string;
  /** Include Webex Calling details (then `max` is at most 100). */
  callingData?: boolean;
  /** Only people at this location (then `max` is at most 50). */
  locationId?: string;
  /** Page size (no default, as in the Python SDK), never a cap on the total. */
  max?: number;
  /** Parameters the SDK does not model yet, sent as they are; a known one cannot go here (see `Extra`). */
  extra?: Extra<PersonListFilters, QueryValue>;
}

/** The writable fields of a person (admin only). */
export interface PersonFields {
  displayName?: string;
  firstName?: string;
  lastName?: string;
  nickName?: string;
  avatar?: string;
  orgId?: string;
  roles?: string[];
  licenses?: string[];
  phoneNumbers?: Omit<PhoneNumber, "primary">[];
  extension?: string;
  locationId?: string;
  department?: string;
  manager?: string;
  managerId?: string;
  title?: string;
  siteUrls?: string[];
  /** Fields the SDK does not model yet, sent as they are; a known one cannot go here (see `Extra`). */
  extra?: Extra<PersonFields>;
}

export interface PersonCreateFields extends PersonFields {
  /** The person's email address (the API takes exactly one, in an array). */
  emails: readonly string[];
  /** Fields the SDK does not model yet, sent as they are; a known one cannot go here (see `Extra`). */
  extra?: Extra<PersonCreateFields>;
}

export interface PersonUpdateFields extends PersonFields {
  /** Required: the body replaces the whole record. */
  displayName: string;
  emails?: readonly string[];
  /** Fields the SDK does not model yet, sent as they are; a known one cannot go here (see `Extra`). */
  extra?: Extra<PersonUpdateFields>;
}

/** People: `GET/POST /people`, `GET/PUT/DELETE /people/{personId}`, `GET /people/me`. */
export class PeopleApi {
  readonly #people: Resource<Person>;

  constructor(session: Session) {
    this.#people = new Resource<Person>(session, "people", "person", "personId");
  }

  /** People matching the filters, lazily paged. `id` is checked (at most 85) before anything is sent. */
  list(filters: PersonListFilters = {}, options?: CallOptions): Paginated<Person> {
    return this.#people.list({ ...filters, id: commaList("id", filters.id, MAX_PERSON_IDS) }, options);
  }

  /** Creates a person in the caller's org (admin). */
  async create(fields: PersonCreateFields, options?: CallOptions): Promise<Person> {
    const emails = fields?.emails;
    if (!Array.isArray(emails) || emails.length === 0) {
      throw new ValidationError("emails is required and must be a non-empty array of addresses", {
        argument: "emails",
      });
    }
    for (const [i, email] of emails.entries()) requireString(`emails[${i}]`, email);
    return this.#people.create(fields, options);
  }

  async get(personId: string, options?: CallOptions): Promise<Person> {
    return this.#people.get(personId, options);
  }

  /** The person who owns the access token. */
  async me(options?: CallOptions): Promise<Person> {
    return this.#people.get("me", options);
  }

  /** Replaces the person's record (admin); fields left out are cleared by the API. */
  async update(personId: string, fields: PersonUpdateFields, options?: CallOptions): Promise<Person> {
    requireString("displayName", fields?.displayName);
    return this.#people.update(personId, fields, options);
  }

  async delete(personId: string, options?: CallOptions): Promise<void> {
    return this.#people.delete(personId, options);
  }
}
