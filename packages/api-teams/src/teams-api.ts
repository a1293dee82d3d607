import {
  type CallOptions,
  type Extra,
  type Paginated,
  type QueryValue,
  Resource,
  requireString,
  type Session,
} from "@wx/core";
import type { Team } from "@wx/models";

export interface TeamListFilters {
  /** Page size (default 100), never a cap on the total. */
  max?: number;
  /** Parameters the SDK does not model yet, sent as they are; a known one cannot go here (see `Extra`). */
  extra?: Extra<TeamListFilters, QueryValue>;
}

export interface TeamCreateFields {
  name: string;
  description?: string;
  /** Fields the SDK does not model yet, sent as they are; a known one cannot go here (see `Extra`). */
  extra?: Extra<TeamCreateFields>;
}

export interface TeamUpdateFields {
  name: string;
  description?: string;
  /** Fields the SDK does not model yet, sent as they are; a known one cannot go here (see `Extra`). */
  extra?: Extra<TeamUpdateFields>;
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
