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

/** Builds `rooms/<id>/meetingInfo` from a template, URL-encoding each value. */
export function path(strings: TemplateStringsArray, ...ids: string[]): string {
  return strings.reduce(
    (out, part, i) => out + part + (i < ids.length ? encodeURIComponent(ids[i] as string) : ""),
    "",
  );
}

/** Joins a relative path under the base URL (a leading `/` is ignored so the `/v1/` prefix stays). */
export function resolveUrl(baseUrl: string, pathOrUrl: string): URL {
  if (/^https?:\/\//i.test(pathOrUrl)) return new URL(pathOrUrl);
  return new URL(pathOrUrl.replace(/^\/+/, ""), baseUrl);
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
