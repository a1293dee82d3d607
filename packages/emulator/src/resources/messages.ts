import { messageActivity } from "../domain/activity.js";
import { lastIndexWhere, MAX_EDITS, postMessage, renderContent, replaceMessage } from "../domain/messages.js";
import { roomOfMember } from "../domain/rooms.js";
import type { MessageRecord, RoomRecord, ServedJson } from "../domain/store.js";
import { itemsPage, messageJson, servedMessage } from "../domain/views.js";
import { badRequest, forbidden, notFound } from "../errors.js";
import { nextLink, readCursor, readMax } from "../pagination.js";
import { type Ctx, defineResource, type Reply, route } from "../resource.js";
import { type Input, rules } from "../rules.js";
import { parseTime } from "../validate.js";

const MESSAGE_NOT_FOUND = "Unable to get message.";

const editRules = rules({
  roomId: { type: "string", required: "roomId is required." },
  text: { type: "string" },
  markdown: { type: "string" },
});

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
  const items: ServedJson[] = [];
  let i = start;
  for (; i >= 0 && items.length < max; i--) {
    const message = sequence[i] as MessageRecord;
    if (!message.deleted && keep(message)) items.push(servedMessage(ctx.store, message, ctx.baseUrl));
  }
  while (i >= 0 && !(!(sequence[i] as MessageRecord).deleted && keep(sequence[i] as MessageRecord))) i--;
  return { jsonText: itemsPage(items), next: i >= 0 ? nextLink(ctx, String(i)) : undefined };
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

function edit(ctx: Ctx, input: Input<typeof editRules>): Reply {
  const message = messageOfMember(ctx);
  const { roomId, text, markdown } = input;
  if (roomId !== message.roomId) throw badRequest("roomId does not match the message's space.");
  if (text === undefined && markdown === undefined) throw badRequest("text or markdown is required.");
  if (message.personId !== ctx.caller.id) throw forbidden("Only the author can edit a message.");
  if (message.contentIds || message.attachments) {
    throw badRequest("Editing a message with files or attachments is unsupported.");
  }
  if (message.edits >= MAX_EDITS) throw badRequest(`A message can be edited at most ${MAX_EDITS} times.`);
  const edited = replaceMessage(ctx.engine, message, {
    ...renderContent(ctx.engine, text, markdown),
    updatedMs: ctx.engine.now(),
    edits: message.edits + 1,
  });
  ctx.engine.notify(messageActivity(ctx.engine, edited, "updated", ctx.baseUrl));
  return { json: messageJson(ctx.store, edited, ctx.baseUrl) };
}

function remove(ctx: Ctx): Reply {
  const message = messageOfMember(ctx);
  const room = ctx.store.rooms.get(message.roomId) as RoomRecord;
  const moderator = room.members.get(ctx.caller.id)?.isModerator ?? false;
  if (message.personId !== ctx.caller.id && !(moderator && room.isLocked)) {
    throw forbidden("Only the author or a moderator can delete a message.");
  }
  message.deleted = true;
  ctx.engine.notify(messageActivity(ctx.engine, message, "deleted", ctx.baseUrl, ctx.caller.id));
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

export const messages = defineResource({
  name: "Messages",
  routes: [
    route({ method: "GET", path: "messages", handle: list }),
    route({
      method: "POST",
      path: "messages",
      read: "json-or-multipart",
      // Checked by postMessage itself, which emu.act shares.
      handle: (ctx) => ({ json: postMessage(ctx, ctx.body, ctx.upload) }),
    }),
    route({ method: "GET", path: "messages/direct", handle: listDirect }),
    route({
      method: "GET",
      path: "messages/:id",
      handle: (ctx) => ({ jsonText: servedMessage(ctx.store, messageOfMember(ctx), ctx.baseUrl) }),
    }),
    route({ method: "PUT", path: "messages/:id", body: editRules, handle: edit }),
    route({ method: "DELETE", path: "messages/:id", handle: remove }),
    route({ method: "GET", path: "contents/:id", handle: content }),
  ],
});
