import { createHash } from "node:crypto";
import type { WebhookEvent } from "@wx/models";

/**
 * Identifies one delivery of one event, for deduplication: the same for every re-delivery of it, different for
 * any other event. Webex sends no delivery id (the envelope's `id` is the webhook's), so the key is a SHA-256
 * of what the event is: the webhook `id`, `resource`, `event`, `actorId` and the whole of `data` (key order
 * ignored). `data` counts in full because two updates of one object share its `id` and `created`.
 */
export function deliveryKey(event: WebhookEvent): string {
  const identity = [event.id, event.resource, event.event, event.actorId ?? null, event.data];
  return createHash("sha256").update(canonicalJson(identity)).digest("base64url");
}

/** JSON with object keys sorted, so the same value always gives the same text. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map((item) => canonicalJson(item ?? null)).join(",")}]`;
  if (value !== null && typeof value === "object") {
    const entries = Object.entries(value)
      .filter(([, item]) => item !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonicalJson(item)}`).join(",")}}`;
  }
  return JSON.stringify(value);
}
