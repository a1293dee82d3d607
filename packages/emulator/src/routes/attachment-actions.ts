import { badRequest, notFound } from "../errors.js";
import { hydraId, isoTime } from "../ids.js";
import type { CallerCtx, Route } from "../route.js";
import type { RoomRecord } from "../store.js";
import type { Json } from "../types.js";
import { optionalString } from "../validate.js";

/** Submits a card as `caller`: shared by `POST /attachment/actions` and `emu.act(token).submitCard`. */
export function submitCard(ctx: CallerCtx, body: Json): Json {
  const type = optionalString(body, "type");
  if (type !== "submit") throw badRequest("type must be 'submit'.");
  const messageId = optionalString(body, "messageId");
  if (!messageId) throw badRequest("messageId cannot be empty.");
  const inputs = body.inputs;
  if (!inputs || typeof inputs !== "object" || Array.isArray(inputs)) throw badRequest("inputs must be an object.");
  const message = ctx.store.messages.get(messageId);
  const room = message ? ctx.store.rooms.get(message.roomId) : undefined;
  if (!message || message.deleted || !room || !room.members.has(ctx.caller.id))
    throw notFound("Unable to get message.");
  if (!message.attachments) throw badRequest("The message has no card to submit.");
  const now = Date.now();
  const json = {
    id: hydraId("ATTACHMENT_ACTION", ctx.store.random.uuid1(now)),
    type: "submit",
    messageId,
    inputs: inputs as Json,
    personId: ctx.caller.id,
    roomId: room.id,
    created: isoTime(now),
  };
  ctx.store.attachmentActions.set(json.id, { json });
  // Webhooks carry no inputs: receivers fetch them with GET /attachment/actions/{id}.
  const { inputs: _inputs, ...data } = json;
  ctx.engine.notify({
    resource: "attachmentActions",
    event: "created",
    actorId: ctx.caller.id,
    room: room as RoomRecord,
    audience: new Set(room.members.keys()),
    data,
    full: json,
    filterFields: { messageId, personId: ctx.caller.id, roomId: room.id },
  });
  return json;
}

export const attachmentActionRoutes: Route[] = [
  {
    method: "POST",
    path: "attachment/actions",
    handler: (ctx) => ({ status: ctx.engine.options.attachmentActionStatus, json: submitCard(ctx, ctx.body) }),
  },
  {
    method: "GET",
    path: "attachment/actions/:id",
    handler: (ctx) => {
      const action = ctx.store.attachmentActions.get(ctx.params.id as string);
      const room = action ? ctx.store.rooms.get(action.json.roomId) : undefined;
      if (!action || !room?.members.has(ctx.caller.id)) throw notFound("Attachment action not found.");
      return { json: action.json };
    },
  },
];
