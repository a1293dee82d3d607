import { type Meeting, ValidationError } from "@wx/sdk";
import { z } from "zod";
import { decodeCursor, encodeCursor } from "../cursor.js";
import { listPage, positionIn } from "../list-page.js";
import { renderMeeting, showMeeting, shownMeeting } from "../shown/meeting.js";
import { defineTool, READS } from "../tool.js";
import { cursor, isoTime, limit, roomId } from "./arguments.js";

const DAY_MS = 24 * 60 * 60_000;

export const listMeetings = defineTool({
  name: "list_meetings",
  toolset: "meetings",
  title: "List meetings",
  description:
    "The user's scheduled meetings between two times (default: the next 7 days), soonest first, with join links; " +
    "or the meetings of one room.",
  behaviour: READS,
  input: {
    from: isoTime.optional().describe("From this ISO time (default: now)"),
    to: isoTime.optional().describe("Until this ISO time (default: 7 days after from)"),
    roomId: roomId.optional().describe("Only the meetings of this room (then from and to do not apply)"),
    limit: limit(20, 100),
    cursor: cursor.optional().describe("The cursor of the previous answer; it keeps that call's times"),
  },
  output: {
    meetings: z.array(shownMeeting),
    cursor: z.string().optional().describe("Pass to list_meetings for the next meetings"),
  },
  notFound: "no such room, or the user is not in it; list_rooms finds ids",
  async run(args, context) {
    const from = args.from ?? new Date().toISOString();
    const to = args.to ?? new Date(Date.parse(from) + 7 * DAY_MS).toISOString();
    if (Date.parse(to) <= Date.parse(from)) throw new ValidationError("to must be later than from", { argument: "to" });
    const position = args.cursor === undefined ? undefined : decodeCursor("list_meetings", args.cursor, positionIn);
    const query = args.roomId !== undefined ? { roomId: args.roomId } : { meetingType: "scheduledMeeting", from, to };
    const page = await listPage(context, {
      endpoint: "meetings",
      query: { ...query, max: args.limit },
      from: position,
      limit: args.limit,
      maxPages: 1,
      show: (meeting: Meeting) => showMeeting(meeting),
    });
    const next = page.next && encodeCursor("list_meetings", { ...page.next });
    const head = page.items.length
      ? `${page.items.length} meeting${page.items.length > 1 ? "s" : ""}:`
      : "No meetings.";
    const more = next ? `\nMore meetings: call list_meetings with cursor "${next}".` : "";
    return {
      structured: { meetings: page.items, cursor: next },
      text: [head, ...page.items.map(renderMeeting)].join("\n") + more,
    };
  },
});
