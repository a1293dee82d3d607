import { backoffDelay } from "./backoff.js";
import { parseRetryAfter } from "./retry-after.js";

/** What a retry policy is told about a failed attempt. */
export interface RetryContext {
  readonly method: string;
  /** The URL, secrets redacted. */
  readonly url: string;
  /** The request's headers, credentials redacted (a custom policy can look for an idempotency marker of its own). */
  readonly requestHeaders: Readonly<Record<string, string>>;
  /** The answer's status; undefined when the connection failed. */
  readonly status?: number;
  readonly responseHeaders?: Readonly<Record<string, string | string[] | undefined>>;
  /** The connection failure's code (e.g. ECONNREFUSED), when there was no answer. */
  readonly errorCode?: string;
  /** Whether the body can be sent again (a caller's one-shot stream cannot). */
  readonly replayable: boolean;
  /** Backoff retries this call has made so far (5xx, connection failures). */
  readonly retries: number;
  /** 429 waits this call has made so far, and their total in ms. */
  readonly rateLimitWaits: number;
  readonly rateLimitWaitedMs: number;
}

export type RetryDecision =
  | { readonly retry: false }
  /** `rateLimit: true` reports the wait as a RateLimitWarning (onRateLimit), else as a RetryEvent (onRetry). */
  | { readonly retry: true; readonly delayMs: number; readonly reason: string; readonly rateLimit?: boolean };

/** Decides, after each failed attempt, whether to try again and after how long. The session keeps the deadline. */
export interface RetryPolicy {
  decide(context: RetryContext): RetryDecision;
}

export interface DefaultRetryPolicyOptions {
  /** Backoff retries of 5xx answers and connection failures. Default 3. */
  maxRetries?: number;
  /** Wait on 429 and retry (default), or fail with the RateLimitError. */
  waitOnRateLimit?: boolean;
  /** 429 waits per call. Default 10. */
  maxRateLimitRetries?: number;
  /** Total 429 wait per call, in ms. Default 20 minutes. */
  maxRateLimitWaitMs?: number;
  random?: () => number;
}

const IDEMPOTENT = new Set(["GET", "HEAD", "PUT", "DELETE", "OPTIONS"]);
const RETRYABLE_STATUS = new Set([500, 502, 503, 504]);
/** Connection failures that prove the request never reached the server, so even a POST may be sent again. */
const NEVER_SENT = new Set(["ECONNREFUSED", "ENOTFOUND", "EAI_AGAIN", "EHOSTUNREACH", "UND_ERR_CONNECT_TIMEOUT"]);

/**
 * The Webex rules: on 429 wait `Retry-After` (within the per-call caps); retry 5xx and connection failures with
 * full-jitter backoff only where repeating cannot duplicate work (GET, PUT, DELETE; a POST that never reached the
 * server); never re-send a body that cannot be replayed.
 */
export function defaultRetryPolicy(options: DefaultRetryPolicyOptions = {}): RetryPolicy {
  const {
    maxRetries = 3,
    waitOnRateLimit = true,
    maxRateLimitRetries = 10,
    maxRateLimitWaitMs = 20 * 60_000,
    random = Math.random,
  } = options;
  return {
    decide(context) {
      if (!context.replayable) return { retry: false };
      if (context.status === 429) {
        const delayMs = parseRetryAfter(context.responseHeaders?.["retry-after"]) * 1000;
        const withinCaps =
          context.rateLimitWaits < maxRateLimitRetries && context.rateLimitWaitedMs + delayMs <= maxRateLimitWaitMs;
        return waitOnRateLimit && withinCaps
          ? { retry: true, delayMs, reason: "rate limited", rateLimit: true }
          : { retry: false };
      }
      if (context.retries >= maxRetries) return { retry: false };
      const backoff = backoffDelay(context.retries, undefined, undefined, random);
      if (context.status === undefined) {
        const safe = IDEMPOTENT.has(context.method) || NEVER_SENT.has(context.errorCode ?? "");
        return safe
          ? { retry: true, delayMs: backoff, reason: `connection failure (${context.errorCode || "unknown"})` }
          : { retry: false };
      }
      if (!RETRYABLE_STATUS.has(context.status) || !IDEMPOTENT.has(context.method)) return { retry: false };
      const hinted = context.responseHeaders?.["retry-after"];
      const delayMs = hinted ? Math.max(backoff, parseRetryAfter(hinted) * 1000) : backoff;
      return { retry: true, delayMs, reason: `status ${context.status}` };
    },
  };
}
