import { membershipActivity, roomActivity } from "../activity.js";
import type { Activity, Engine } from "../engine.js";
import { badRequest, forbidden, notFound } from "../errors.js";
import { hydraId } from "../ids.js";
import { MAX_CARD_BYTES } from "../limits.js";
import { renderMarkdown } from "../markdown.js";
import { nextLink, readCursor, readMax } from "../pagination.js";
import type { CallerCtx, Ctx, Reply, Route, Upload } from "../route.js";
import { messageJson } from "../serialize.js";
import type { MessageRecord, PersonRecord, RoomRecord } from "../store.js";
import type { Json, PostMessageInput } from "../types.js";
import {
  decodeComponent,
  httpUrl,
  optionalObjectArray,
  optionalString,
  optionalStringArray,
  parseTime,
} from "../validate.js";
import { resolvePerson } from "./memberships.js";
import { newRoom, roomOfMember } from "./rooms.js";

const MAX_EDITS = 10;
const MESSAGE_NOT_FOUND = "Unable to get message.";

function mentionResolver(engine: Engine) {
  return (kind: string, value: string) =>
    kind === "personEmail" ? engine.store.personByEmail(value)?.id : engine.store.people.get(value)?.id;
}

/** text, markdown, html and mentions of a message from what the client sent. */
function renderContent(engine: Engine, text?: string, markdown?: string) {
  if (markdown === undefined)
    return { text, markdown: undefined, html: undefined, mentionedPeople: [], mentionedGroups: [] };
  const rendered = renderMarkdown(markdown, mentionResolver(engine));
  return { ...rendered, text: text ?? rendered.text, markdown };
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

/** The direct room between two people, created (with its memberships and webhooks) on first use. */
function directRoom(engine: Engine, caller: PersonRecord, other: PersonRecord): RoomRecord {
  const key = engine.store.directKey(caller.id, other.id);
  const existing = engine.store.directRooms.get(key);
  const found = existing ? engine.store.rooms.get(existing) : undefined;
  if (found) return found;
  const room = newRoom(engine, caller, { title: other.json.displayName, type: "direct" });
  engine.store.directRooms.set(key, room.id);
  const first = engine.store.addMember(room, caller, false, room.createdMs);
  const second = engine.store.addMember(room, other, false, room.createdMs);
  engine.notify(roomActivity(engine, room, "created", caller.id));
  engine.notify(membershipActivity(engine, room, first, "created", caller.id));
  engine.notify(membershipActivity(engine, room, second, "created", caller.id));
  return room;
}

export function messageActivity(
  engine: Engine,
  message: MessageRecord,
  event: Activity["event"],
  baseUrl: string,
): Activity {
  const room = engine.store.rooms.get(message.roomId) as RoomRecord;
  const author = engine.store.people.get(message.personId);
  const data: Json = {
    id: message.id,
    roomId: message.roomId,
    roomType: room.type,
    personId: message.personId,
    personEmail: author?.json.emails[0],
  };
  if (message.parentId) data.parentId = message.parentId;
  if (message.mentionedPeople?.length) data.mentionedPeople = message.mentionedPeople;
  if (message.mentionedGroups?.length) data.mentionedGroups = message.mentionedGroups;
  if (message.contentIds) data.files = message.contentIds.map((id) => `${baseUrl}contents/${id}`);
  data.created = new Date(message.createdMs).toISOString();
  if (message.updatedMs !== undefined) data.updated = new Date(message.updatedMs).toISOString();
  return {
    resource: "messages",
    event,
    actorId: message.personId,
    room,
    audience: new Set(room.members.keys()),
    data,
    full: messageJson(engine.store, message, baseUrl),
    filterFields: {
      roomId: room.id,
      roomType: room.type,
      personId: message.personId,
      personEmail: String(author?.json.emails[0] ?? ""),
      mentionedPeople: message.mentionedPeople ?? [],
      hasFiles: String(Boolean(message.contentIds)),
      hasAttachments: String(Boolean(message.attachments)),
    },
    mentionedPeople: message.mentionedPeople ?? [],
  };
}

/** Posts a message as `caller`: shared by `POST /messages` and `emu.act(token).postMessage`. */
export function postMessage(ctx: CallerCtx, input: PostMessageInput, upload?: Upload): Json {
  const { engine, caller } = ctx;
  const body = input as Json;
  const roomId = optionalString(body, "roomId");
  const toPersonId = optionalString(body, "toPersonId");
  const toPersonEmail = optionalString(body, "toPersonEmail");
  const text = optionalString(body, "text");
  const markdown = optionalString(body, "markdown");
  const parentId = optionalString(body, "parentId");
  const files = optionalStringArray(body, "files");
  const attachments = validateAttachments(optionalObjectArray(body, "attachments"));
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

  const now = Math.max(Date.now(), room.lastActivityMs);
  const uuid = engine.store.random.uuid1(now);
  const content = renderContent(engine, text, markdown);
  const message: MessageRecord = {
    id: hydraId("MESSAGE", uuid),
    uuid,
    seq: engine.store.nextSeq(),
    roomId: room.id,
    personId: caller.id,
    parentId,
    text: content.text,
    markdown: content.markdown,
    html: content.html,
    attachments,
    mentionedPeople: content.mentionedPeople,
    mentionedGroups: content.mentionedGroups,
    toPersonId,
    toPersonEmail,
    createdMs: now,
    edits: 0,
    deleted: false,
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
function lastIndexWhere(sequence: MessageRecord[], below: (m: MessageRecord) => boolean): number {
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
 * Newest-first page over a room's (or thread's) messages. The cursor is a position in that array,
 * found in O(1), so a late page costs the same as an early one.
 */
function pageMessages(ctx: Ctx, sequence: MessageRecord[], max: number, keep: (m: MessageRecord) => boolean): Reply {
  let start = sequence.length - 1;
  const before = ctx.query.get("before");
  if (before) {
    const ms = parseTime(before, "before");
    start = Math.min(
      start,
      lastIndexWhere(sequence, (m) => m.createdMs < ms),
    );
  }
  const beforeMessageId = ctx.query.get("beforeMessage");
  if (beforeMessageId) {
    const anchor = ctx.store.messages.get(beforeMessageId);
    if (!anchor) throw notFound(MESSAGE_NOT_FOUND);
    start = Math.min(
      start,
      lastIndexWhere(sequence, (m) => m.seq < anchor.seq),
    );
  }
  const cursor = readCursor(ctx);
  if (cursor !== undefined) {
    const position = Number(cursor);
    if (!Number.isInteger(position) || position < -1) throw badRequest("Invalid cursor.");
    start = Math.min(start, position);
  }
  const items: Json[] = [];
  let i = start;
  for (; i >= 0 && items.length < max; i--) {
    const message = sequence[i] as MessageRecord;
    if (!message.deleted && keep(message)) items.push(messageJson(ctx.store, message, ctx.baseUrl));
  }
  while (i >= 0 && !(!(sequence[i] as MessageRecord).deleted && keep(sequence[i] as MessageRecord))) i--;
  return { json: { items }, next: i >= 0 ? nextLink(ctx, String(i)) : undefined };
}

function list(ctx: Ctx): Reply {
  const roomId = ctx.query.get("roomId");
  if (!roomId) throw badRequest("Required String parameter 'roomId' is not present");
  const room = roomOfMember(ctx, roomId);
  const mentioned = ctx.query.get("mentionedPeople");
  if (mentioned) {
    for (const value of mentioned.split(",")) {
      if (value !== "me" && value !== ctx.caller.id)
        throw badRequest("mentionedPeople only accepts 'me' or your own person ID.");
    }
  }
  if (ctx.caller.json.type === "bot" && room.type === "group" && !mentioned) {
    throw forbidden("Bots can only list messages in a group space that mention them; add mentionedPeople=me.");
  }
  const max = readMax(ctx, 50, mentioned ? 100 : 1000);
  const parentId = ctx.query.get("parentId");
  const sequence = parentId ? (room.threads.get(parentId) ?? []) : room.messages;
  const callerId = ctx.caller.id;
  return pageMessages(
    ctx,
    sequence,
    max,
    mentioned ? (m) => m.mentionedPeople?.includes(callerId) ?? false : () => true,
  );
}

function listDirect(ctx: Ctx): Reply {
  const personId = ctx.query.get("personId");
  const personEmail = ctx.query.get("personEmail");
  if (!personId && !personEmail) throw badRequest("personId or personEmail is required.");
  const other = personId ? ctx.store.people.get(personId) : ctx.store.personByEmail(personEmail as string);
  if (!other) throw notFound("Person not found.");
  const max = readMax(ctx, 50, 1000);
  const roomId = ctx.store.directRooms.get(ctx.store.directKey(ctx.caller.id, other.id));
  const room = roomId ? ctx.store.rooms.get(roomId) : undefined;
  if (!room) return { json: { items: [] } };
  const parentId = ctx.query.get("parentId");
  const sequence = parentId ? (room.threads.get(parentId) ?? []) : room.messages;
  return pageMessages(ctx, sequence, max, () => true);
}

function messageOfMember(ctx: Ctx): MessageRecord {
  const message = ctx.store.messages.get(ctx.params.id as string);
  const room = message ? ctx.store.rooms.get(message.roomId) : undefined;
  if (!message || message.deleted || !room || !room.members.has(ctx.caller.id)) throw notFound(MESSAGE_NOT_FOUND);
  return message;
}

function edit(ctx: Ctx): Reply {
  const message = messageOfMember(ctx);
  const roomId = optionalString(ctx.body, "roomId");
  if (!roomId) throw badRequest("roomId is required.");
  if (roomId !== message.roomId) throw badRequest("roomId does not match the message's space.");
  const text = optionalString(ctx.body, "text");
  const markdown = optionalString(ctx.body, "markdown");
  if (text === undefined && markdown === undefined) throw badRequest("text or markdown is required.");
  if (message.personId !== ctx.caller.id) throw forbidden("Only the author can edit a message.");
  if (message.contentIds || message.attachments) {
    throw badRequest("Editing a message with files or attachments is unsupported.");
  }
  if (message.edits >= MAX_EDITS) throw badRequest(`A message can be edited at most ${MAX_EDITS} times.`);
  const content = renderContent(ctx.engine, text, markdown);
  Object.assign(message, {
    text: content.text,
    markdown: content.markdown,
    html: content.html,
    mentionedPeople: content.mentionedPeople,
    mentionedGroups: content.mentionedGroups,
    updatedMs: Date.now(),
    edits: message.edits + 1,
  });
  ctx.engine.notify(messageActivity(ctx.engine, message, "updated", ctx.baseUrl));
  return { json: messageJson(ctx.store, message, ctx.baseUrl) };
}

function remove(ctx: Ctx): Reply {
  const message = messageOfMember(ctx);
  const room = ctx.store.rooms.get(message.roomId) as RoomRecord;
  const moderator = room.members.get(ctx.caller.id)?.isModerator ?? false;
  if (message.personId !== ctx.caller.id && !(moderator && room.isLocked)) {
    throw forbidden("Only the author or a moderator can delete a message.");
  }
  message.deleted = true;
  const activity = messageActivity(ctx.engine, message, "deleted", ctx.baseUrl);
  activity.actorId = ctx.caller.id;
  ctx.engine.notify(activity);
  for (const id of message.contentIds ?? []) ctx.store.contents.delete(id);
  return { status: 204 };
}

function content(ctx: Ctx): Reply {
  const record = ctx.store.contents.get(ctx.params.id as string);
  const room = record ? ctx.store.rooms.get(record.roomId) : undefined;
  if (!record || !room?.members.has(ctx.caller.id)) throw notFound("File not found.");
  if (record.link) return { status: 302, headers: { Location: record.link }, json: {} };
  const filename = record.filename.replace(/["\\\r\n]/g, "_");
  return {
    raw: { body: record.bytes ?? Buffer.alloc(0), contentType: record.contentType },
    headers: { "Content-Disposition": `attachment; filename="${filename}"` },
  };
}

export const messageRoutes: Route[] = [
  { method: "GET", path: "messages", handler: list },
  {
    method: "POST",
    path: "messages",
    body: "json-or-multipart",
    handler: (ctx) => ({ json: postMessage(ctx, ctx.body, ctx.upload) }),
  },
  { method: "GET", path: "messages/direct", handler: listDirect },
  {
    method: "GET",
    path: "messages/:id",
    handler: (ctx) => ({ json: messageJson(ctx.store, messageOfMember(ctx), ctx.baseUrl) }),
  },
  { method: "PUT", path: "messages/:id", handler: edit },
  { method: "DELETE", path: "messages/:id", handler: remove },
  { method: "GET", path: "contents/:id", handler: content },
];
