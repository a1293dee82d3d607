import type { Json } from "../types.js";
import { SITE_URL } from "./meetings.js";
import type { PersonRecord } from "./store.js";

/**
 * The templates a site offers (the service's standard ones, and two of the site's own), the same for
 * every user. IDs are base64 of `<site key>:<template key>` as on the service.
 */
export interface MeetingTemplate {
  id: string;
  name: string;
  templateType: "meeting" | "webinar";
  isDefault: boolean;
  isStandard: boolean;
  /** The meeting it creates, without times (those are the next free hour, filled in when read). */
  meeting: Json;
}

const SITE_KEY = "7d7ea5f42b921eace05386ca24ad730e";
const templateId = (key: string) => Buffer.from(`${SITE_KEY}:${key}`).toString("base64").replace(/=+$/, "");

export const LOCALE = "en_US";

export const MEETING_TEMPLATES: readonly MeetingTemplate[] = [
  {
    id: templateId("G-0-MC-en_US"),
    name: "Webex Meetings Default",
    templateType: "meeting",
    isDefault: true,
    isStandard: true,
    meeting: { title: "Webex meeting", enabledJoinBeforeHost: false, reminderTime: 15 },
  },
  {
    id: templateId("U-200972-MC-en_US"),
    name: "Team sync",
    templateType: "meeting",
    isDefault: false,
    isStandard: false,
    meeting: {
      title: "Team sync",
      agenda: "Updates, blockers, next steps",
      enabledJoinBeforeHost: true,
      joinBeforeHostMinutes: 5,
      enabledAutoRecordMeeting: true,
      reminderTime: 10,
    },
  },
  {
    id: templateId("G-2-MC-en_US-L"),
    name: "Webex Events Default",
    templateType: "webinar",
    isDefault: true,
    isStandard: true,
    meeting: { title: "Webex webinar", scheduledType: "webinar", reminderTime: 30 },
  },
  {
    id: templateId("U-200567-MC-en_US-L"),
    name: "Product launch",
    templateType: "webinar",
    isDefault: false,
    isStandard: false,
    meeting: {
      title: "Product launch",
      scheduledType: "webinar",
      enabledWebcastView: true,
      registration: { autoAcceptRequest: true, requireFirstName: true, requireLastName: true, requireEmail: true },
    },
  },
];

export function findTemplate(id: string): MeetingTemplate | undefined {
  return MEETING_TEMPLATES.find((template) => template.id === id);
}

const HOUR = 3600_000;

/** The template's meeting as `POST /meetings` takes it: at the next whole hour, for an hour, hosted by `host`. */
export function templateMeeting(template: MeetingTemplate, host: PersonRecord, now: number): Json {
  const start = Math.ceil((now + 60_000) / HOUR) * HOUR;
  return {
    ...template.meeting,
    start: new Date(start).toISOString().replace(/\.\d{3}Z$/, "Z"),
    end: new Date(start + HOUR).toISOString().replace(/\.\d{3}Z$/, "Z"),
    timezone: "UTC",
    hostEmail: host.json.emails[0],
    siteUrl: SITE_URL,
    sendEmail: true,
  };
}
