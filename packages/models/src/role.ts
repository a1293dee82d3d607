import type { Extensible } from "./extensible.js";

/** An admin role. */
export interface Role extends Extensible {
  /** A unique identifier for the role. */
  id: string;
  /** The name of the role. */
  name: string;
}
