import { type CallOptions, type Extra, type Paginated, type QueryValue, Resource, type Session } from "@wx/core";
import type { Role } from "@wx/models";

/** The endpoint takes no filters; parameters the SDK does not model yet are sent as they are. */
export interface RoleListFilters {
  /** Parameters the SDK does not model yet, sent as they are; a known one cannot go here (see `Extra`). */
  extra?: Extra<RoleListFilters, QueryValue>;
}

/** Admin roles (org admins): `GET /roles`, `GET /roles/{roleId}`. */
export class RolesApi {
  readonly #roles: Resource<Role>;

  constructor(session: Session) {
    this.#roles = new Resource<Role>(session, "roles", "role", "roleId");
  }

  /** The roles of the organization, lazily paged. */
  list(filters: RoleListFilters = {}, options?: CallOptions): Paginated<Role> {
    return this.#roles.list(filters, options);
  }

  async get(roleId: string, options?: CallOptions): Promise<Role> {
    return this.#roles.get(roleId, options);
  }
}
