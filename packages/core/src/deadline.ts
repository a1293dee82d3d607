/** A whole call's time limit: a signal that aborts when it passes, and the time left before it does. */
export interface Deadline {
  readonly ms: number;
  readonly signal: AbortSignal;
  remainingMs(): number;
}

export function startDeadline(ms: number | undefined): Deadline | undefined {
  if (ms === undefined) return undefined;
  const endsAt = performance.now() + ms;
  return { ms, signal: AbortSignal.timeout(ms), remainingMs: () => Math.max(0, endsAt - performance.now()) };
}

/** One signal that aborts when any of the given ones does. */
export function anySignal(...signals: (AbortSignal | undefined)[]): AbortSignal | undefined {
  const present = signals.filter((signal): signal is AbortSignal => signal !== undefined);
  return present.length <= 1 ? present[0] : AbortSignal.any(present);
}
