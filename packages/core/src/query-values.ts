import { ValidationError } from "./errors.js";
import { describe } from "./validate.js";

/**
 * `["a", "b"]` or `"a,b"` as the comma-separated string the API takes, after checking every entry is a
 * non-empty string and there are at most `max` of them.
 */
export function commaList(
  argument: string,
  value: string | readonly string[] | undefined,
  max = Number.POSITIVE_INFINITY,
): string | undefined {
  if (value === undefined) return undefined;
  const entries = typeof value === "string" ? value.split(",").map((entry) => entry.trim()) : value;
  if (!Array.isArray(entries) || entries.some((entry) => typeof entry !== "string" || entry.trim() === "")) {
    throw new ValidationError(`${argument} must be a non-empty string or an array of non-empty strings`, { argument });
  }
  if (entries.length > max) {
    throw new ValidationError(`${argument} takes at most ${max} entries, got ${entries.length}`, { argument });
  }
  return entries.join(",");
}

/** A `Date` or ISO 8601 string as the ISO string the API takes, after checking it is a valid time. */
export function isoTime(argument: string, value: Date | string | undefined): string | undefined {
  if (value === undefined) return undefined;
  if (value instanceof Date && !Number.isNaN(value.getTime())) return value.toISOString();
  if (typeof value === "string" && !Number.isNaN(Date.parse(value))) return value;
  throw new ValidationError(`${argument} must be a valid Date or ISO 8601 string, got ${describe(value)}`, {
    argument,
  });
}

/** Like `isoTime`, for a time the endpoint requires. */
export function requireIsoTime(argument: string, value: Date | string | undefined): string {
  if (value === undefined || value === null) {
    throw new ValidationError(`${argument} is required: a Date or an ISO 8601 string`, { argument });
  }
  return isoTime(argument, value) as string;
}
