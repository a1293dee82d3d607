/**
 * Shared pacing of requests per token, across sessions or processes (e.g. `redisRateLimiter` from `@wx/redis`).
 * The session asks it before each attempt that carries a token and tells it about each 429. `key` is
 * `rateLimitKey(token)`: a hash, so a limiter (and whatever it stores) never holds the token.
 */
export interface RateLimiter {
  /**
   * Resolves when an attempt for `key` may be sent. `signal` aborts when the call's deadline passes, the caller
   * aborts or the session closes: stop waiting then and reject with its reason. Reject with a WebexError of your
   * own to fail the call (e.g. the shared store is down).
   */
  acquire(key: string, signal: AbortSignal): Promise<void>;
  /** An attempt for `key` got a 429 asking to wait `retryAfterMs`; called before the session's own wait. */
  rateLimited(key: string, retryAfterMs: number): void | Promise<void>;
}

/**
 * The rate-limit key of a token: the first 128 bits of its SHA-256, in hex. Web Crypto, so the fetch entry works
 * in browsers, Deno and Bun too; the session hashes each distinct token once.
 */
export async function rateLimitKey(token: string): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(token));
  return Array.from(new Uint8Array(digest, 0, 16), (byte) => byte.toString(16).padStart(2, "0")).join("");
}
