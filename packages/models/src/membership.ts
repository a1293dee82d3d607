import type { RoomType } from "./enums.js";
import type { Extensible } from "./extensible.js";

/** A person's membership in a room. */
export interface Membership extends Extensible {
  /** A unique identifier for the membership. */
  id: string;
  /** The room ID. */
  roomId: string;
  /** The person ID. */
  personId: string;
  /** The email address of the person. */
  personEmail: string;
  /** The display name of the person. */
  personDisplayName: string;
  /** The organization ID of the person. */
  personOrgId: string;
  /** Whether or not the participant is a room moderator. */
  isModerator: boolean;
  /** Whether or not the direct type room is hidden in the Webex clients. */
  isRoomHidden?: boolean;
  /** The type of room the membership is associated with. */
  roomType?: RoomType;
  /** Whether or not the participant is a monitoring bot. @deprecated Webex no longer uses it. */
  isMonitor?: boolean;
  /** The date and time when the membership was created. */
  created: string;
}
