import { ValidationError } from "@wx/sdk";
import { z } from "zod";
import { decodeCursor, encodeCursor, stringField } from "../cursor.js";
import { readMessagePage } from "../message-page.js";
import { senderName, senderNames } from "../sender-names.js";
import { renderMessage, type ShownMessage, showMessage, shownMessage } from "../shown/message.js";
import { groupThreads } from "../threads.js";
import { defineTool, READS, type ToolContext } from "../tool.js";
import { cursor, exactlyOne, isoTime, limit, personEmail, roomId } from "./arguments.js";

interface Position {
  roomId: string;
  beforeMessage: string;
  since?: string;
  mentionsMe?: boolean;
}

export const readMessages = defineTool({
  name: "read_messages",
  toolset: "messages",
  title: "Read messages",
  description:
    "Messages of a room, or of the 1:1 conversation with a person, oldest first, with thread replies under their " +
    "parent and senders by name. Newest messages first come back; pass the answer's cursor to read older ones.",
  behaviour: READS,
  input: {
    roomId: roomId.optional(),
    personEmail: personEmail.optional().describe("Read the 1:1 conversation with this person instead of a room"),
    before: isoTime.optional().describe("Only messages sent before this ISO time"),
    since: isoTime.optional().describe("Only messages sent at or after this ISO time"),
    mentionsMe: z
      .boolean()
      .optional()
      .describe("Only messages that mention the user; a bot must set it to read a group room"),
    limit: limit(50, 200),
    cursor: cursor
      .optional()
      .describe("The cursor of the previous answer, to read older messages; pass it alone (with limit)"),
  },
  output: {
    roomId: z.string().optional(),
    messages: z.array(shownMessage),
    cursor: z.string().optional().describe("Pass to read_messages to read the older messages"),
    note: z.string().optional(),
  },
  notFound: "no such room or person, or the signed-in user is not in that room; list_rooms and find_people find ids",
  async run(args, context) {
    const position = args.cursor === undefined ? await startOf(args, context) : fromCursor(args);
    if (position === undefined) {
      return { structured: { messages: [] }, text: `No messages with ${args.personEmail} yet.` };
    }
    const page = await readMessagePage(context, { ...position, limit: args.limit });
    const names = await senderNames(context, page.messages);
    const shown = groupThreads(page.messages.map((message) => showMessage(message, senderName(names, message))));
    const oldest = page.messages.at(-1);
    const next =
      page.more && oldest
        ? encodeCursor("read_messages", {
            roomId: position.roomId,
            beforeMessage: oldest.id,
            since: position.since,
            mentionsMe: position.mentionsMe,
          })
        : undefined;
    return {
      structured: { roomId: position.roomId, messages: shown, cursor: next, note: names.note },
      text: render(shown, page.messages.length, next, names.note),
    };
  },
});

/** The first call's position; a person's 1:1 room is found from their newest direct message. */
async function startOf(
  args: { roomId?: string; personEmail?: string; before?: string; since?: string; mentionsMe?: boolean },
  context: ToolContext,
): Promise<(Omit<Position, "beforeMessage"> & { before?: string }) | undefined> {
  exactlyOne(args, ["roomId", "personEmail"]);
  if (args.before && args.since && Date.parse(args.since) >= Date.parse(args.before)) {
    throw new ValidationError("since must be earlier than before", { argument: "since" });
  }
  const filters = { before: args.before, since: args.since, mentionsMe: args.mentionsMe };
  if (args.roomId !== undefined) return { roomId: args.roomId, ...filters };
  const [newest] = await context.wx.messages
    .listDirect({ personEmail: args.personEmail as string, max: 1 }, context.call())
    .first(1);
  return newest ? { roomId: newest.roomId, ...filters } : undefined;
}

function fromCursor(args: {
  cursor?: string;
  roomId?: string;
  personEmail?: string;
  before?: string;
  since?: string;
  mentionsMe?: boolean;
}): Position {
  const filters = (["roomId", "personEmail", "before", "since", "mentionsMe"] as const).filter(
    (name) => args[name] !== undefined,
  );
  if (filters.length) {
    throw new ValidationError(`a cursor carries its own room and filters; pass it without ${filters.join(", ")}`, {
      argument: "cursor",
    });
  }
  return decodeCursor("read_messages", args.cursor as string, (state) => {
    const roomId = stringField(state, "roomId");
    const beforeMessage = stringField(state, "beforeMessage");
    if (!roomId || !beforeMessage) return undefined;
    return {
      roomId,
      beforeMessage,
      since: stringField(state, "since"),
      mentionsMe: state.mentionsMe === true || undefined,
    };
  });
}

function render(shown: ShownMessage[], count: number, next: string | undefined, note: string | undefined): string {
  const head = count === 0 ? "No messages." : `${count} message${count > 1 ? "s" : ""}, oldest first:`;
  const more = next ? `\nOlder messages remain: call read_messages with cursor "${next}".` : "";
  return [head, ...shown.map(renderMessage)].join("\n") + more + (note ? `\nNote: ${note}` : "");
}
