const DEFAULT_SECONDS = 15;
const MINIMUM_SECONDS = 1;
/** The longest wait a server can ask for; a larger value (or a far-future date) is cut to this. */
export const MAXIMUM_RETRY_AFTER_SECONDS = 15 * 60;

/**
 * Seconds to wait on a 429: the `Retry-After` header as delta-seconds or an HTTP date, clamped to 1 s..15 min;
 * 15 when it is absent or unparsable (the service has sent values like `rand(30),add(30)`). A repeated header
 * (an array, or values joined by commas) counts by its first value.
 */
export function parseRetryAfter(header: string | readonly string[] | undefined, now: number = Date.now()): number {
  const value = (typeof header === "string" ? header : header?.[0])?.trim();
  if (!value) return DEFAULT_SECONDS;
  const seconds = /^(-?\d+(?:\.\d+)?)\s*(?:,|$)/.exec(value)?.[1];
  if (seconds !== undefined) return clamp(Math.ceil(Number(seconds)));
  const date = Date.parse(value);
  if (Number.isNaN(date) || !/[a-z]/i.test(value)) return DEFAULT_SECONDS;
  return clamp(Math.ceil((date - now) / 1000));
}

function clamp(seconds: number): number {
  return Math.min(MAXIMUM_RETRY_AFTER_SECONDS, Math.max(MINIMUM_SECONDS, seconds));
}
