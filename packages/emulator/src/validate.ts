import { badRequest } from "./errors.js";
import { DEFAULT_STRING_LIMIT, MAX_JSON_DEPTH, STRING_LIMITS, type StringLimit } from "./limits.js";
import type { Json } from "./types.js";

/** Field readers that turn wrong types, and values beyond the limits in limits.ts, into 400s with the field's name. */

export function optionalString(body: Json, key: string): string | undefined {
  const value = body[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== "string") throw badRequest(`${key} must be a string.`);
  checkLength(key, value);
  return value;
}

function checkLength(key: string, value: string): void {
  const limit = Object.hasOwn(STRING_LIMITS, key) ? (STRING_LIMITS[key] as StringLimit) : DEFAULT_STRING_LIMIT;
  if (measure(value, limit) > limit.max) {
    throw badRequest(`${key} exceeds the maximum length of ${limit.max} ${limit.unit}.`);
  }
}

/** UTF-8 bytes, or code points (a string never has more code points than UTF-16 units, so most skip the count). */
function measure(value: string, limit: StringLimit): number {
  if (limit.unit === "bytes") return Buffer.byteLength(value);
  return value.length <= limit.max ? value.length : [...value].length;
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
  if (typeof value === "string") {
    checkLength(key, value);
    return [value];
  }
  if (!Array.isArray(value) || value.some((v) => typeof v !== "string")) {
    throw badRequest(`${key} must be an array of strings.`);
  }
  for (const item of value as string[]) checkLength(key, item);
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

/**
 * Refuses a value whose objects and arrays nest deeper than {@link MAX_JSON_DEPTH} (the value itself is
 * level 1). The walk keeps its own stack and stops at the bound, so neither depth nor a cycle (possible
 * in-process) can exhaust the call stack.
 */
export function checkJsonDepth(value: unknown, what = "The request body"): void {
  const pending: Array<{ node: unknown; depth: number }> = [{ node: value, depth: 1 }];
  for (let next = pending.pop(); next; next = pending.pop()) {
    if (next.node === null || typeof next.node !== "object") continue;
    if (next.depth > MAX_JSON_DEPTH) {
      throw badRequest(`${what} nests objects and arrays deeper than ${MAX_JSON_DEPTH} levels.`);
    }
    for (const child of Object.values(next.node)) pending.push({ node: child, depth: next.depth + 1 });
  }
}

/** An absolute http(s) URL, or a 400 naming `what`. */
export function httpUrl(value: string, what: string): URL {
  const url = URL.canParse(value) ? new URL(value) : undefined;
  if (!url || (url.protocol !== "http:" && url.protocol !== "https:")) throw badRequest(`Invalid ${what}: ${value}`);
  return url;
}

/** decodeURIComponent, or undefined where it would throw (malformed percent-encoding). */
export function decodeComponent(value: string): string | undefined {
  try {
    return decodeURIComponent(value);
  } catch {
    return undefined;
  }
}
