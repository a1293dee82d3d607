import type { AdaptiveCardJson } from "@wx/cards";
import type { Extra, FileSource, QueryValue, UploadFile } from "@wx/core";
import type { Attachment, PersonRef } from "@wx/models";

/**
 * A file for a message: an http(s) URL (sent in the JSON body), or a local path, `Buffer`/`Uint8Array`,
 * `Blob`/`File`, readable stream, or `{ source, filename?, contentType? }` (uploaded as multipart).
 */
export type MessageFile = FileSource | UploadFile;

/** `{ contentType, content }`, or an Adaptive Card (a @wx/cards builder result or a plain literal). */
export type MessageAttachment = Attachment | AdaptiveCardJson;

/** Exactly one destination. */
export type MessageDestination =
  | { roomId: string; toPersonId?: never; toPersonEmail?: never }
  | { toPersonId: string; roomId?: never; toPersonEmail?: never }
  | { toPersonEmail: string; roomId?: never; toPersonId?: never };

/** @inline */
interface MessageContentFields {
  text?: string;
  markdown?: string;
  /** One file per message (an API limit); the array leaves room for more later. */
  files?: readonly [MessageFile];
  /** One card per message. Cannot be combined with a file that is not a URL. */
  attachments?: readonly [MessageAttachment];
}

/** At least one of `text`, `markdown`, `files` and `attachments`. */
export type MessageContent = MessageContentFields &
  (
    | { text: string }
    | { markdown: string }
    | { files: readonly [MessageFile] }
    | { attachments: readonly [MessageAttachment] }
  );

/** @inline */
interface MessageCreateCommon {
  /** Reply in the thread of this message. */
  parentId?: string;
  /** Fields the SDK does not model yet, sent as they are; a known one cannot go here (see `Extra`). */
  extra?: Extra<MessageCreateFields>;
}

export type MessageCreateFields = MessageCreateCommon & MessageDestination & MessageContent;

/** @inline */
interface MessageUpdateCommon {
  /** The room of the message (required by the API). */
  roomId: string;
  /** Fields the SDK does not model yet, sent as they are; a known one cannot go here (see `Extra`). */
  extra?: Extra<MessageUpdateFields>;
}

/** The new text: `text`, `markdown` or both. */
export type MessageUpdateFields = MessageUpdateCommon &
  ({ text: string; markdown?: string } | { markdown: string; text?: string });

export interface MessageListFilters {
  roomId: string;
  /** Only the replies to this message. */
  parentId?: string;
  /** `me` or the caller's own id; required for bots in group rooms. An array is sent comma-separated. */
  mentionedPeople?: string | readonly string[];
  /** Only messages sent before this time. */
  before?: Date | string;
  /** Only messages sent before this message. */
  beforeMessage?: string;
  /** Page size (default 50), never a cap on the total. */
  max?: number;
  /** Parameters the SDK does not model yet, sent as they are; a known one cannot go here (see `Extra`). */
  extra?: Extra<MessageListFilters, QueryValue>;
}

/** @inline */
interface MessageDirectCommon {
  /** Only the replies to this message. */
  parentId?: string;
  /** Page size; the service takes it though the spec lists none. */
  max?: number;
  /** Parameters the SDK does not model yet, sent as they are; a known one cannot go here (see `Extra`). */
  extra?: Extra<MessageDirectFilters, QueryValue>;
}

/** The other person of the 1:1 room: exactly one of `personId` and `personEmail`. */
export type MessageDirectFilters = MessageDirectCommon & PersonRef;
