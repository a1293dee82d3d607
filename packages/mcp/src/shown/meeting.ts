import type { Meeting } from "@wx/sdk";
import { z } from "zod";
import { shortTime } from "./room.js";

/** A meeting as the model sees it: when, what, where to join. Never the host key or the passwords. */
export const shownMeeting = z.object({
  id: z.string(),
  title: z.string(),
  start: z.string(),
  end: z.string(),
  state: z.string().optional(),
  host: z.string().optional(),
  webLink: z.string().optional(),
  roomId: z.string().optional(),
  webinar: z.literal(true).optional(),
});

export type ShownMeeting = z.infer<typeof shownMeeting>;

export function showMeeting(meeting: Meeting): ShownMeeting {
  return {
    id: meeting.id,
    title: meeting.title,
    start: meeting.start,
    end: meeting.end,
    state: meeting.state,
    host: meeting.hostDisplayName || meeting.hostEmail,
    webLink: meeting.webLink,
    roomId: meeting.roomId,
    webinar: meeting.scheduledType === "webinar" ? true : undefined,
  };
}

export function renderMeeting(meeting: ShownMeeting): string {
  const when = `${shortTime(meeting.start)} to ${shortTime(meeting.end)}`;
  const host = meeting.host ? `, host ${meeting.host}` : "";
  const join = meeting.webLink ? ` join: ${meeting.webLink}` : "";
  return `- ${meeting.title}${meeting.webinar ? " (webinar)" : ""} ${when}${host}${join} id: ${meeting.id}`;
}
