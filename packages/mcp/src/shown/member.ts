import type { Membership } from "@wx/sdk";
import { z } from "zod";

/** A member of a room as the model sees it; `membershipId` is what remove_member can take. */
export const shownMember = z.object({
  membershipId: z.string(),
  personId: z.string(),
  name: z.string(),
  email: z.string(),
  moderator: z.boolean().optional(),
});

export type ShownMember = z.infer<typeof shownMember>;

export function showMember(membership: Membership): ShownMember {
  return {
    membershipId: membership.id,
    personId: membership.personId,
    name: membership.personDisplayName,
    email: membership.personEmail,
    moderator: membership.isModerator || undefined,
  };
}

export function renderMember(member: ShownMember): string {
  return `- ${member.name} <${member.email}>${member.moderator ? " (moderator)" : ""} membership: ${member.membershipId}`;
}
