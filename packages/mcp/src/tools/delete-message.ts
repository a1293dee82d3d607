import { z } from "zod";
import { defineTool } from "../tool.js";

export const deleteMessage = defineTool({
  name: "delete_message",
  toolset: "messages",
  title: "Delete a message",
  description: "Deletes a message for everyone in the room. It cannot be undone.",
  behaviour: { readOnly: false, destructive: true, idempotent: true },
  input: { messageId: z.string().min(1).describe("The message's id (read_messages gives it)") },
  output: { deleted: z.string() },
  notFound: "no such message (it may be deleted already); read_messages lists message ids",
  async run(args, context) {
    await context.wx.messages.delete(args.messageId, context.call());
    return { structured: { deleted: args.messageId }, text: `Deleted message ${args.messageId}.` };
  },
});
