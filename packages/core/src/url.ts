import { ValidationError } from "./errors.js";

/** Query values; `undefined` and `null` are dropped, arrays become repeated keys. */
export type QueryValue = string | number | boolean | Date | null | undefined | readonly (string | number | boolean)[];
export type Query = Readonly<Record<string, QueryValue>>;

/** Checks a base URL has a scheme and a host, and makes it end with `/` so relative paths join under it. */
export function normalizeBaseUrl(baseUrl: string): string {
  let url: URL;
  try {
    url = new URL(baseUrl);
  } catch {
    throw invalidBaseUrl(baseUrl);
  }
  if (!/^https?:$/.test(url.protocol) || !url.host) throw invalidBaseUrl(baseUrl);
  return url.href.endsWith("/") ? url.href : `${url.href}/`;
}

function invalidBaseUrl(baseUrl: string): ValidationError {
  return new ValidationError(
    `baseUrl must contain a valid scheme (http or https) and host, e.g. https://webexapis.com/v1/; got ${JSON.stringify(baseUrl)}`,
    { argument: "baseUrl" },
  );
}

/** Builds `rooms/<id>/meetingInfo` from a template, URL-encoding each value (see `pathSegment`). */
export function path(strings: TemplateStringsArray, ...ids: string[]): string {
  return strings.reduce((out, part, i) => out + part + (i < ids.length ? pathSegment("id", ids[i]) : ""), "");
}

/** An id URL-encoded as one path segment; empty, `.` and `..` are refused (they would name another resource). */
export function pathSegment(argument: string, id: unknown): string {
  if (typeof id !== "string" || id.trim() === "") {
    throw new ValidationError(`${argument} is required and must be a non-empty string`, { argument });
  }
  if (isDotSegment(id)) {
    throw new ValidationError(`${argument} cannot be ${JSON.stringify(id)}: it would address another path`, {
      argument,
    });
  }
  return encodeURIComponent(id);
}

/**
 * Joins a relative path under the base URL (a leading `/` is ignored so the `/v1/` prefix stays). Empty, `.`
 * and `..` segments are refused, so a path can never climb out of the base URL.
 */
export function resolveUrl(baseUrl: string, pathOrUrl: string): URL {
  if (/^https?:\/\//i.test(pathOrUrl)) return new URL(pathOrUrl);
  const relative = pathOrUrl.replace(/^\/+/, "");
  const segments = (relative.split(/[?#]/, 1)[0] as string).split("/");
  if (segments.some((segment) => segment === "" || isDotSegment(segment))) {
    throw new ValidationError(`path ${JSON.stringify(pathOrUrl)} has an empty, "." or ".." segment`, {
      argument: "path",
    });
  }
  return new URL(relative, baseUrl);
}

function isDotSegment(segment: string): boolean {
  return /^(?:\.|%2e){1,2}$/i.test(segment);
}

export function appendQuery(url: URL, query: Query | undefined): void {
  if (!query) return;
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null) continue;
    for (const item of Array.isArray(value) ? value : [value])
      url.searchParams.append(key, formatQueryValue(key, item));
  }
}

function formatQueryValue(key: string, value: string | number | boolean | Date): string {
  if (!(value instanceof Date)) return String(value);
  if (Number.isNaN(value.getTime())) throw new ValidationError(`${key} is an invalid Date`, { argument: key });
  return value.toISOString();
}
