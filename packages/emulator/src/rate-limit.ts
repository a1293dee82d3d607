/** Fixed one-minute window per token, like the service's "about 300 requests per minute". */
export class RateLimiter {
  private windows = new Map<string, { startMs: number; count: number }>();

  constructor(private readonly perMinute: number) {}

  /** Seconds to wait when the caller is over the limit, else undefined. */
  check(key: string, nowMs = Date.now()): number | undefined {
    let window = this.windows.get(key);
    if (!window || nowMs - window.startMs >= 60_000) {
      window = { startMs: nowMs, count: 0 };
      this.windows.set(key, window);
    }
    window.count += 1;
    if (window.count <= this.perMinute) return undefined;
    return Math.max(1, Math.ceil((window.startMs + 60_000 - nowMs) / 1000));
  }

  reset(): void {
    this.windows.clear();
  }
}
