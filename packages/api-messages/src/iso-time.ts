import { describe, ValidationError } from "@wx/core";

/** A `Date` or ISO 8601 string as the ISO string the API takes, after checking it is a valid time. */
export function isoTime(argument: string, value: Date | string | undefined): string | undefined {
  if (value === undefined) return undefined;
  if (value instanceof Date && !Number.isNaN(value.getTime())) return value.toISOString();
  if (typeof value === "string" && !Number.isNaN(Date.parse(value))) return value;
  throw new ValidationError(`${argument} must be a valid Date or ISO 8601 string, got ${describe(value)}`, {
    argument,
  });
}
