/** A link-value, `<target>` and its `; name=value` parameters, up to the comma that starts the next one. */
const LINK_VALUE = /<([^>]*)>((?:\s*;\s*[^;,]*)*)/g;
/** The first `rel` parameter's value, quoted or not. */
const REL = /;\s*rel\s*=\s*(?:"([^"]*)"|([^\s;"]*))/i;
/** `next` as one of a rel value's space-separated relation types. */
const NEXT = /(?:^|\s)next(?:\s|$)/i;

/** The `rel="next"` target of one or more RFC 8288 `Link` header values, if any (`rel="nextpage"` is not next). */
export function nextLink(header: string | readonly string[] | undefined): string | undefined {
  if (typeof header === "string") return nextIn(header);
  for (const value of header ?? []) {
    const target = nextIn(value);
    if (target !== undefined) return target;
  }
  return undefined;
}

// Runs once per page, so one regex pass per link-value and no arrays of split parts.
function nextIn(value: string): string | undefined {
  LINK_VALUE.lastIndex = 0;
  for (let match = LINK_VALUE.exec(value); match; match = LINK_VALUE.exec(value)) {
    const rel = REL.exec(match[2] ?? "");
    if (rel && NEXT.test(rel[1] ?? rel[2] ?? "")) return match[1];
  }
  return undefined;
}

/**
 * Makes a next link safe to follow: resolves it against the page it came from, drops a literal `max=null`,
 * and re-adds every original filter the service left out (never overriding what the link carries,
 * since that is where its cursor lives). Throws a TypeError for a link that is not a URL.
 */
export function repairNextLink(link: string, current: URL, original: URLSearchParams): URL {
  const next = new URL(link, current);
  // Most links carry every filter and a real max: seen in the query string, no parameters are parsed.
  if (!needsRepair(next.search, original)) return next;
  if (next.searchParams.get("max") === "null") next.searchParams.delete("max");
  for (const key of new Set(original.keys())) {
    if (next.searchParams.has(key)) continue;
    for (const value of original.getAll(key)) next.searchParams.append(key, value);
  }
  return next;
}

/** False only when `search` plainly has each original key and no `max=null`; true sends it to the exact repair. */
function needsRepair(search: string, original: URLSearchParams): boolean {
  const has = (name: string) => search.startsWith(`?${name}=`) || search.includes(`&${name}=`);
  if (/[?&]max=null(&|$)/.test(search)) return true;
  for (const key of original.keys()) if (!has(encodeURIComponent(key))) return true;
  return false;
}
