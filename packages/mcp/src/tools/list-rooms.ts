import type { Room } from "@wx/sdk";
import { z } from "zod";
import { decodeCursor, encodeCursor, stringField } from "../cursor.js";
import { type ListPosition, listPage, positionIn } from "../list-page.js";
import { renderRoom, shownRoom, showRoom } from "../shown/room.js";
import { defineTool, READS } from "../tool.js";
import { cursor, limit } from "./arguments.js";

/** Pages of up to 100 rooms read per call while filtering by title. */
const MAX_PAGES = 10;

export const listRooms = defineTool({
  name: "list_rooms",
  toolset: "rooms",
  title: "List rooms",
  description:
    "Rooms (spaces) the user is in, most recently active first by default; filter by type or by words in the title. " +
    "Gives the room ids other tools take.",
  behaviour: READS,
  input: {
    type: z.enum(["group", "direct"]).optional().describe("group: spaces; direct: 1:1 conversations"),
    titleContains: z.string().min(1).optional().describe("Only rooms whose title contains this (any case)"),
    sortBy: z
      .enum(["lastactivity", "created", "id"])
      .default("lastactivity")
      .describe("Order (default: latest activity first)"),
    limit: limit(20, 100),
    cursor: cursor.optional().describe("The cursor of the previous answer; it keeps that call's filters and order"),
  },
  output: {
    rooms: z.array(shownRoom),
    cursor: z.string().optional().describe("Pass to list_rooms to get the next rooms"),
    note: z.string().optional(),
  },
  notFound: "the list of rooms was not found",
  async run(args, context) {
    const position = args.cursor === undefined ? undefined : fromCursor(args.cursor);
    const titleContains = position?.titleContains ?? args.titleContains;
    const needle = titleContains?.toLocaleLowerCase();
    const page = await listPage(context, {
      endpoint: "rooms",
      query: { type: args.type, sortBy: args.sortBy, max: needle ? 100 : args.limit },
      from: position,
      limit: args.limit,
      maxPages: needle ? MAX_PAGES : 1,
      show: (room: Room) => (needle && !room.title.toLocaleLowerCase().includes(needle) ? undefined : showRoom(room)),
    });
    const next = page.next && encodeCursor("list_rooms", { ...page.next, titleContains });
    const note = page.scanLimited
      ? `searched ${MAX_PAGES * 100} rooms for "${titleContains}" and stopped; the cursor searches on`
      : undefined;
    const head = page.items.length
      ? `${page.items.length} room${page.items.length > 1 ? "s" : ""}:`
      : "No rooms found.";
    const more = next ? `\nMore rooms: call list_rooms with cursor "${next}".` : "";
    return {
      structured: { rooms: page.items, cursor: next, note },
      text: [head, ...page.items.map(renderRoom)].join("\n") + more + (note ? `\nNote: ${note}` : ""),
    };
  },
});

function fromCursor(value: string): ListPosition & { titleContains?: string } {
  return decodeCursor("list_rooms", value, (state) => {
    const position = positionIn(state);
    return position && { ...position, titleContains: stringField(state, "titleContains") };
  });
}
