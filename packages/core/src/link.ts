/** The `rel="next"` target of one or more RFC 8288 `Link` header values, if any (`rel="nextpage"` is not next). */
export function nextLink(header: string | readonly string[] | undefined): string | undefined {
  for (const value of typeof header === "string" ? [header] : (header ?? [])) {
    for (const match of value.matchAll(/<([^>]*)>((?:\s*;\s*[^;,]*)*)/g)) {
      if (relations(match[2] ?? "").includes("next")) return match[1];
    }
  }
  return undefined;
}

/** The link relation types of a link-value's parameters (`; rel="prev next"` gives both). */
function relations(params: string): string[] {
  for (const param of params.split(";")) {
    const [name, ...rest] = param.split("=");
    if (name?.trim().toLowerCase() !== "rel") continue;
    return rest.join("=").trim().replace(/^"|"$/g, "").toLowerCase().split(/\s+/);
  }
  return [];
}

/**
 * Makes a next link safe to follow: resolves it against the page it came from, drops a literal `max=null`,
 * and re-adds every original filter the service left out (never overriding what the link carries,
 * since that is where its cursor lives). Throws a TypeError for a link that is not a URL.
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
