import {
  type CallOptions,
  type Extra,
  optionalOfType,
  type Paginated,
  type QueryValue,
  Resource,
  requireExactlyOne,
  requireString,
  type Session,
  ValidationError,
} from "@wx/core";
import type { PersonRef, TeamMembership } from "@wx/models";

export interface TeamMembershipListFilters {
  /** Required: the team whose memberships are listed. */
  teamId: string;
  /** Page size (default 100), never a cap on the total. */
  max?: number;
  /** Parameters the SDK does not model yet, sent as they are; a known one cannot go here (see `Extra`). */
  extra?: Extra<TeamMembershipListFilters, QueryValue>;
}

/** @inline */
interface TeamMembershipCreateCommon {
  teamId: string;
  isModerator?: boolean;
  /** Fields the SDK does not model yet, sent as they are; a known one cannot go here (see `Extra`). */
  extra?: Extra<TeamMembershipCreateFields>;
}

/** Who to add: exactly one of `personId` and `personEmail`. */
export type TeamMembershipCreateFields = TeamMembershipCreateCommon & PersonRef;

export interface TeamMembershipUpdateFields {
  isModerator: boolean;
  /** Fields the SDK does not model yet, sent as they are; a known one cannot go here (see `Extra`). */
  extra?: Extra<TeamMembershipUpdateFields>;
}

/** Team memberships: `GET/POST /team/memberships`, `GET/PUT/DELETE /team/memberships/{membershipId}`. */
export class TeamMembershipsApi {
  readonly #memberships: Resource<TeamMembership>;

  constructor(session: Session) {
    this.#memberships = new Resource<TeamMembership>(session, "team/memberships", "teamMembership", "membershipId");
  }

  /** The memberships of one team, lazily paged. */
  list(filters: TeamMembershipListFilters, options?: CallOptions): Paginated<TeamMembership> {
    requireString("teamId", filters?.teamId);
    return this.#memberships.list({ max: 100, ...filters }, options);
  }

  /** Adds a person to a team; adding someone already there is a 409 `ApiError`. */
  async create(fields: TeamMembershipCreateFields, options?: CallOptions): Promise<TeamMembership> {
    requireString("teamId", fields?.teamId);
    requireExactlyOne(fields, ["personId", "personEmail"]);
    optionalOfType("isModerator", fields.isModerator, "boolean");
    return this.#memberships.create(fields, options);
  }

  async get(membershipId: string, options?: CallOptions): Promise<TeamMembership> {
    return this.#memberships.get(membershipId, options);
  }

  /** Makes the member a moderator of the team, or not. */
  async update(
    membershipId: string,
    fields: TeamMembershipUpdateFields,
    options?: CallOptions,
  ): Promise<TeamMembership> {
    if (typeof fields?.isModerator !== "boolean") {
      throw new ValidationError("isModerator is required and must be a boolean", { argument: "isModerator" });
    }
    return this.#memberships.update(membershipId, fields, options);
  }

  /** Removes the person from the team; the last moderator cannot be removed. */
  async delete(membershipId: string, options?: CallOptions): Promise<void> {
    return this.#memberships.delete(membershipId, options);
  }
}
