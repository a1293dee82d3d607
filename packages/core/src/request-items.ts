import { MalformedResponseError } from "./errors.js";
import type { RequestOptions, Session } from "./session.js";

/**
 * Sends one request whose answer is `{ items: [...] }` (a bulk insert; not a paged list) and returns the
 * items; an answer without an `items` array is a MalformedResponseError, as a list page would be.
 */
export async function requestItems(session: Session, options: RequestOptions): Promise<unknown[]> {
  const raw = await session.requestRaw<{ items?: unknown }>(options);
  if (!Array.isArray(raw.body?.items)) {
    throw new MalformedResponseError(
      "'items' key not found in the response",
      { method: options.method ?? "GET", url: raw.url.href, headers: {} },
      { status: raw.status, headers: raw.headers, body: JSON.stringify(raw.body ?? null).slice(0, 1000) },
    );
  }
  return raw.body.items;
}
