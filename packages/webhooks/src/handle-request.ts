import type { WebhookEvent } from "@wx/models";
import type { ResolvedOptions, WebhookContext } from "./options.js";
import { parseWebhookEvent } from "./parse.js";
import { WebhookParseError } from "./parse-error.js";
import { SIGNATURE_HEADER, verifySignature } from "./signature.js";

/** A request as the runtime-independent core sees it; each adapter builds one. */
export interface CoreRequest {
  method: string;
  /** A request header, case-insensitive. */
  header(name: string): string | undefined;
  /** Reads the whole body; resolves `undefined` (and stops reading) once it exceeds `maxBytes`; rejects if it is cut short. */
  readBody(maxBytes: number): Promise<Uint8Array | undefined>;
}

export interface CoreResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** The answer to send, plus the event to hand to `onEvent` once the answer is sent. */
export interface CoreOutcome {
  response: CoreResponse;
  delivery?: { event: WebhookEvent; context: WebhookContext };
}

/**
 * All the rules, in order: POST only (405), body size (413), signature when a secret is configured (401),
 * a webhook event body (400); otherwise 200 and a delivery. User code is never called here.
 * Rejects only when the body cannot be read (the connection was cut).
 */
export async function handleCoreRequest(request: CoreRequest, options: ResolvedOptions): Promise<CoreOutcome> {
  if (request.method.toUpperCase() !== "POST") {
    return { response: { ...reply(405, "Only POST is accepted"), headers: { ...json, allow: "POST" } } };
  }
  const declaredLength = Number(request.header("content-length"));
  if (declaredLength > options.maxBodyBytes) return { response: reply(413, "Body too large") };
  const rawBody = await request.readBody(options.maxBodyBytes);
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
  return { response: { status: 200, headers: json, body: "{}" }, delivery: { event, context } };
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
        console.error("[@wx/webhooks] onError threw:", onErrorFailure);
      }
    }
  }, 0);
}

const json = { "content-type": "application/json" };

function reply(status: number, message: string): CoreResponse {
  return { status, headers: json, body: JSON.stringify({ message }) };
}
