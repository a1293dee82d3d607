import type { WebhookEvent } from "@wx/models";
import { normalizeSecrets } from "./signature.js";

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
  event: WebhookEvent;
}

export interface WebhookHandlerOptions {
  /** The webhook's secret; several while rotating. Without it, signatures are not checked. */
  secret?: string | readonly string[];
  /** Larger bodies are answered 413 unread. Default 1 MB. */
  maxBodyBytes?: number;
  /** Called after the 200 has been answered, with the checked event. */
  onEvent: (event: WebhookEvent, context: WebhookContext) => Promise<void> | void;
  /** Receives whatever `onEvent` throws or rejects with. Default: one short `console.error` line. */
  onError?: (error: unknown, context: WebhookErrorContext) => void;
}

export const DEFAULT_MAX_BODY_BYTES = 1024 * 1024;

export interface ResolvedOptions {
  secrets: readonly string[] | undefined;
  maxBodyBytes: number;
  onEvent: WebhookHandlerOptions["onEvent"];
  onError: NonNullable<WebhookHandlerOptions["onError"]>;
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
  return {
    secrets: options.secret === undefined ? undefined : normalizeSecrets(options.secret, caller),
    maxBodyBytes,
    onEvent: options.onEvent,
    onError: options.onError ?? logError,
  };
}

function logError(error: unknown, context: WebhookErrorContext): void {
  const reason = error instanceof Error ? error.message : String(error);
  console.error(
    `[@wx/webhooks] onEvent failed for ${context.event.resource}:${context.event.event} (webhook ${context.event.id}): ${reason}`,
  );
}
