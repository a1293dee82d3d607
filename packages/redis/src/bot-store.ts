import { randomUUID } from "node:crypto";
import type { BotStore, StoreLock } from "@wx/bot";
import { ValidationError } from "@wx/core";
import { connectRedis, positiveWhole, type RedisOption } from "./connect.js";

export interface RedisStoreOptions {
  /** A connected node-redis client you already have, or a `redis://` URL to open one with. */
  redis: RedisOption;
  /** Put before every key, so several apps can share one database. Default `"wx:"`. */
  prefix?: string;
  /**
   * The longest one command may wait for Redis (also while it is down and the client reconnects); then it fails
   * with a `RedisUnavailableError` and the event it was for goes to the bot's `onError`. Default 10 000 ms.
   */
  timeoutMs?: number;
}

/** A lock from `redisStore`: besides `release`, its lease can be extended while it is still this holder's. */
export interface RedisStoreLock extends StoreLock {
  /** Sets the lease to `leaseMs` from now; `false` when the lease had ended (the lock may be someone else's). */
  extend(leaseMs: number): Promise<boolean>;
}

export interface RedisBotStore extends BotStore {
  lock(key: string, leaseMs: number): Promise<RedisStoreLock | undefined>;
  /** Closes the connection when `redis` was a URL; a client you passed in is left open (it is yours). */
  close(): Promise<void>;
}

// Only the holder's token may end or extend a lock: a holder whose lease ran out must not touch the next one's.
const RELEASE = `if redis.call("get", KEYS[1]) == ARGV[1] then return redis.call("del", KEYS[1]) end return 0`;
const EXTEND = `if redis.call("get", KEYS[1]) == ARGV[1] then return redis.call("pexpire", KEYS[1], ARGV[2]) end return 0`;

/**
 * A `BotStore` in Redis, so bot processes behind one load balancer act as one bot: a delivery is handled once
 * whichever process it reaches (`SET NX PX`), state is shared, and a room's lock is one lock for all of them
 * (`SET NX PX` with a random token; release and extend compare the token in Lua). Every key has a time to
 * live; nothing is kept for ever.
 */
export function redisStore(options: RedisStoreOptions): RedisBotStore {
  if (typeof options !== "object" || options === null)
    throw new ValidationError("redisStore: options are required", { argument: "options" });
  const prefix = options.prefix ?? "wx:";
  if (typeof prefix !== "string") {
    throw new ValidationError("redisStore: prefix must be a string", { argument: "prefix" });
  }
  const timeoutMs = positiveWhole(options.timeoutMs ?? 10_000, "timeoutMs");
  const connection = connectRedis(options.redis, "redisStore", timeoutMs);
  const send = (args: string[]) => connection.send(args);
  const keyOf = (key: unknown, caller: string): string => {
    if (typeof key !== "string" || key === "") {
      throw new ValidationError(`redisStore.${caller}: the key must be a non-empty string`, { argument: "key" });
    }
    return prefix + key;
  };

  return {
    async get(key) {
      const json = await send(["GET", keyOf(key, "get")]);
      return typeof json === "string" ? JSON.parse(json) : undefined;
    },
    async set(key, value, ttlMs) {
      const args = ["SET", keyOf(key, "set"), toJson(value, "set"), "PX", ttlOf(ttlMs, "set")];
      await send(args);
    },
    async setIfAbsent(key, value, ttlMs) {
      const args = ["SET", keyOf(key, "setIfAbsent"), toJson(value, "setIfAbsent"), "NX", "PX"];
      return (await send([...args, ttlOf(ttlMs, "setIfAbsent")])) === "OK";
    },
    async delete(key) {
      await send(["DEL", keyOf(key, "delete")]);
    },
    async lock(key, leaseMs) {
      const name = keyOf(key, "lock");
      const lease = ttlOf(leaseMs, "lock");
      const token = randomUUID();
      if ((await send(["SET", name, token, "NX", "PX", lease])) !== "OK") return undefined;
      return {
        async release() {
          await send(["EVAL", RELEASE, "1", name, token]);
        },
        async extend(nextLeaseMs) {
          return Number(await send(["EVAL", EXTEND, "1", name, token, ttlOf(nextLeaseMs, "extend")])) === 1;
        },
      };
    },
    close: () => connection.close(),
  };
}

function toJson(value: unknown, caller: string): string {
  const json = JSON.stringify(value);
  if (json === undefined) {
    throw new ValidationError(`redisStore.${caller}: the value must be JSON (got ${typeof value})`, {
      argument: "value",
    });
  }
  return json;
}

/** Whole milliseconds for `PX`, rounded up so that a lease is never shorter than asked. */
function ttlOf(ttlMs: unknown, caller: string): string {
  if (typeof ttlMs !== "number" || !Number.isFinite(ttlMs) || ttlMs <= 0) {
    throw new ValidationError(`redisStore.${caller}: the time to live must be a positive number of milliseconds`, {
      argument: "ttlMs",
    });
  }
  return String(Math.ceil(ttlMs));
}
