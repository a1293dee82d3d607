import type { Extra, QueryValue } from "@wx/core";
export interface MeetingInviteeListFilters {
  /** Required: the series, scheduled meeting or instance whose invitees are listed. */
  meetingId: string;
  /** Page size, 1 to 100 (default 100 here; the service's own default is 10), never a cap on the total. */
  max?: number;
  /** An admin lists the invitees of this host's meeting. */
  hostEmail?: string;
  /** Webinars: only the panelists (`true`) or only the attendees (`false`). */
  panelist?: boolean;
  /** Parameters the SDK does not model yet, sent as they are; a known one cannot go here (see `Extra`). */
  extra?: Extra<MeetingInviteeListFilters, QueryValue>;
}

/** One invitee of a bulk insert (`createMany`). */
export interface MeetingInviteeItem {
  email: string;
  /** At most 128 characters; the Webex account's name is used when the email has one. */
  displayName?: string;
  /** Whether the invitee is an alternate host. */
  coHost?: boolean;
  /** Whether to email the invitee (default true). */
  sendEmail?: boolean;
  /** Whether the invitee is a panelist (webinars). */
  panelist?: boolean;
  /** Fields the SDK does not model yet, sent as they are; a known one cannot go here (see `Extra`). */
  extra?: Extra<MeetingInviteeItem>;
}

/** An invitee's fields on update; `email` is required by the API. */
export interface MeetingInviteeUpdateFields extends MeetingInviteeItem {
  /** An admin acts for this host. */
  hostEmail?: string;
  /** Fields the SDK does not model yet, sent as they are; a known one cannot go here (see `Extra`). */
  extra?: Extra<MeetingInviteeUpdateFields>;
}

export interface MeetingInviteeCreateFields extends MeetingInviteeUpdateFields {
  /** The series or scheduled meeting the person is invited to. */
  meetingId: string;
  /** Fields the SDK does not model yet, sent as they are; a known one cannot go here (see `Extra`). */
  extra?: Extra<MeetingInviteeCreateFields>;
}

export interface MeetingInviteesCreateManyFields {
  /** The series or scheduled meeting the people are invited to. */
  meetingId: string;
  /** At most 100, each with a different email. */
  items: readonly MeetingInviteeItem[];
  /** An admin acts for this host. */
  hostEmail?: string;
  /** Fields the SDK does not model yet, sent as they are; a known one cannot go here (see `Extra`). */
  extra?: Extra<MeetingInviteesCreateManyFields>;
}

export interface MeetingInviteeGetOptions {
  /** An admin reads an invitee of this host's meeting. */
  hostEmail?: string;
}

export interface MeetingInviteeDeleteOptions {
  /** An admin removes an invitee of this host's meeting. */
  hostEmail?: string;
  /** Whether to email the invitee (default true). */
  sendEmail?: boolean;
}
