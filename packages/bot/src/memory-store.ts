import { randomUUID } from "node:crypto";
import type { BotStore, StoreLock } from "./store.js";

export interface MemoryStoreOptions {
  /** The most keys kept (values and locks together); beyond it the oldest written go first. Default 100 000. */
  maxEntries?: number;
  /** The clock that decides expiry, in ms. Default `Date.now`. */
  now?: () => number;
}

interface Entry {
  json: string;
  expiresAt: number;
}

// Expired entries are also removed by a sweep every this many writes, so keys nobody reads again still go.
const SWEEP_EVERY_WRITES = 1024;

/**
 * A `BotStore` in this process's memory: the default. Values go through JSON as they would in Redis, so a
 * bot that works on it works on a shared store. It is bounded (`maxEntries`), and it is one process's: run
 * several bot processes and they need a shared store (`@wx/redis`) to deduplicate and lock together.
 */
export function memoryStore(options: MemoryStoreOptions = {}): BotStore {
  const maxEntries = options.maxEntries ?? 100_000;
  if (!Number.isSafeInteger(maxEntries) || maxEntries < 1) {
    throw new TypeError("memoryStore: maxEntries must be a whole number of at least 1");
  }
  const now = options.now ?? Date.now;
  if (typeof now !== "function") throw new TypeError("memoryStore: now must be a function");
  const values = new Map<string, Entry>();
  const locks = new Map<string, { token: string; expiresAt: number }>();
  let writes = 0;

  const live = <T extends { expiresAt: number }>(map: Map<string, T>, key: string): T | undefined => {
    const entry = map.get(key);
    if (entry === undefined) return undefined;
    if (entry.expiresAt > now()) return entry;
    map.delete(key);
    return undefined;
  };
  const afterWrite = () => {
    if (++writes % SWEEP_EVERY_WRITES === 0) {
      const at = now();
      for (const map of [values, locks] as Map<string, { expiresAt: number }>[]) {
        for (const [key, entry] of map) if (entry.expiresAt <= at) map.delete(key);
      }
    }
    while (values.size + locks.size > maxEntries) {
      const oldest = values.keys().next();
      if (!oldest.done) values.delete(oldest.value);
      else locks.delete(locks.keys().next().value as string);
    }
  };
  const write = (key: string, value: unknown, ttlMs: number, caller: string) => {
    // Re-inserting moves the key to the end, so "oldest written" is the Map's first key.
    values.delete(key);
    values.set(key, { json: toJson(value, caller), expiresAt: now() + ttlMs });
    afterWrite();
  };

  return {
    async get(key) {
      checkKey(key, "get");
      const entry = live(values, key);
      return entry === undefined ? undefined : JSON.parse(entry.json);
    },
    async set(key, value, ttlMs) {
      checkKey(key, "set");
      checkTtl(ttlMs, "set");
      write(key, value, ttlMs, "set");
    },
    async setIfAbsent(key, value, ttlMs) {
      checkKey(key, "setIfAbsent");
      checkTtl(ttlMs, "setIfAbsent");
      if (live(values, key) !== undefined) return false;
      write(key, value, ttlMs, "setIfAbsent");
      return true;
    },
    async delete(key) {
      checkKey(key, "delete");
      values.delete(key);
    },
    async lock(key, leaseMs): Promise<StoreLock | undefined> {
      checkKey(key, "lock");
      checkTtl(leaseMs, "lock");
      if (live(locks, key) !== undefined) return undefined;
      const token = randomUUID();
      locks.set(key, { token, expiresAt: now() + leaseMs });
      afterWrite();
      return {
        async release() {
          if (live(locks, key)?.token === token) locks.delete(key);
        },
        async extend(nextLeaseMs) {
          checkTtl(nextLeaseMs, "extend");
          const held = live(locks, key);
          if (held?.token !== token) return false;
          held.expiresAt = now() + nextLeaseMs;
          return true;
        },
      };
    },
  };
}

function toJson(value: unknown, caller: string): string {
  const json = JSON.stringify(value);
  if (json === undefined) throw new TypeError(`memoryStore.${caller}: the value must be JSON (got ${typeof value})`);
  return json;
}

function checkKey(key: unknown, caller: string): void {
  if (typeof key !== "string" || key === "")
    throw new TypeError(`memoryStore.${caller}: the key must be a non-empty string`);
}

function checkTtl(ttlMs: unknown, caller: string): void {
  if (typeof ttlMs !== "number" || !Number.isFinite(ttlMs) || ttlMs <= 0) {
    throw new TypeError(`memoryStore.${caller}: the time to live must be a positive number of milliseconds`);
  }
}
