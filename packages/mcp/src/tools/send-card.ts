import { type AdaptiveCardJson, type MessageCreateFields, ValidationError, validateCard } from "@wx/sdk";
import { z } from "zod";
import { defineTool } from "../tool.js";
import { exactlyOne, personEmail, roomId } from "./arguments.js";
import { sentMessage } from "./send-message.js";

export const sendCard = defineTool({
  name: "send_card",
  toolset: "messages",
  title: "Send an Adaptive Card",
  description:
    "Sends an Adaptive Card (schema 1.3, as JSON: {type: 'AdaptiveCard', version: '1.3', body: [...], actions: [...]}) " +
    "to a room or a person. The card is checked first; each problem comes back with its JSON path.",
  behaviour: { readOnly: false, destructive: false, idempotent: false },
  input: {
    roomId: roomId.optional(),
    personEmail: personEmail.optional().describe("Send 1:1 to this person instead of a room"),
    card: z.record(z.string(), z.unknown()).describe("The Adaptive Card JSON object"),
    text: z.string().min(1).max(7439).optional().describe("Shown by clients that cannot render cards"),
    replyTo: z.string().min(1).optional().describe("Send it in the thread of this message"),
  },
  output: sentMessage,
  notFound:
    "no such room, person or parent message, or the user is not in that room; list_rooms and read_messages find ids",
  async run(args, context) {
    exactlyOne(args, ["roomId", "personEmail"]);
    const problems = validateCard(args.card);
    if (problems.length) {
      throw new ValidationError(
        `the card has ${problems.length} problem${problems.length > 1 ? "s" : ""}; fix them and send again`,
        {
          argument: "card",
          problems,
        },
      );
    }
    const destination =
      args.roomId !== undefined ? { roomId: args.roomId } : { toPersonEmail: args.personEmail as string };
    const fields = {
      ...destination,
      text: args.text ?? "This message holds an Adaptive Card.",
      parentId: args.replyTo,
      // validateCard found no problem, so it is a card
      attachments: [args.card as unknown as AdaptiveCardJson],
    } as MessageCreateFields;
    const message = await context.wx.messages.create(fields, context.call());
    return {
      structured: { id: message.id, roomId: message.roomId, at: message.created },
      text: `Sent card message ${message.id} to room ${message.roomId}.`,
    };
  },
});
