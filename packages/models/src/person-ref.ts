/** One person, by exactly one of `personId` and `personEmail` (as memberships and direct messages take them). */
export type PersonRef = { personId: string; personEmail?: never } | { personEmail: string; personId?: never };
