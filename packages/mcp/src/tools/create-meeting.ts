import { type MeetingCreateFields, ValidationError } from "@wx/sdk";
import { z } from "zod";
import { renderMeeting, showMeeting, shownMeeting } from "../shown/meeting.js";
import { defineTool } from "../tool.js";
import { isoTime, personEmail, roomId } from "./arguments.js";

export const createMeeting = defineTool({
  name: "create_meeting",
  toolset: "meetings",
  title: "Schedule a meeting",
  description:
    "Schedules a Webex meeting with the user as host and emails the invitations; with roomId, the room's members " +
    "are invited. Gives the join link.",
  behaviour: { readOnly: false, destructive: false, idempotent: false },
  input: {
    title: z.string().min(1).max(128),
    start: isoTime.describe("Start, an ISO time with its offset, e.g. 2030-05-01T10:00:00+02:00"),
    end: isoTime.describe("End, an ISO time (10 minutes to 24 hours after start)"),
    agenda: z.string().max(1300).optional(),
    invitees: z.array(personEmail).max(100).optional().describe("Emails of the people to invite"),
    roomId: roomId.optional().describe("Make it the meeting of this room, inviting its members"),
    sendEmail: z.boolean().default(true).describe("Email the invitations (default true)"),
  },
  output: { meeting: shownMeeting },
  notFound: "no such room, or the user is not in it; list_rooms finds ids",
  async run(args, context) {
    if (Date.parse(args.end) <= Date.parse(args.start)) {
      throw new ValidationError("end must be later than start", { argument: "end" });
    }
    const fields: MeetingCreateFields = {
      title: args.title,
      start: args.start,
      end: args.end,
      agenda: args.agenda,
      roomId: args.roomId,
      invitees: args.invitees?.map((email) => ({ email })),
      sendEmail: args.sendEmail,
    };
    const meeting = showMeeting(await context.wx.meetings.create(fields, context.call()));
    return { structured: { meeting }, text: `Scheduled:\n${renderMeeting(meeting)}` };
  },
});
