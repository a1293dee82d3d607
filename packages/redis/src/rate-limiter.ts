import { type RateLimiter, sleep, ValidationError } from "@wx/core";
import { connectRedis, positiveWhole, type RedisOption } from "./connect.js";

export interface RedisRateLimiterOptions {
  /** A connected node-redis client of yours (left open), or a URL (opened here, closed by `close()`). */
  redis: RedisOption;
  /** Put before every key. Default `"wx:rate:"`. */
  prefix?: string;
  /**
   * A proactive budget per token for the whole fleet: at most `requests` per `perMs` (GCRA, atomic in Redis, bursts
   * up to `requests`). Default none: only 429s pause.
   */
  budget?: { requests: number; perMs: number };
  /** The longest one Redis command may take (also while Redis is down); then the call fails. Default 2 000 ms. */
  timeoutMs?: number;
}

export interface RedisRateLimiter extends RateLimiter {
  /** Closes the connection when `redis` was a URL. */
  close(): Promise<void>;
}

// KEYS: pause, budget. ARGV: emission interval ms (0 = no budget), window ms. Returns {0, 0} to go, {1, ms}
// while paused by a 429, {2, ms} while over the budget. The budget is spent only by requests that go.
const ACQUIRE = `
local paused = redis.call("PTTL", KEYS[1])
if paused > 0 then return {1, paused} end
local interval = tonumber(ARGV[1])
if interval == 0 then return {0, 0} end
local window = tonumber(ARGV[2])
local time = redis.call("TIME")
local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
local tat = tonumber(redis.call("GET", KEYS[2]) or now)
if tat < now then tat = now end
local wait = tat + interval - window - now
if wait > 0 then return {2, math.ceil(wait)} end
redis.call("SET", KEYS[2], tostring(tat + interval), "PX", math.max(1, math.ceil(tat + interval - now)))
return {0, 0}`;

// KEYS: pause. ARGV: ms. A pause is only ever lengthened: a shorter Retry-After must not cut a longer one short.
const PAUSE = `
if redis.call("PTTL", KEYS[1]) < tonumber(ARGV[1]) then redis.call("SET", KEYS[1], "1", "PX", ARGV[1]) end
return 0`;

/**
 * A `RateLimiter` shared through Redis: a 429 seen by any process pauses that token's requests in every process
 * until its Retry-After has passed, and an optional budget keeps the fleet under a rate. One round trip per
 * attempt; none while this process already knows the token is paused.
 */
export function redisRateLimiter(options: RedisRateLimiterOptions): RedisRateLimiter {
  if (typeof options !== "object" || options === null) {
    throw new ValidationError("redisRateLimiter: options are required", { argument: "options" });
  }
  const prefix = options.prefix ?? "wx:rate:";
  if (typeof prefix !== "string")
    throw new ValidationError("redisRateLimiter: prefix must be a string", { argument: "prefix" });
  const timeoutMs = positiveWhole(options.timeoutMs ?? 2_000, "timeoutMs");
  const budget = options.budget && {
    requests: positiveWhole(options.budget.requests, "budget.requests"),
    perMs: positiveWhole(options.budget.perMs, "budget.perMs"),
  };
  const interval = budget ? String(budget.perMs / budget.requests) : "0";
  const window = budget ? String(budget.perMs) : "0";
  const connection = connectRedis(options.redis, "redisRateLimiter", timeoutMs);
  /** Local copy of pauses this process has seen (performance.now() when they end), to skip the round trip. */
  const pausedUntil = new Map<string, number>();

  const pauseLocally = (key: string, ms: number) => {
    const until = performance.now() + ms;
    if (until > (pausedUntil.get(key) ?? 0)) pausedUntil.set(key, until);
  };

  return {
    async acquire(key, signal) {
      // Each turn either goes or waits a positive time; the signal (deadline, abort, close) ends any wait.
      for (;;) {
        signal.throwIfAborted();
        const localMs = (pausedUntil.get(key) ?? 0) - performance.now();
        if (localMs > 0) {
          await sleep(localMs, signal);
          continue;
        }
        pausedUntil.delete(key);
        const args = ["EVAL", ACQUIRE, "2", `${prefix}pause:${key}`, `${prefix}budget:${key}`, interval, window];
        // Not given the signal: one listener per command on a session-wide signal would pile up under concurrency,
        // and the command is bounded by timeoutMs anyway.
        const [kind, ms] = (await connection.send(args)) as [number, number];
        signal.throwIfAborted();
        if (kind === 0) return;
        if (kind === 1) pauseLocally(key, ms);
        await sleep(ms, signal);
      }
    },
    async rateLimited(key, retryAfterMs) {
      if (retryAfterMs <= 0) return;
      const ms = Math.ceil(retryAfterMs);
      pauseLocally(key, ms);
      await connection.send(["EVAL", PAUSE, "1", `${prefix}pause:${key}`, String(ms)]);
    },
    close: () => connection.close(),
  };
}
