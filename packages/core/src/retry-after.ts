const DEFAULT_SECONDS = 15;
const MINIMUM_SECONDS = 1;

/**
 * Seconds to wait on a 429: the `Retry-After` header as delta-seconds or an HTTP date, at least 1;
 * 15 when it is absent or unparsable (the service has sent values like `rand(30),add(30)`).
 */
export function parseRetryAfter(header: string | undefined, now: number = Date.now()): number {
  const value = header?.trim();
  if (!value) return DEFAULT_SECONDS;
  if (/^\d+(\.\d+)?$/.test(value)) return Math.max(MINIMUM_SECONDS, Math.ceil(Number(value)));
  const date = Date.parse(value);
  if (Number.isNaN(date) || !/[a-z]/i.test(value)) return DEFAULT_SECONDS;
  return Math.max(MINIMUM_SECONDS, Math.ceil((date - now) / 1000));
}
