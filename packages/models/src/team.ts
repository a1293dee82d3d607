import type { Extensible } from "./extensible.js";

/** A team: a group of people with a set of rooms. */
export interface Team extends Extensible {
  /** A unique identifier for the team. */
  id: string;
  /** A user-friendly name for the team. */
  name: string;
  /** The team's description. */
  description?: string;
  /** The ID of the person who created the team (read by the Python SDK; not in the spec). */
  creatorId?: string;
  /** The date and time the team was created. */
  created: string;
}
