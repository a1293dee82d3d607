import type { Extensible } from "./extensible.js";

/** A person's membership in a team. */
export interface TeamMembership extends Extensible {
  /** A unique identifier for the team membership. */
  id: string;
  /** The team ID. */
  teamId: string;
  /** The person ID. */
  personId: string;
  /** The email address of the person. */
  personEmail: string;
  /** The display name of the person. */
  personDisplayName: string;
  /** The organization ID of the person. */
  personOrgId: string;
  /** Whether or not the participant is a team moderator. */
  isModerator: boolean;
  /** The date and time when the team membership was created. */
  created: string;
}
