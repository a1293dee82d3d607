import type { Engine } from "../engine.js";
import { badRequest, forbidden, notFound } from "../errors.js";
import { hydraId } from "../ids.js";
import { MAX_CARD_BYTES } from "../limits.js";
import { renderMarkdown } from "../markdown.js";
import type { CallerCtx, Upload } from "../resource.js";
import { checkFields, rules } from "../rules.js";
import type { Json, PostMessageInput, SeedMessagesInput } from "../types.js";
import { decodeComponent, httpUrl, optionalString } from "../validate.js";
import { messageActivity } from "./activity.js";
import { resolvePerson } from "./people.js";
import { directRoom, roomOfMember } from "./rooms.js";
import type { MessageRecord, RoomRecord } from "./store.js";
import { messageJson } from "./views.js";

export const MAX_EDITS = 10;

/** What `POST /messages` (and `emu.act(token).postMessage`) accepts. */
export const postMessageRules = rules({
  roomId: { type: "string" },
  toPersonId: { type: "string" },
  toPersonEmail: { type: "string" },
  text: { type: "string" },
  markdown: { type: "string" },
  parentId: { type: "string" },
  files: { type: "strings" },
  attachments: { type: "objects" },
});

function mentionResolver(engine: Engine) {
  return (kind: string, value: string) =>
    kind === "personEmail" ? engine.store.personByEmail(value)?.id : engine.store.people.get(value)?.id;
}

/** text, markdown, html and mentions of a message from what the client sent (no empty lists kept). */
export function renderContent(engine: Engine, text?: string, markdown?: string) {
  if (markdown === undefined) {
    return { text, markdown: undefined, html: undefined, mentionedPeople: undefined, mentionedGroups: undefined };
  }
  const rendered = renderMarkdown(markdown, mentionResolver(engine));
  return {
    text: text ?? rendered.text,
    markdown,
    html: rendered.html,
    mentionedPeople: rendered.mentionedPeople.length ? rendered.mentionedPeople : undefined,
    mentionedGroups: rendered.mentionedGroups.length ? rendered.mentionedGroups : undefined,
  };
}

function validateAttachments(attachments: Json[] | undefined): Json[] | undefined {
  if (!attachments || attachments.length === 0) return undefined;
  if (attachments.length > 1) throw badRequest("Only one attachment (card) may be included with a message.");
  const card = attachments[0] as Json;
  optionalString(card, "contentType");
  if (typeof card.contentType !== "string" || !card.content || typeof card.content !== "object") {
    throw badRequest("An attachment needs a contentType and a content object.");
  }
  if (Buffer.byteLength(JSON.stringify(card.content)) > MAX_CARD_BYTES) {
    throw badRequest(`A card may be at most ${MAX_CARD_BYTES} bytes of JSON.`);
  }
  return attachments;
}

/** Posts a message as `caller`: shared by `POST /messages` and `emu.act(token).postMessage`. */
export function postMessage(ctx: CallerCtx, input: PostMessageInput, upload?: Upload): Json {
  const { engine, caller } = ctx;
  const { roomId, toPersonId, toPersonEmail, text, markdown, parentId, files, ...rest } = checkFields(
    postMessageRules,
    input as Json,
  );
  const attachments = validateAttachments(rest.attachments);
  if ([roomId, toPersonId, toPersonEmail].filter(Boolean).length !== 1) {
    throw badRequest("Exactly one of the destination fields must not be empty (roomId, toPersonEmail, toPersonId)");
  }
  if ((files?.length ?? 0) + (upload ? 1 : 0) > 1) throw badRequest("Only one file may be included with a message.");
  const fileUrl = files?.[0];
  const fileLink = fileUrl === undefined ? undefined : httpUrl(fileUrl, "file URL");
  if (!text && !markdown && !fileLink && !upload && !attachments) {
    throw badRequest("Both text and file cannot be empty.");
  }

  let room: RoomRecord;
  if (roomId) {
    room = roomOfMember(ctx, roomId);
  } else {
    const other = resolvePerson(ctx, toPersonId, toPersonEmail);
    if (other.id === caller.id) throw badRequest("Cannot send a direct message to yourself.");
    room = directRoom(engine, caller, other);
  }
  if (room.isAnnouncementOnly && !room.members.get(caller.id)?.isModerator) {
    throw forbidden("Only moderators can post in an announcement-only space.");
  }
  if (parentId) {
    const parent = engine.store.messages.get(parentId);
    if (!parent || parent.deleted || parent.roomId !== room.id) throw notFound("Parent message not found.");
    if (parent.parentId) throw badRequest("Cannot reply to a reply; use the thread's first message as parentId.");
  }

  const now = Math.max(engine.now(), room.lastActivityMs);
  const uuid = engine.store.random.uuid1(now);
  const content = renderContent(engine, text, markdown);
  // Every field written out (no spread), so all messages share one compact shape.
  const message: MessageRecord = {
    id: hydraId("MESSAGE", uuid),
    seq: engine.store.nextSeq(),
    roomId: room.id,
    personId: caller.id,
    parentId,
    text: content.text,
    markdown: content.markdown,
    html: content.html,
    mentionedPeople: content.mentionedPeople,
    mentionedGroups: content.mentionedGroups,
    contentIds: undefined,
    attachments,
    toPersonId,
    toPersonEmail,
    createdMs: now,
    updatedMs: undefined,
    edits: 0,
    deleted: false,
    served: undefined,
  };
  const contentId = hydraId("CONTENT", `${uuid}/0`);
  if (upload) {
    engine.store.contents.set(contentId, { id: contentId, messageId: message.id, roomId: room.id, ...upload });
    message.contentIds = [contentId];
  } else if (fileLink) {
    const lastSegment = fileLink.pathname.split("/").pop() || "file";
    engine.store.contents.set(contentId, {
      id: contentId,
      messageId: message.id,
      roomId: room.id,
      filename: decodeComponent(lastSegment) ?? lastSegment,
      contentType: "application/octet-stream",
      link: fileUrl as string,
    });
    message.contentIds = [contentId];
  }
  appendMessage(room, message);
  engine.store.messages.set(message.id, message);
  engine.notify(messageActivity(engine, message, "created", ctx.baseUrl));
  return messageJson(engine.store, message, ctx.baseUrl);
}

export function appendMessage(room: RoomRecord, message: MessageRecord): void {
  room.messages.push(message);
  if (message.parentId) {
    let thread = room.threads.get(message.parentId);
    if (!thread) {
      thread = [];
      room.threads.set(message.parentId, thread);
    }
    thread.push(message);
  }
  room.lastActivityMs = Math.max(room.lastActivityMs, message.createdMs);
}

/** Index of the last entry in `sequence` for which `below` holds (sequences are sorted by seq and time). */
export function lastIndexWhere(sequence: MessageRecord[], below: (m: MessageRecord) => boolean): number {
  let lo = 0;
  let hi = sequence.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (below(sequence[mid] as MessageRecord)) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}

/**
 * Replaces a message with its edited version everywhere it is listed. Records are never changed in
 * place, so the compliance events of earlier versions keep showing those versions.
 */
export function replaceMessage(engine: Engine, old: MessageRecord, changes: Partial<MessageRecord>): MessageRecord {
  const room = engine.store.rooms.get(old.roomId) as RoomRecord;
  const edited: MessageRecord = { ...old, ...changes, served: undefined };
  const swap = (sequence: MessageRecord[] | undefined) => {
    if (!sequence) return;
    const at = lastIndexWhere(sequence, (m) => m.seq < old.seq) + 1;
    if (sequence[at] === old) sequence[at] = edited;
  };
  swap(room.messages);
  if (old.parentId) swap(room.threads.get(old.parentId));
  engine.store.messages.set(edited.id, edited);
  return edited;
}

/** Bulk insert without webhooks or events, for demos and benchmarks. */
export function seedMessages(engine: Engine, input: SeedMessagesInput): void {
  const room = engine.store.rooms.get(input.roomId);
  if (!room) throw new Error(`seedMessages: unknown room ${input.roomId}`);
  const personId = input.personId ?? room.creatorId;
  if (!engine.store.people.has(personId)) throw new Error(`seedMessages: unknown person ${personId}`);
  if (!Number.isSafeInteger(input.count) || input.count < 0) {
    throw new Error(`seedMessages: count must be a whole number >= 0, got ${input.count}`);
  }
  const start = Math.max(room.lastActivityMs, engine.now() - input.count);
  for (let i = 0; i < input.count; i++) {
    const createdMs = start + i;
    const message: MessageRecord = {
      id: hydraId("MESSAGE", engine.store.random.uuid1(createdMs)),
      seq: engine.store.nextSeq(),
      roomId: room.id,
      personId,
      text: input.text ? input.text(i) : `Message ${i + 1}`,
      createdMs,
      edits: 0,
      deleted: false,
    };
    appendMessage(room, message);
    engine.store.messages.set(message.id, message);
  }
}
