import type { WebhookEvent } from "@wx/models";
import { type HandlerLog, handlerLog, type WebhookLogger } from "./logger.js";
import { normalizeSecrets } from "./signature.js";
import { warnUnsignedOnce } from "./unsigned-warning.js";

/** A parsed event as `onEvent` gets it: the body Webex sent, plus the key that identifies this delivery. */
export type DeliveredWebhookEvent = WebhookEvent & {
  /** `deliveryKey(event)`: the same for a re-delivery of this event, different for any other event. */
  deliveryId: string;
};

/** What the handler knows about a delivery, passed to `onEvent` and `onError`. */
export interface WebhookContext {
  /** The exact bytes received. */
  rawBody: Uint8Array;
  /** Whether the signature was checked (a secret is configured) and matched. */
  verified: boolean;
  /** A request header, case-insensitive. */
  header(name: string): string | undefined;
}

/** The context of an `onEvent` failure. */
export interface WebhookErrorContext extends WebhookContext {
  /** The event whose handling failed. */
  event: DeliveredWebhookEvent;
}

export interface WebhookHandlerOptions {
  /** The webhook's secret; several while rotating. Without it, signatures are not checked and a warning is logged. */
  secret?: string | readonly string[];
  /** Accept deliveries without a secret, and without the warning (the sender is authenticated another way). */
  allowUnsigned?: boolean;
  /** Larger bodies are answered 413 unread. Default 1 MB. */
  maxBodyBytes?: number;
  /** A body not received in full this long after the request arrived is answered 408. Default 10 000. */
  bodyTimeoutMs?: number;
  /** Called after the 200 has been answered, with the checked event. */
  onEvent: (event: DeliveredWebhookEvent, context: WebhookContext) => Promise<void> | void;
  /** Receives whatever `onEvent` throws or rejects with. Default: one short error line on the logger. */
  onError?: (error: unknown, context: WebhookErrorContext) => void;
  /** Where the handler's own warnings and errors go. Default: the console. */
  logger?: WebhookLogger;
}

export const DEFAULT_MAX_BODY_BYTES = 1024 * 1024;
export const DEFAULT_BODY_TIMEOUT_MS = 10_000;
// The longest delay setTimeout honours; a longer one fires at once.
const MAX_TIMER_MS = 2 ** 31 - 1;

export interface ResolvedOptions {
  secrets: readonly string[] | undefined;
  maxBodyBytes: number;
  bodyTimeoutMs: number;
  onEvent: WebhookHandlerOptions["onEvent"];
  onError: NonNullable<WebhookHandlerOptions["onError"]>;
  log: HandlerLog;
}

/** Checks the options once, when the handler is created. */
export function resolveOptions(options: WebhookHandlerOptions, caller: string): ResolvedOptions {
  if (typeof options?.onEvent !== "function") {
    throw new TypeError(`${caller}: options.onEvent must be a function`);
  }
  const maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  if (!Number.isSafeInteger(maxBodyBytes) || maxBodyBytes <= 0) {
    throw new TypeError(`${caller}: options.maxBodyBytes must be a positive integer`);
  }
  const bodyTimeoutMs = options.bodyTimeoutMs ?? DEFAULT_BODY_TIMEOUT_MS;
  if (!Number.isInteger(bodyTimeoutMs) || bodyTimeoutMs <= 0 || bodyTimeoutMs > MAX_TIMER_MS) {
    throw new TypeError(
      `${caller}: options.bodyTimeoutMs must be a whole number of milliseconds, 1 to ${MAX_TIMER_MS}`,
    );
  }
  if (options.allowUnsigned === true && options.secret !== undefined) {
    throw new TypeError(`${caller}: pass either a secret or allowUnsigned: true, not both`);
  }
  const secrets = options.secret === undefined ? undefined : normalizeSecrets(options.secret, caller);
  if (secrets === undefined && options.allowUnsigned !== true) warnUnsignedOnce(options.logger, caller);
  const log = handlerLog(options.logger);
  return {
    secrets,
    maxBodyBytes,
    bodyTimeoutMs,
    onEvent: options.onEvent,
    onError: options.onError ?? ((error, context) => logOnEventFailure(log, error, context)),
    log,
  };
}

function logOnEventFailure(log: HandlerLog, error: unknown, context: WebhookErrorContext): void {
  const reason = error instanceof Error ? error.message : String(error);
  log.error(
    `[@wx/webhooks] onEvent failed for ${context.event.resource}:${context.event.event} (webhook ${context.event.id}): ${reason}`,
  );
}
