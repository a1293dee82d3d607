/** A tool call that did not finish within the server's tool timeout. */
export class ToolTimeoutError extends Error {
  readonly timeoutMs: number;

  constructor(timeoutMs: number) {
    super(`the tool did not finish within ${timeoutMs / 1000} s`);
    this.name = "ToolTimeoutError";
    this.timeoutMs = timeoutMs;
  }
}

/**
 * Runs `task` with a signal that aborts when `timeoutMs` passes or `outer` aborts (the client cancelled), and
 * settles by then whatever `task` does: the timeout rejects with `ToolTimeoutError` even if `task` ignores its signal.
 * `remainingMs` tells the task how long it has left (at least 1 ms, for APIs that refuse 0).
 */
export async function withTimeout<T>(
  timeoutMs: number,
  outer: AbortSignal | undefined,
  task: (signal: AbortSignal, remainingMs: () => number) => Promise<T>,
): Promise<T> {
  const own = new AbortController();
  const signal = outer ? AbortSignal.any([outer, own.signal]) : own.signal;
  const endsAt = performance.now() + timeoutMs;
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      const error = new ToolTimeoutError(timeoutMs);
      own.abort(error);
      reject(error);
    }, timeoutMs);
  });
  const aborted = new Promise<never>((_, reject) => {
    if (outer?.aborted) reject(outer.reason);
    outer?.addEventListener("abort", () => reject(outer.reason), { once: true });
  });
  try {
    return await Promise.race([
      task(signal, () => Math.max(1, Math.round(endsAt - performance.now()))),
      expired,
      aborted,
    ]);
  } finally {
    clearTimeout(timer);
  }
}
