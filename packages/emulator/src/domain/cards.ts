import { badRequest, notFound } from "../errors.js";
import { hydraId, isoTime } from "../ids.js";
import type { CallerCtx } from "../resource.js";
import { checkFields, rules } from "../rules.js";
import type { Json } from "../types.js";
import { cardActivity } from "./activity.js";
import type { AttachmentActionRecord } from "./store.js";

/** What `POST /attachment/actions` (and `emu.act(token).submitCard`) accepts. */
export const submitCardRules = rules({
  type: { type: "string" },
  messageId: { type: "string" },
  inputs: { type: "object" },
});

/** Submits a card as `caller`: shared by `POST /attachment/actions` and `emu.act(token).submitCard`. */
export function submitCard(ctx: CallerCtx, body: Json): Json {
  const { type, messageId, inputs } = checkFields(submitCardRules, body);
  if (type !== "submit") throw badRequest("type must be 'submit'.");
  if (!messageId) throw badRequest("messageId cannot be empty.");
  if (!inputs) throw badRequest("inputs must be an object.");
  const message = ctx.store.messages.get(messageId);
  const room = message ? ctx.store.rooms.get(message.roomId) : undefined;
  if (!message || message.deleted || !room || !room.members.has(ctx.caller.id)) {
    throw notFound("Unable to get message.");
  }
  if (!message.attachments) throw badRequest("The message has no card to submit.");
  const now = ctx.engine.now();
  const action: AttachmentActionRecord = {
    json: {
      id: hydraId("ATTACHMENT_ACTION", ctx.store.random.uuid1(now)),
      type: "submit",
      messageId,
      inputs,
      personId: ctx.caller.id,
      roomId: room.id,
      created: isoTime(now),
    },
  };
  ctx.store.attachmentActions.set(action.json.id, action);
  ctx.engine.notify(cardActivity(action, room));
  return action.json;
}
