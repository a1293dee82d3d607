import type { Extensible } from "./extensible.js";

/** A license of an organization (`GET /licenses`). */
export interface License extends Extensible {
  /** A unique identifier for the license. */
  id: string;
  /** Name of the licensed feature. */
  name: string;
  /** Total number of license units allocated. */
  totalUnits: number;
  /** Total number of license units consumed. */
  consumedUnits: number;
  /** Total number of license units consumed by users. */
  consumedByUsers?: number;
  /** Total number of license units consumed by workspaces. */
  consumedByWorkspaces?: number;
  /** The subscription ID associated with this license, as used in Control Hub. */
  subscriptionId?: string;
  /** The Webex Meetings site associated with this license. */
  siteUrl?: string;
  /** The type of site associated with this license. */
  siteType?: "Control Hub managed site" | "Linked site" | "Site Admin managed site";
  /** People and workspaces holding the license (only with `includeAssignedTo=user`). */
  users?: Record<string, unknown>[];
}
