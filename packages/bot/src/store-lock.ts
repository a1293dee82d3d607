import { sleep } from "@wx/sdk";
import type { BotLog } from "./logger.js";
import type { BotStore, StoreLock } from "./store.js";

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
 * (with growing pauses, 10 ms doubling to 1 s) while another holds it, at most `waitMs`. While `work` runs, the
 * lease is renewed every third of it (when the store's locks can `extend`), so a long handler keeps its room and
 * only a crashed holder's lease runs out.
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
      const renewal = renew(lock, key, options);
      try {
        return await work();
      } finally {
        renewal.stop();
        await lock.release();
      }
    }
    if (pause === 10) options.log.debug(options.waiting);
    const waited = Date.now() - started;
    if (waited >= options.waitMs) throw options.busy(waited);
    await sleep(Math.min(pause, options.waitMs - waited));
  }
}

/** Renews `lock` every third of its lease until stopped; a renewal refused or failed is logged, then no more. */
function renew(lock: StoreLock, key: string, options: StoreLockOptions): { stop(): void } {
  const extend = lock.extend?.bind(lock);
  if (extend === undefined) return { stop: () => undefined };
  let stopped = false;
  const timer = setInterval(
    async () => {
      if (stopped) return;
      const renewed = await extend(options.leaseMs).catch((error: unknown) => error);
      if (renewed === true || stopped) return;
      stopped = true;
      clearInterval(timer);
      options.log.warn(`the lock ${key} could not be renewed: another process may take it while this one works`, {
        error: renewed === false ? "its lease had ended" : renewed,
      });
    },
    Math.max(1, Math.floor(options.leaseMs / 3)),
  );
  timer.unref();
  return {
    stop() {
      stopped = true;
      clearInterval(timer);
    },
  };
}
