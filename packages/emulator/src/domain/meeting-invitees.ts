import type { Random } from "../ids.js";
import type { MeetingRecord } from "./meetings.js";
import { type PersonRecord, type Store, table } from "./store.js";

/** An invitee of a series (every scheduled meeting of it) or of one scheduled meeting. */
export interface InviteeRecord {
  /** `<meetingId>_<7 digits>`, as the service makes them. */
  id: string;
  /** The series or scheduled meeting it was invited to. */
  meetingId: string;
  seriesId: string;
  email: string;
  displayName: string;
  coHost: boolean;
  panelist: boolean;
  createdMs: number;
}

export const inviteeRecords = table<InviteeRecord>();

export function inviteesOf(store: Store): Map<string, InviteeRecord> {
  return inviteeRecords.of(store);
}

/** The display name an invitee gets when none is given: the person's, else the email's local part. */
export function inviteeName(store: Store, email: string): string {
  return store.personByEmail(email)?.json.displayName ?? (email.split("@")[0] as string);
}

export function addInvitee(
  store: Store,
  random: Random,
  meetingId: string,
  seriesId: string,
  fields: { email: string; displayName?: string; coHost?: boolean; panelist?: boolean },
  now: number,
): InviteeRecord {
  const invitee: InviteeRecord = {
    id: `${meetingId}_${random.chars(7, "0123456789")}`,
    meetingId,
    seriesId,
    email: fields.email,
    displayName: fields.displayName ?? inviteeName(store, fields.email),
    coHost: fields.coHost ?? false,
    panelist: fields.panelist ?? false,
    createdMs: now,
  };
  inviteesOf(store).set(invitee.id, invitee);
  return invitee;
}

/** Invitees of the meeting `meetingId` names: a series' own, plus a scheduled meeting's own. */
export function inviteesFor(store: Store, seriesId: string, meetingId: string): InviteeRecord[] {
  const out: InviteeRecord[] = [];
  for (const invitee of inviteesOf(store).values()) {
    if (invitee.seriesId !== seriesId) continue;
    if (invitee.meetingId === seriesId || invitee.meetingId === meetingId) out.push(invitee);
  }
  return out.sort((a, b) => (a.email < b.email ? -1 : a.email > b.email ? 1 : 0));
}

export function isInvitee(store: Store, meeting: MeetingRecord, person: PersonRecord): boolean {
  const emails = new Set(person.json.emails.map((e) => e.toLowerCase()));
  for (const invitee of inviteesOf(store).values()) {
    if (invitee.seriesId === meeting.id && emails.has(invitee.email.toLowerCase())) return true;
  }
  return false;
}

export function isCoHost(store: Store, meeting: MeetingRecord, person: PersonRecord): boolean {
  const emails = new Set(person.json.emails.map((e) => e.toLowerCase()));
  for (const invitee of inviteesOf(store).values()) {
    if (invitee.seriesId === meeting.id && invitee.coHost && emails.has(invitee.email.toLowerCase())) return true;
  }
  return false;
}
