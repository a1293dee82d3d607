import type { Extensible } from "./extensible.js";

/** An organization. */
export interface Organization extends Extensible {
  /** A unique identifier for the organization. */
  id: string;
  /** Full name of the organization. */
  displayName: string;
  /** The date and time the organization was created. */
  created: string;
}
