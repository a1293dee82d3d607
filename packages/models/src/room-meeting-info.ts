import type { Extensible } from "./extensible.js";

/** Meeting details of a room (`GET /rooms/{roomId}/meetingInfo`). */
export interface RoomMeetingInfo extends Extensible {
  /** A unique identifier for the room. */
  roomId: string;
  /** The Webex meeting URL for the room. */
  meetingLink: string;
  /** The SIP address for the room. */
  sipAddress: string;
  /** The Webex meeting number for the room. */
  meetingNumber: string;
  /** The Webex meeting ID for the room. */
  meetingId?: string;
  /** The toll-free PSTN number for the room. */
  callInTollFreeNumber?: string;
  /** The toll (local) PSTN number for the room. */
  callInTollNumber?: string;
}
