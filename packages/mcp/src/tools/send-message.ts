import { type MessageCreateFields, ValidationError } from "@wx/sdk";
import { z } from "zod";
import { defineTool } from "../tool.js";
import { exactlyOne, personEmail, roomId } from "./arguments.js";

export const sentMessage = { id: z.string(), roomId: z.string(), at: z.string() };

export const sendMessage = defineTool({
  name: "send_message",
  toolset: "messages",
  title: "Send a message",
  description:
    "Sends a message to a room or to a person (1:1), as plain text or markdown, optionally as a reply in a thread " +
    "and with one file given by a public URL.",
  behaviour: { readOnly: false, destructive: false, idempotent: false },
  input: {
    roomId: roomId.optional(),
    personEmail: personEmail.optional().describe("Send 1:1 to this person instead of a room"),
    text: z.string().min(1).max(7439).optional(),
    markdown: z
      .string()
      .min(1)
      .max(7439)
      .optional()
      .describe("Webex markdown, e.g. **bold**, <@personEmail:ada@example.com>"),
    replyTo: z.string().min(1).optional().describe("Reply in the thread of this message (its id from read_messages)"),
    fileUrl: z
      .url({ protocol: /^https?$/ })
      .optional()
      .describe("A public http(s) URL of one file to attach"),
  },
  output: sentMessage,
  notFound:
    "no such room, person or parent message, or the user is not in that room; list_rooms and read_messages find ids",
  async run(args, context) {
    exactlyOne(args, ["roomId", "personEmail"]);
    checkContent(args);
    const destination =
      args.roomId !== undefined ? { roomId: args.roomId } : { toPersonEmail: args.personEmail as string };
    const fields = {
      ...destination,
      text: args.text,
      markdown: args.markdown,
      parentId: args.replyTo,
      files: args.fileUrl === undefined ? undefined : [args.fileUrl],
    } as MessageCreateFields;
    const message = await context.wx.messages.create(fields, context.call());
    return {
      structured: { id: message.id, roomId: message.roomId, at: message.created },
      text: `Sent message ${message.id} to room ${message.roomId}.`,
    };
  },
});

/** Text or markdown (not both), or only a file. */
export function checkContent(args: { text?: string; markdown?: string; fileUrl?: string }): void {
  if (args.text !== undefined && args.markdown !== undefined) {
    throw new ValidationError("give text or markdown, not both", { argument: "markdown" });
  }
  if (args.text === undefined && args.markdown === undefined && args.fileUrl === undefined) {
    throw new ValidationError("give text, markdown or fileUrl", { argument: "text" });
  }
}
