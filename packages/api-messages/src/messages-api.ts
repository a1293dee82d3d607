import {
  type CallOptions,
  commaList,
  isoTime,
  mergeExtra,
  multipartBody,
  type Paginated,
  Resource,
  requireAtLeastOne,
  requireExactlyOne,
  requireString,
  type Session,
  ValidationError,
} from "@wx/core";
import type { Message } from "@wx/models";
import { toAttachments } from "./message-attachments.js";
import type {
  MessageCreateFields,
  MessageDirectFilters,
  MessageListFilters,
  MessageUpdateFields,
} from "./message-fields.js";
import { isRemoteUrl, singleFile, toUploadFile } from "./message-file.js";

const DESTINATIONS = ["roomId", "toPersonId", "toPersonEmail"] as const;
/** The text parts of an upload, in the order the Python SDK sends them. */
const MULTIPART_FIELDS = ["roomId", "toPersonId", "toPersonEmail", "text", "markdown", "parentId"] as const;

/**
 * Messages: `GET/POST /messages`, `GET /messages/direct`, `GET/PUT/DELETE /messages/{messageId}`.
 * Arguments are checked before anything is sent; a failed check is a `ValidationError` naming the argument.
 */
export class MessagesApi {
  readonly #messages: Resource<Message>;
  readonly #direct: Resource<Message>;

  constructor(session: Session) {
    this.#messages = new Resource<Message>(session, "messages", "message", "messageId", (query) =>
      query.mentionedPeople === undefined ? 1000 : 100,
    );
    this.#direct = new Resource<Message>(session, "messages/direct", "message", "messageId");
  }

  /** Messages of a room, newest first, lazily paged. */
  list(filters: MessageListFilters, options?: CallOptions): Paginated<Message> {
    requireString("roomId", filters?.roomId);
    const { mentionedPeople, before } = filters;
    return this.#messages.list(
      {
        max: 50,
        ...filters,
        mentionedPeople: commaList("mentionedPeople", mentionedPeople),
        before: isoTime("before", before),
      },
      options,
    );
  }

  /** The 1:1 messages with one person (by `personId` or `personEmail`), lazily paged. */
  listDirect(filters: MessageDirectFilters, options?: CallOptions): Paginated<Message> {
    requireExactlyOne(filters ?? {}, ["personId", "personEmail"]);
    return this.#direct.list(filters, options);
  }

  /**
   * Sends a message to exactly one of `roomId`, `toPersonId`, `toPersonEmail`, with at least one of
   * `text`, `markdown`, `files`, `attachments`. A URL file goes in the JSON body; any other file is
   * streamed as multipart (re-sent whole if the request is retried).
   */
  async create(fields: MessageCreateFields, options?: CallOptions): Promise<Message> {
    if (typeof fields !== "object" || fields === null) {
      throw new ValidationError("create needs the message's fields", { argument: "fields" });
    }
    requireExactlyOne(fields, DESTINATIONS);
    const file = singleFile(fields.files);
    const attachments = toAttachments(fields.attachments);
    requireAtLeastOne({ text: fields.text, markdown: fields.markdown, files: file, attachments }, [
      "text",
      "markdown",
      "files",
      "attachments",
    ]);
    if (file === undefined || isRemoteUrl(file)) {
      const files = file === undefined ? undefined : [file];
      return this.#messages.create({ ...fields, files, attachments }, options);
    }
    if (attachments) {
      throw new ValidationError(
        "attachments cannot be sent with a local file (the API takes a card only in a JSON body): " +
          "pass the file as an http(s) URL, or send the card in a separate message",
        { argument: "attachments" },
      );
    }
    const body = await multipartBody(textParts(fields), "files", toUploadFile(file));
    const json = await this.#messages.session.request({ ...options, method: "POST", path: "messages", body });
    return this.#messages.wrap(json);
  }

  async get(messageId: string, options?: CallOptions): Promise<Message> {
    return this.#messages.get(messageId, options);
  }

  /** Edits a message's `text` and/or `markdown` (`PUT`; at most 10 edits, not for messages with files or cards). */
  async update(messageId: string, fields: MessageUpdateFields, options?: CallOptions): Promise<Message> {
    requireString("roomId", fields?.roomId);
    requireAtLeastOne(fields, ["text", "markdown"]);
    return this.#messages.update(messageId, fields, options);
  }

  async delete(messageId: string, options?: CallOptions): Promise<void> {
    return this.#messages.delete(messageId, options);
  }
}

/** The non-file fields as multipart text parts: the known ones in order, then any extra ones. */
function textParts(fields: MessageCreateFields): Record<string, string | undefined> {
  const parts: Record<string, string | undefined> = {};
  const { files: _files, attachments: _attachments, ...rest } = mergeExtra(fields);
  for (const name of MULTIPART_FIELDS) parts[name] = asText(rest[name]);
  for (const [name, value] of Object.entries(rest)) if (!(name in parts)) parts[name] = asText(value);
  return parts;
}

function asText(value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  return typeof value === "string" ? value : JSON.stringify(value);
}
