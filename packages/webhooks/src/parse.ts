import type { WebhookEvent } from "@wx/models";
import { WebhookParseError } from "./parse-error.js";

const utf8 = new TextDecoder("utf-8", { fatal: true });

/**
 * Parses and checks a webhook body (raw text, raw bytes or already-parsed JSON).
 * Checks the envelope only: a string `id`, `resource` and `event`, and an object `data`.
 * @throws WebhookParseError when the body is not JSON or not a webhook event.
 */
export function parseWebhookEvent(body: string | Uint8Array | object): WebhookEvent {
  const json = typeof body === "string" || body instanceof Uint8Array ? parseJson(body) : body;
  if (!isPlainObject(json)) {
    throw new WebhookParseError("Not a Webex webhook event: the body must be a JSON object");
  }
  for (const field of ["id", "resource", "event"] as const) {
    if (typeof json[field] !== "string" || json[field] === "") {
      throw new WebhookParseError(`Not a Webex webhook event: "${field}" must be a non-empty string`);
    }
  }
  if (!isPlainObject(json.data)) {
    throw new WebhookParseError('Not a Webex webhook event: "data" must be an object');
  }
  return json as WebhookEvent;
}

function parseJson(body: string | Uint8Array): unknown {
  try {
    return JSON.parse(typeof body === "string" ? body : utf8.decode(body));
  } catch {
    throw new WebhookParseError("Not a Webex webhook event: the body is not valid UTF-8 JSON");
  }
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
