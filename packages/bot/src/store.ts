/**
 * Where a bot keeps what must outlive one event: the deliveries it has seen (for deduplication), the
 * handlers' `state`, and the per-room locks that keep one room's events in order across processes.
 *
 * The interface is small so that a shared store can implement it: every method is async, every value has a
 * time to live, and values are JSON (what `JSON.stringify` keeps). A Redis store maps it one to one:
 *
 * | method                         | Redis                                                      |
 * | ------------------------------ | ---------------------------------------------------------- |
 * | `get(key)`                     | `GET key`, then `JSON.parse`                               |
 * | `set(key, value, ttlMs)`       | `SET key json PX ttlMs`                                    |
 * | `setIfAbsent(key, value, ttl)` | `SET key json NX PX ttlMs`: true when it answered `OK`     |
 * | `delete(key)`                  | `DEL key`                                                  |
 * | `lock(key, leaseMs)`           | `SET key token NX PX leaseMs` with a random token          |
 * | `lock.release()`               | delete the key only while it still holds the token (Lua)  |
 * | `lock.extend(leaseMs)`         | `PEXPIRE` only while the key still holds the token (Lua)  |
 *
 * Keys are plain strings; the bot prefixes its own with `wx-bot:<bot person id>:`, so several bots can
 * share one store.
 */
export interface BotStore {
  /** The value stored under `key`, or `undefined` when there is none or it has expired. */
  get(key: string): Promise<unknown>;
  /** Stores `value` (JSON) under `key` for `ttlMs` milliseconds, replacing what was there. */
  set(key: string, value: unknown, ttlMs: number): Promise<void>;
  /** Stores `value` only if `key` holds nothing (or only an expired value); `true` when this call stored it. */
  setIfAbsent(key: string, value: unknown, ttlMs: number): Promise<boolean>;
  /** Removes `key`; nothing happens when it holds nothing. */
  delete(key: string): Promise<void>;
  /**
   * Takes the lock named `key` for `leaseMs` milliseconds. Resolves the held lock, or `undefined` when someone
   * else holds it. A lease ends by itself, so a crashed holder cannot keep a room locked for ever.
   */
  lock(key: string, leaseMs: number): Promise<StoreLock | undefined>;
}

/** A lock taken with `BotStore.lock`. */
export interface StoreLock {
  /** Gives the lock up; a lock whose lease has ended (and may now be someone else's) is left alone. */
  release(): Promise<void>;
  /**
   * Sets the lease to `leaseMs` from now, while the lock is still this holder's; `false` when its lease had
   * ended. Optional: the bot renews a room's lock with it while a long handler runs (every third of the lease).
   */
  extend?(leaseMs: number): Promise<boolean>;
}
