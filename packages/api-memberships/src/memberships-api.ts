import {
  type CallOptions,
  type Extra,
  optionalOfType,
  type Paginated,
  type QueryValue,
  Resource,
  requireAtLeastOne,
  requireExactlyOne,
  requireString,
  type Session,
} from "@wx/core";
import type { Membership, PersonRef } from "@wx/models";

export interface MembershipListFilters {
  roomId?: string;
  /** Needs `roomId` unless the caller is a compliance officer. */
  personId?: string;
  /** Needs `roomId` unless the caller is a compliance officer. */
  personEmail?: string;
  /** Page size (no default, as in the Python SDK), never a cap on the total. */
  max?: number;
  /** Parameters the SDK does not model yet, sent as they are; a known one cannot go here (see `Extra`). */
  extra?: Extra<MembershipListFilters, QueryValue>;
}

/** @inline */
interface MembershipCreateCommon {
  roomId: string;
  isModerator?: boolean;
  /** Fields the SDK does not model yet, sent as they are; a known one cannot go here (see `Extra`). */
  extra?: Extra<MembershipCreateFields>;
}

/** Who to add: exactly one of `personId` and `personEmail`. */
export type MembershipCreateFields = MembershipCreateCommon & PersonRef;

/** @inline */
interface MembershipUpdateCommon {
  isModerator?: boolean;
  /** Hides a direct room in the clients until the next message arrives. */
  isRoomHidden?: boolean;
  /** Fields the SDK does not model yet, sent as they are; a known one cannot go here (see `Extra`). */
  extra?: Extra<MembershipUpdateFields>;
}

/** At least one of `isModerator` and `isRoomHidden`. */
export type MembershipUpdateFields = MembershipUpdateCommon & ({ isModerator: boolean } | { isRoomHidden: boolean });

/** Memberships: `GET/POST /memberships`, `GET/PUT/DELETE /memberships/{membershipId}`. */
export class MembershipsApi {
  readonly #memberships: Resource<Membership>;

  constructor(session: Session) {
    this.#memberships = new Resource<Membership>(session, "memberships", "membership", "membershipId");
  }

  /** Memberships matching the filters, lazily paged. */
  list(filters: MembershipListFilters = {}, options?: CallOptions): Paginated<Membership> {
    return this.#memberships.list(filters, options);
  }

  /** Adds a person to a room; adding someone already there is a 409 `ApiError`. */
  async create(fields: MembershipCreateFields, options?: CallOptions): Promise<Membership> {
    requireString("roomId", fields?.roomId);
    requireExactlyOne(fields, ["personId", "personEmail"]);
    optionalOfType("isModerator", fields.isModerator, "boolean");
    return this.#memberships.create(fields, options);
  }

  async get(membershipId: string, options?: CallOptions): Promise<Membership> {
    return this.#memberships.get(membershipId, options);
  }

  /** Changes `isModerator` and/or `isRoomHidden`. */
  async update(membershipId: string, fields: MembershipUpdateFields, options?: CallOptions): Promise<Membership> {
    requireAtLeastOne(fields ?? {}, ["isModerator", "isRoomHidden"]);
    optionalOfType("isModerator", fields.isModerator, "boolean");
    optionalOfType("isRoomHidden", fields.isRoomHidden, "boolean");
    return this.#memberships.update(membershipId, fields, options);
  }

  async delete(membershipId: string, options?: CallOptions): Promise<void> {
    return this.#memberships.delete(membershipId, options);
  }
}
