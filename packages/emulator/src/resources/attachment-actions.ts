import { submitCard } from "../domain/cards.js";
import { notFound } from "../errors.js";
import { defineResource, route } from "../resource.js";

export const attachmentActions = defineResource({
  name: "Attachment Actions",
  routes: [
    route({
      method: "POST",
      path: "attachment/actions",
      // Checked by submitCard itself, which emu.act shares.
      handle: (ctx) => ({ status: ctx.engine.options.attachmentActionStatus, json: submitCard(ctx, ctx.body) }),
    }),
    route({
      method: "GET",
      path: "attachment/actions/:id",
      handle: (ctx) => {
        const action = ctx.store.attachmentActions.get(ctx.params.id as string);
        const room = action ? ctx.store.rooms.get(action.json.roomId) : undefined;
        if (!action || !room?.members.has(ctx.caller.id)) throw notFound("Attachment action not found.");
        return { json: action.json };
      },
    }),
  ],
});
