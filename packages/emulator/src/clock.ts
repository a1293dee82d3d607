/**
 * The emulator's time. Every timestamp, expiry and meeting state reads it, so tests can move time
 * instead of waiting: `set` and `advance` shift it (it keeps running from there); a `now` option
 * replaces the source altogether.
 */
export class Clock {
  private offsetMs = 0;

  constructor(private readonly source: () => number = Date.now) {}

  now(): number {
    return this.source() + this.offsetMs;
  }

  /** From now on `now()` reads `ms` (plus the time that passes). */
  set(ms: number): void {
    if (!Number.isFinite(ms)) throw new Error(`setTime: not a time: ${ms}`);
    this.offsetMs = ms - this.source();
  }

  advance(ms: number): void {
    if (!Number.isFinite(ms) || ms < 0) throw new Error(`advanceTime: ms must be a number >= 0, got ${ms}`);
    this.offsetMs += ms;
  }

  reset(): void {
    this.offsetMs = 0;
  }
}
