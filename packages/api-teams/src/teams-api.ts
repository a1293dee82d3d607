import { type CallOptions, type Paginated, Resource, requireString, type Session } from "@wx/core";
import type { Team } from "@wx/models";

export interface TeamListFilters {
  /** Page size (default 100), never a cap on the total. */
  max?: number;
  /** Parameters the SDK does not model yet are sent as they are. */
  [extra: string]: string | number | boolean | undefined;
}

export interface TeamCreateFields {
  name: string;
  description?: string;
  [extra: string]: unknown;
}

export interface TeamUpdateFields {
  name: string;
  description?: string;
  [extra: string]: unknown;
}

/** Teams: `GET/POST /teams`, `GET/PUT/DELETE /teams/{teamId}`. */
export class TeamsApi {
  readonly #teams: Resource<Team>;

  constructor(session: Session) {
    this.#teams = new Resource<Team>(session, "teams", "team", "teamId");
  }

  /** Teams the caller belongs to, lazily paged. */
  list(filters: TeamListFilters = {}, options?: CallOptions): Paginated<Team> {
    return this.#teams.list({ max: 100, ...filters }, options);
  }

  /** Creates a team (and its General room); the caller becomes its moderator. */
  async create(fields: TeamCreateFields, options?: CallOptions): Promise<Team> {
    requireString("name", fields?.name);
    return this.#teams.create(fields, options);
  }

  async get(teamId: string, options?: CallOptions): Promise<Team> {
    return this.#teams.get(teamId, options);
  }

  async update(teamId: string, fields: TeamUpdateFields, options?: CallOptions): Promise<Team> {
    requireString("name", fields?.name);
    return this.#teams.update(teamId, fields, options);
  }

  async delete(teamId: string, options?: CallOptions): Promise<void> {
    return this.#teams.delete(teamId, options);
  }
}
