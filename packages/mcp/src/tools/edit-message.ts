import { z } from "zod";
import { renderMessage, showMessage, shownMessage } from "../shown/message.js";
import { defineTool } from "../tool.js";
import { exactlyOne } from "./arguments.js";

export const editMessage = defineTool({
  name: "edit_message",
  toolset: "messages",
  title: "Edit a message",
  description:
    "Replaces the text of a message the user sent (plain text or markdown). Messages with files or cards cannot be edited.",
  behaviour: { readOnly: false, destructive: true, idempotent: true },
  input: {
    messageId: z.string().min(1).describe("The message's id (read_messages gives it)"),
    text: z.string().min(1).max(7439).optional(),
    markdown: z.string().min(1).max(7439).optional(),
    roomId: z.string().min(1).optional().describe("The message's room, if known (saves a lookup)"),
  },
  output: { message: shownMessage },
  notFound: "no such message, or the user cannot see it; read_messages lists message ids",
  async run(args, context) {
    exactlyOne(args, ["text", "markdown"]);
    const roomId = args.roomId ?? (await context.wx.messages.get(args.messageId, context.call())).roomId;
    const content = args.text !== undefined ? { text: args.text } : { markdown: args.markdown as string };
    const edited = await context.wx.messages.update(args.messageId, { roomId, ...content }, context.call());
    const message = showMessage(edited, "you");
    return { structured: { message }, text: `Edited:\n${renderMessage(message)}` };
  },
});
