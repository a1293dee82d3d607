import { type CallOptions, type Extra, type Paginated, type QueryValue, Resource, type Session } from "@wx/core";
import type { License } from "@wx/models";

export interface LicenseListFilters {
  /** Defaults to the caller's organization. */
  orgId?: string;
  /** Parameters the SDK does not model yet, sent as they are; a known one cannot go here (see `Extra`). */
  extra?: Extra<LicenseListFilters, QueryValue>;
}

export interface LicenseGetFilters {
  /** `user` adds the people and workspaces holding the license (`users`). */
  includeAssignedTo?: "user";
  /** With `includeAssignedTo`: at most this many users (default and maximum 300). */
  limit?: number;
  /** With `includeAssignedTo`: the cursor of the next set of users. */
  next?: string;
  /** Parameters the SDK does not model yet, sent as they are; a known one cannot go here (see `Extra`). */
  extra?: Extra<LicenseGetFilters, QueryValue>;
}

/** Licenses: `GET /licenses`, `GET /licenses/{licenseId}`. */
export class LicensesApi {
  readonly #licenses: Resource<License>;

  constructor(session: Session) {
    this.#licenses = new Resource<License>(session, "licenses", "license", "licenseId");
  }

  /** The organization's licenses, lazily paged. */
  list(filters: LicenseListFilters = {}, options?: CallOptions): Paginated<License> {
    return this.#licenses.list(filters, options);
  }

  async get(licenseId: string, filters: LicenseGetFilters = {}, options?: CallOptions): Promise<License> {
    return this.#licenses.get(licenseId, options, filters);
  }
}
