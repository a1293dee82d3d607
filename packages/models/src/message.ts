import type { Attachment } from "./attachment.js";
import type { RoomType } from "./enums.js";
import type { Extensible } from "./extensible.js";

/** A message (the spec's `Message`, `ListMessage` and `DirectMessage` in one type). */
export interface Message extends Extensible {
  /** The unique identifier for the message. */
  id: string;
  /** The unique identifier for the parent message (replies in a thread). */
  parentId?: string;
  /** The room ID of the message. */
  roomId: string;
  /** The type of room. */
  roomType: RoomType;
  /** The person ID of the recipient when sending a private 1:1 message. */
  toPersonId?: string;
  /** The email address of the recipient when sending a private 1:1 message. */
  toPersonEmail?: string;
  /** The message, in plain text. */
  text?: string;
  /** The message, in Markdown format. */
  markdown?: string;
  /** The message, in HTML format (read-only, used by the Webex clients). */
  html?: string;
  /** Public URLs for files attached to the message. */
  files?: string[];
  /** The person ID of the message author. */
  personId: string;
  /** The email address of the message author. */
  personEmail: string;
  /** People IDs for anyone mentioned in the message. */
  mentionedPeople?: string[];
  /** Group names for the groups mentioned in the message (e.g. `all`). */
  mentionedGroups?: string[];
  /** Content attachments such as Adaptive Cards. */
  attachments?: Attachment[];
  /** The date and time the message was created. */
  created: string;
  /** The date and time the message was last edited; present only after an edit. */
  updated?: string;
  /** Whether an audio file is a voice clip recorded by the client. */
  isVoiceClip?: boolean;
}
