import { badRequest } from "./errors.js";
import { decodeCursor, encodeCursor } from "./ids.js";
import type { Ctx, Reply } from "./resource.js";

/**
 * The cursor lives in its own `cursor` query parameter: clients such as the Python SDK overwrite
 * `max`, `roomId`, `parentId`, `mentionedPeople`, `before` and `beforeMessage` in next links with
 * the original request's values and re-append every other original parameter, so a cursor hidden
 * in any of those would be lost or loop forever.
 */
export const CURSOR_PARAM = "cursor";

export function readMax(ctx: Ctx, defaultMax: number, cap: number): number {
  const raw = ctx.query.get("max");
  if (raw === null || raw === "") return defaultMax;
  if (!/^\d+$/.test(raw) || Number(raw) < 1) throw badRequest(`max must be a positive integer, got '${raw}'.`);
  return Math.min(Number(raw), cap);
}

export function readCursor(ctx: Ctx): string | undefined {
  const raw = ctx.query.get(CURSOR_PARAM);
  if (raw === null) return undefined;
  const value = decodeCursor(raw);
  if (value === undefined) throw badRequest("Invalid cursor.");
  return value;
}

/** Absolute next-page URL: every original parameter kept, the cursor replaced. */
export function nextLink(ctx: Ctx, cursor: string): string {
  const query = new URLSearchParams(ctx.query);
  query.set(CURSOR_PARAM, encodeCursor(cursor));
  return `${ctx.baseUrl}${ctx.path}?${query.toString()}`;
}

/**
 * One page of an already-filtered list; the cursor is the offset, so a page costs O(page size), and
 * `serialize` (if given) runs for the page's items only.
 */
export function pageOf<T>(
  ctx: Ctx,
  items: readonly T[],
  defaultMax: number,
  cap: number,
  extra?: object,
  serialize?: (item: T) => unknown,
): Reply {
  const max = readMax(ctx, defaultMax, cap);
  const cursor = readCursor(ctx);
  const offset = cursor === undefined ? 0 : Number(cursor);
  if (!Number.isInteger(offset) || offset < 0) throw badRequest("Invalid cursor.");
  const end = offset + max;
  return {
    json: { items: serialize ? items.slice(offset, end).map(serialize) : items.slice(offset, end), ...extra },
    next: end < items.length ? nextLink(ctx, String(end)) : undefined,
  };
}
