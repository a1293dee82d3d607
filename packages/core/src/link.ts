/** The `rel="next"` target of one or more RFC 8288 `Link` header values, if any. */
export function nextLink(header: string | string[] | undefined): string | undefined {
  for (const value of Array.isArray(header) ? header : header ? [header] : []) {
    for (const match of value.matchAll(/<([^>]*)>\s*((?:;\s*[^;,]+)*)/g)) {
      const params = match[2] ?? "";
      if (/;\s*rel\s*=\s*"?([^";]*\s)?next(\s[^";]*)?"?/i.test(params)) return match[1];
    }
  }
  return undefined;
}

/**
 * Makes a next link safe to follow: resolves it against the page it came from, drops a literal `max=null`,
 * and re-adds every original filter the service left out (never overriding what the link carries,
 * since that is where its cursor lives).
 */
export function repairNextLink(link: string, current: URL, original: URLSearchParams): URL {
  const next = new URL(link, current);
  if (next.searchParams.get("max") === "null") next.searchParams.delete("max");
  for (const key of new Set(original.keys())) {
    if (next.searchParams.has(key)) continue;
    for (const value of original.getAll(key)) next.searchParams.append(key, value);
  }
  return next;
}
