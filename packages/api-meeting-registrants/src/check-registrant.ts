import { requireString, ValidationError } from "@wx/core";
import type { MeetingRegistrantFields } from "./registrant-fields.js";

const MAX_REGISTRATION_SPAN_MS = 90 * 24 * 3600_000;

/** Throws unless the registrant has a first name, last name and email; `prefix` places it in a list. */
export function checkRegistrant(fields: MeetingRegistrantFields, prefix = ""): void {
  if (typeof fields !== "object" || fields === null || Array.isArray(fields)) {
    throw new ValidationError(`${prefix || "the registrant"} must be an object`, { argument: prefix || "fields" });
  }
  for (const name of ["firstName", "lastName", "email"] as const) requireString(`${prefix}${name}`, fields[name]);
}

/** Throws unless `items` holds at least one registrant, each valid. */
export function checkRegistrants(items: readonly MeetingRegistrantFields[]): void {
  if (!Array.isArray(items) || items.length === 0) {
    throw new ValidationError("items must be a non-empty array of registrants", { argument: "items" });
  }
  for (const [i, item] of items.entries()) checkRegistrant(item, `items[${i}].`);
}

/** The registrant ids as the spec's `[{ id }]`, after checking there is at least one and none is empty. */
export function registrantRefs(ids: string | readonly string[]): { id: string }[] {
  const list = typeof ids === "string" ? [ids] : ids;
  if (!Array.isArray(list) || list.length === 0) {
    throw new ValidationError("registrantIds must be a registrant id or a non-empty array of them", {
      argument: "registrantIds",
    });
  }
  return list.map((id, i) => ({ id: requireString(`registrantIds[${i}]`, id) }));
}

/** Throws unless `emails` is an array of 1 to `max` non-empty strings. */
export function checkQueryEmails(emails: unknown, max: number): void {
  if (!Array.isArray(emails) || emails.length === 0 || emails.length > max) {
    throw new ValidationError(`emails must be an array of 1 to ${max} emails`, { argument: "emails" });
  }
  for (const [i, email] of emails.entries()) requireString(`emails[${i}]`, email);
}

/** Throws unless `from` is before `to` and at most 90 days before it (both ISO strings, when given). */
export function checkRegistrationSpan(from: string | undefined, to: string | undefined): void {
  if (from === undefined || to === undefined) return;
  const span = Date.parse(to) - Date.parse(from);
  if (span <= 0) {
    throw new ValidationError(`registrationTimeFrom (${from}) must be before registrationTimeTo (${to})`, {
      argument: "registrationTimeFrom",
    });
  }
  if (span > MAX_REGISTRATION_SPAN_MS) {
    throw new ValidationError("registrationTimeFrom and registrationTimeTo are at most 90 days apart", {
      argument: "registrationTimeTo",
    });
  }
}
