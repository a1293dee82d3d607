import { type Query, ValidationError, type WebexClient } from "@wx/sdk";
import type { ToolContext } from "./tool.js";

/** Where a list goes on: a page of the API (relative to the base URL, query included) and the items of it already shown. */
export interface ListPosition {
  page: string;
  skip: number;
}

export interface ListPageOptions<Item, Shown> {
  /** The endpoint, e.g. `rooms`; a position must name a page of it. */
  endpoint: string;
  /** The query of the first page. */
  query: Query;
  /** Where to go on from instead (from a cursor). */
  from?: ListPosition;
  limit: number;
  /** The most pages one call reads, so a filter that matches little cannot page through everything. */
  maxPages: number;
  /** The item as the model sees it, or `undefined` to leave it out (a filter). */
  show(item: Item): Shown | undefined;
}

export interface ListPage<Shown> {
  items: Shown[];
  /** Where to go on, when there is more. */
  next: ListPosition | undefined;
  /** True when the call stopped at `maxPages` rather than at `limit` or the end. */
  scanLimited: boolean;
}

/**
 * One answer's worth of a paged list: up to `limit` shown items, fewer when they would pass the output cap (at least
 * one), and the position to go on from. Core does the paging (next links, 429 waits, loop checks).
 */
export async function listPage<Item, Shown>(
  context: ToolContext,
  options: ListPageOptions<Item, Shown>,
): Promise<ListPage<Shown>> {
  const { session } = context.wx;
  const start = options.from ?? { page: pathWithQuery(options.endpoint, options.query), skip: 0 };
  checkPage(options.endpoint, start.page);
  const items: Shown[] = [];
  let bytes = 0;
  let page = start.page;
  let skip = start.skip;
  let pagesRead = 0;
  for await (const { items: pageItems, nextUrl } of session.paginate<Item>(page, undefined, context.call()).pages()) {
    pagesRead++;
    for (let index = skip; index < pageItems.length; index++) {
      const shown = options.show(pageItems[index] as Item);
      if (shown === undefined) continue;
      const size = Buffer.byteLength(JSON.stringify(shown));
      if (items.length === options.limit || (items.length > 0 && bytes + size > context.maxOutputBytes)) {
        return { items, next: { page, skip: index }, scanLimited: false };
      }
      items.push(shown);
      bytes += size;
    }
    const next = nextUrl === undefined ? undefined : { page: relativeToBase(context.wx, nextUrl), skip: 0 };
    if (next === undefined) return { items, next: undefined, scanLimited: false };
    if (items.length === options.limit) return { items, next, scanLimited: false };
    if (pagesRead === options.maxPages) return { items, next, scanLimited: true };
    page = next.page;
    skip = 0;
  }
  return { items, next: undefined, scanLimited: false };
}

/** The position in a decoded cursor's state, if it holds a well-formed one. */
export function positionIn(state: Record<string, unknown>): ListPosition | undefined {
  const { page, skip } = state;
  if (typeof page !== "string" || typeof skip !== "number" || !Number.isInteger(skip) || skip < 0) return undefined;
  return { page, skip };
}

/** A position read back from a cursor: it must name a page of the endpoint, so a forged one cannot send the token elsewhere. */
export function checkPage(endpoint: string, page: string): void {
  if (!page.startsWith(`${endpoint}?`) || /[\\#]|:\/\//.test(page)) {
    throw new ValidationError(`cursor does not name a page of ${endpoint}`, { argument: "cursor" });
  }
}

function pathWithQuery(endpoint: string, query: Query): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query))
    if (value !== undefined && value !== null) params.set(key, String(value));
  return `${endpoint}?${params}`;
}

function relativeToBase(wx: WebexClient, url: string): string {
  const base = wx.session.baseUrl;
  if (!url.startsWith(base)) throw new Error(`Webex gave a next page outside its API (${url})`);
  return url.slice(base.length);
}
