import {
  ApiError,
  backoffDelay,
  ConnectionError,
  MalformedResponseError,
  type Sleep,
  TimeoutError,
  type WebexClient,
  type Webhook,
} from "@wx/sdk";
import { reconcileWebhooks, type UpkeepOptions } from "./webhook-upkeep.js";

export interface RetryOptions {
  /** Tries after the first. */
  retries: number;
  sleep: Sleep;
}

/**
 * `reconcileWebhooks`, tried again after a failure that may be passing. Safe because every try lists the
 * webhooks first: a create whose answer was lost is found there and not made again.
 */
export async function reconcileWithRetries(
  client: WebexClient,
  options: UpkeepOptions,
  retry: RetryOptions,
): Promise<Webhook[]> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await reconcileWebhooks(client, options);
    } catch (error) {
      if (!mayPass(error) || attempt >= retry.retries) throw error;
      const delayMs = backoffDelay(attempt);
      options.log.warn(`reconciling webhooks failed (${describe(error)}); trying again in ${delayMs} ms`, {
        attempt: attempt + 1,
        of: retry.retries,
      });
      await retry.sleep(delayMs);
    }
  }
}

/** 5xx, 429 (past core's own waits), a lost connection or answer, a timeout: another try may succeed. */
function mayPass(error: unknown): boolean {
  return (
    error instanceof ConnectionError ||
    error instanceof TimeoutError ||
    error instanceof MalformedResponseError ||
    (error instanceof ApiError && (error.status >= 500 || error.status === 429))
  );
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
