import type { WebhookEvent } from "@wx/models";
import { BodyTimeoutError } from "./body-read-error.js";
import { deliveryKey } from "./delivery-key.js";
import type { DeliveredWebhookEvent, ResolvedOptions, WebhookContext } from "./options.js";
import { parseWebhookEvent } from "./parse.js";
import { WebhookParseError } from "./parse-error.js";
import { SIGNATURE_HEADER, verifySignature } from "./signature.js";

/** A request as the runtime-independent core sees it; each adapter builds one. */
export interface CoreRequest {
  method: string;
  /** A request header, case-insensitive. */
  header(name: string): string | undefined;
  /**
   * Reads the whole body; resolves `undefined` (and stops reading) once it exceeds `maxBytes`; rejects with
   * `BodyReadError` if it is cut short, and stops reading and rejects with `BodyTimeoutError` when `deadline` aborts.
   */
  readBody(maxBytes: number, deadline: AbortSignal): Promise<Uint8Array | undefined>;
}

export interface CoreResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** The answer to send, plus the event to hand to `onEvent` once the answer is sent. */
export interface CoreOutcome {
  response: CoreResponse;
  delivery?: { event: DeliveredWebhookEvent; context: WebhookContext };
}

/**
 * All the rules, in order: POST only (405), body size (413), body in time (408), signature when a secret is
 * configured (401), a webhook event body (400); otherwise 200 and a delivery. User code is never called here.
 * Rejects only when the body cannot be read (the connection was cut).
 */
export async function handleCoreRequest(request: CoreRequest, options: ResolvedOptions): Promise<CoreOutcome> {
  if (request.method.toUpperCase() !== "POST") {
    return { response: { ...reply(405, "Only POST is accepted"), headers: { ...json, allow: "POST" } } };
  }
  const declaredLength = Number(request.header("content-length"));
  if (declaredLength > options.maxBodyBytes) return { response: reply(413, "Body too large") };
  let rawBody: Uint8Array | undefined;
  try {
    rawBody = await readBodyWithin(options.bodyTimeoutMs, request, options.maxBodyBytes);
  } catch (error) {
    if (error instanceof BodyTimeoutError) return { response: reply(408, error.message) };
    throw error;
  }
  if (rawBody === undefined) return { response: reply(413, "Body too large") };

  if (options.secrets !== undefined) {
    if (!verifySignature(rawBody, request.header(SIGNATURE_HEADER), options.secrets)) {
      return { response: reply(401, "Missing or invalid X-Spark-Signature") };
    }
  }
  let event: WebhookEvent;
  try {
    event = parseWebhookEvent(rawBody);
  } catch (error) {
    if (error instanceof WebhookParseError) return { response: reply(400, error.message) };
    throw error;
  }
  const context: WebhookContext = { rawBody, verified: options.secrets !== undefined, header: request.header };
  const delivered = { ...event, deliveryId: deliveryKey(event) };
  return { response: { status: 200, headers: json, body: "{}" }, delivery: { event: delivered, context } };
}

/** `readBody` with a deadline `timeoutMs` from now: a total, so a client trickling bytes cannot hold it open. */
async function readBodyWithin(
  timeoutMs: number,
  request: CoreRequest,
  maxBytes: number,
): Promise<Uint8Array | undefined> {
  const deadline = new AbortController();
  const timer = setTimeout(() => deadline.abort(), timeoutMs);
  try {
    return await request.readBody(maxBytes, deadline.signal);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Calls `onEvent` on a later turn of the event loop, so the answer goes out first.
 * Whatever it throws or rejects with goes to `onError`; nothing escapes as an unhandled rejection.
 */
export function deliverLater(delivery: NonNullable<CoreOutcome["delivery"]>, options: ResolvedOptions): void {
  setTimeout(async () => {
    const { event, context } = delivery;
    try {
      await options.onEvent(event, context);
    } catch (error) {
      try {
        options.onError(error, { ...context, event });
      } catch (onErrorFailure) {
        options.log.error("[@wx/webhooks] onError threw:", onErrorFailure);
      }
    }
  }, 0);
}

const json = { "content-type": "application/json" };

function reply(status: number, message: string): CoreResponse {
  return { status, headers: json, body: JSON.stringify({ message }) };
}
