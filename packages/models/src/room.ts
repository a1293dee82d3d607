import type { RoomType } from "./enums.js";
import type { Extensible } from "./extensible.js";

/** A room (space). */
export interface Room extends Extensible {
  /** A unique identifier for the room. */
  id: string;
  /** A user-friendly name for the room; in a 1:1 room, the other participant's name. */
  title: string;
  /** The room type. */
  type: RoomType;
  /** Whether the room is moderated (locked) or not. */
  isLocked: boolean;
  /** The ID for the team with which this room is associated. */
  teamId?: string;
  /** The date and time of the room's last activity. */
  lastActivity: string;
  /** The ID of the person who created this room. */
  creatorId: string;
  /** The date and time the room was created. */
  created: string;
  /** The ID of the organization which owns this room. */
  ownerId?: string;
  /** The space's current classification ID. */
  classificationId?: string;
  /** Whether the space is in Announcement Mode, where only moderators can post. */
  isAnnouncementOnly?: boolean;
  /** Whether a compliance officer made this direct room read-only. */
  isReadOnly?: boolean;
  /** Whether the room is public, so anyone in the org can find and join it. */
  isPublic?: boolean;
  /** Date and time when the room was made public. */
  madePublic?: string;
  /** The description of the space. */
  description?: string;
}
