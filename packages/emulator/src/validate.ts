import { badRequest } from "./errors.js";
import type { Json } from "./types.js";

/** Field readers that turn wrong types into 400s with the field's name. */

export function optionalString(body: Json, key: string): string | undefined {
  const value = body[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== "string") throw badRequest(`${key} must be a string.`);
  return value;
}

export function requiredString(body: Json, key: string, message = `${key} cannot be empty.`): string {
  const value = optionalString(body, key);
  if (value === undefined || value.trim() === "") throw badRequest(message);
  return value;
}

export function optionalBoolean(body: Json, key: string): boolean | undefined {
  const value = body[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value === "boolean") return value;
  if (value === "true" || value === "false") return value === "true";
  throw badRequest(`${key} must be a boolean.`);
}

export function optionalStringArray(body: Json, key: string): string[] | undefined {
  const value = body[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value === "string") return [value];
  if (!Array.isArray(value) || value.some((v) => typeof v !== "string")) {
    throw badRequest(`${key} must be an array of strings.`);
  }
  return value as string[];
}

export function optionalObjectArray(body: Json, key: string): Json[] | undefined {
  const value = body[key];
  if (value === undefined || value === null) return undefined;
  if (!Array.isArray(value) || value.some((v) => v === null || typeof v !== "object" || Array.isArray(v))) {
    throw badRequest(`${key} must be an array of objects.`);
  }
  return value as Json[];
}

/**
 * An ISO 8601 time from a query parameter. WebexPythonSDK 2.x re-appends `before` to next links
 * without URL-encoding, so an offset such as `+00:00` (Python's `isoformat()`) arrives as ` 00:00`;
 * a space right before a trailing `HH:MM` offset can only be a decoded `+`, so it is read as one.
 */
export function parseTime(value: string, key: string): number {
  const ms = Date.parse(value.replace(/(T[\d:.]+) (\d\d:?\d\d)$/, "$1+$2"));
  if (Number.isNaN(ms)) throw badRequest(`${key} must be an ISO 8601 time, got '${value}'.`);
  return ms;
}
