import { sleep } from "@wx/sdk";
import type { BotLog } from "./logger.js";
import type { BotStore } from "./store.js";

export interface StoreLockOptions {
  leaseMs: number;
  /** How long to wait while another holds the lock; then `busy(waitedMs)` is thrown. */
  waitMs: number;
  log: BotLog;
  /** Logged once when the lock is found taken. */
  waiting: string;
  busy(waitedMs: number): Error;
}

/**
 * Runs `work` holding the store's lock `key`, so that bot processes sharing a store do it one at a time. Waits
 * (with growing pauses, 10 ms doubling to 1 s) while another holds it, at most `waitMs`.
 */
export async function withStoreLock<T>(
  store: BotStore,
  key: string,
  options: StoreLockOptions,
  work: () => Promise<T>,
): Promise<T> {
  const started = Date.now();
  for (let pause = 10; ; pause = Math.min(pause * 2, 1000)) {
    const lock = await store.lock(key, options.leaseMs);
    if (lock !== undefined) {
      try {
        return await work();
      } finally {
        await lock.release();
      }
    }
    if (pause === 10) options.log.debug(options.waiting);
    const waited = Date.now() - started;
    if (waited >= options.waitMs) throw options.busy(waited);
    await sleep(Math.min(pause, options.waitMs - waited));
  }
}
