import type { Extensible } from "./extensible.js";

/** A person invited to a meeting. */
export interface MeetingInvitee extends Extensible {
  /** Unique identifier for the invitee, e.g. `<meetingId>_<number>`. */
  id: string;
  /** The meeting (series, scheduled meeting or instance) the invitee belongs to. */
  meetingId: string;
  email: string;
  displayName: string;
  /** Whether the invitee is an alternate host. */
  coHost?: boolean;
  /** Whether the invitee is a panelist (webinars). */
  panelist?: boolean;
}
