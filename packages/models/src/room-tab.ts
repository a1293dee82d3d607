import type { RoomType } from "./enums.js";
import type { Extensible } from "./extensible.js";

/** A tab with a web page, pinned to a room. */
export interface RoomTab extends Extensible {
  /** A unique identifier for the room tab. */
  id: string;
  /** The room the tab is in. */
  roomId: string;
  /** The type of that room. */
  roomType: RoomType;
  /** User-friendly name for the room tab. */
  displayName: string;
  /** The tab's content URL (always `https`). */
  contentUrl: string;
  /** The person who created the tab. */
  creatorId: string;
  /** The date and time the tab was created. */
  created: string;
}
