import { type CallOptions, type Extra, type Paginated, type QueryValue, Resource, type Session } from "@wx/core";
import type { Organization } from "@wx/models";

/** The endpoint takes no filters; parameters the SDK does not model yet are sent as they are. */
export interface OrganizationListFilters {
  /** Parameters the SDK does not model yet, sent as they are; a known one cannot go here (see `Extra`). */
  extra?: Extra<OrganizationListFilters, QueryValue>;
}

/** Organizations: `GET /organizations`, `GET /organizations/{orgId}`. */
export class OrganizationsApi {
  readonly #organizations: Resource<Organization>;

  constructor(session: Session) {
    this.#organizations = new Resource<Organization>(session, "organizations", "organization", "orgId");
  }

  /** The organizations the caller can see (one page: the endpoint is unpaginated). */
  list(filters: OrganizationListFilters = {}, options?: CallOptions): Paginated<Organization> {
    return this.#organizations.list(filters, options);
  }

  async get(orgId: string, options?: CallOptions): Promise<Organization> {
    return this.#organizations.get(orgId, options);
  }
}
