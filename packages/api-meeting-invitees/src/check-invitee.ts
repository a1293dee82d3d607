import { requireString, ValidationError } from "@wx/core";

/** The spec's limits. */
export const MAX_DISPLAY_NAME_LENGTH = 128;
export const MAX_BULK_ITEMS = 100;

/** Throws unless the invitee has an email and a display name of at most 128 characters; `argument` names it in errors. */
export function checkInvitee(invitee: { email?: unknown; displayName?: unknown }, argument = ""): void {
  if (typeof invitee !== "object" || invitee === null) {
    throw new ValidationError(`${argument || "the invitee"} must be an object`, { argument: argument || "fields" });
  }
  requireString(`${argument}email`, invitee.email);
  const name = invitee.displayName;
  if (name !== undefined && (typeof name !== "string" || name.length > MAX_DISPLAY_NAME_LENGTH)) {
    throw new ValidationError(
      `${argument}displayName must be a string of at most ${MAX_DISPLAY_NAME_LENGTH} characters`,
      {
        argument: `${argument}displayName`,
      },
    );
  }
}

/** Throws unless there are 1 to 100 invitees, each valid, with no email twice. */
export function checkInviteeItems(items: readonly { email?: unknown; displayName?: unknown }[] | undefined): void {
  if (!Array.isArray(items) || items.length === 0) {
    throw new ValidationError("items must be a non-empty array of invitees", { argument: "items" });
  }
  if (items.length > MAX_BULK_ITEMS) {
    throw new ValidationError(`items takes at most ${MAX_BULK_ITEMS} invitees, got ${items.length}`, {
      argument: "items",
    });
  }
  const seen = new Set<string>();
  items.forEach((item, i) => {
    checkInvitee(item, `items[${i}].`);
    const email = (item.email as string).toLowerCase();
    if (seen.has(email)) {
      throw new ValidationError(`items[${i}].email ${JSON.stringify(item.email)} is already in items`, {
        argument: `items[${i}].email`,
      });
    }
    seen.add(email);
  });
}
