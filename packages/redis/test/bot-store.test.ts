import { createClient } from "redis";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { RedisUnavailableError, redisStore } from "../src/index.js";
import { hasRedisServer, NEEDS_REDIS, useRedisServer } from "./redis-server.js";

describe.skipIf(!hasRedisServer)(`redisStore${NEEDS_REDIS}`, () => {
  const redis = useRedisServer();
  const closing: (() => Promise<void>)[] = [];
  const inspectorErrors: Error[] = [];
  const open = (options: Partial<Parameters<typeof redisStore>[0]> = {}) => {
    const store = redisStore({ redis: redis.server.url, prefix: "t:", ...options });
    closing.push(() => store.close());
    return store;
  };
  /** A client of the test's own, to look at the keys as Redis keeps them. */
  const inspect = async () => {
    const client = createClient({ url: redis.server.url });
    // It sees the outage test's stop too; the reconnect errors it reports then are expected.
    client.on("error", (error: Error) => void inspectorErrors.push(error));
    await client.connect();
    closing.push(async () => {
      if (client.isReady) await client.close();
      else client.destroy();
    });
    return client;
  };
  beforeEach(() => redis.server.flushAll());
  afterAll(async () => {
    for (const close of closing.splice(0)) await close();
  });

  it("keeps JSON values under its prefix, each with its time to live", async () => {
    const store = open();
    await store.set("room:1:votes", { tacos: 2, when: new Date(0) }, 60_000);
    expect(await store.get("room:1:votes")).toEqual({ tacos: 2, when: "1970-01-01T00:00:00.000Z" });
    expect(await store.get("room:2:votes")).toBeUndefined();
    const client = await inspect();
    expect(await client.keys("*")).toEqual(["t:room:1:votes"]);
    const ttl = await client.pTTL("t:room:1:votes");
    expect(ttl).toBeGreaterThan(0);
    expect(ttl).toBeLessThanOrEqual(60_000);
    await store.delete("room:1:votes");
    expect(await store.get("room:1:votes")).toBeUndefined();
  });

  it("sets if absent for one caller only, across separate connections (two processes' stores)", async () => {
    const [first, second] = [open(), open()];
    const results = await Promise.all([
      ...Array.from({ length: 10 }, () => first.setIfAbsent("delivery:d1", 1, 60_000)),
      ...Array.from({ length: 10 }, () => second.setIfAbsent("delivery:d1", 1, 60_000)),
    ]);
    expect(results.filter(Boolean)).toHaveLength(1);
    expect(await (await inspect()).pTTL("t:delivery:d1")).toBeGreaterThan(0);
  });

  it("lends a room's lock to one holder; release and extend touch only the holder's own lease", async () => {
    const [a, b] = [open(), open()];
    const held = await a.lock("lock:room:r", 60_000);
    expect(held).toBeDefined();
    expect(await b.lock("lock:room:r", 60_000)).toBeUndefined();
    expect(await held?.extend(120_000)).toBe(true);
    const client = await inspect();
    expect(await client.pTTL("t:lock:room:r")).toBeGreaterThan(60_000);
    await held?.release();
    const next = await b.lock("lock:room:r", 60_000);
    expect(next).toBeDefined();
    // The first holder's lease has ended: it can neither free nor prolong the new holder's lock.
    await held?.release();
    expect(await held?.extend(60_000)).toBe(false);
    expect(await a.lock("lock:room:r", 60_000)).toBeUndefined();
    await next?.release();
    expect(await client.keys("*")).toEqual([]);
  });

  it("ends a lock by its lease when the holder never releases it (a crashed process)", async () => {
    const store = open();
    expect(await store.lock("lock:room:r", 50)).toBeDefined();
    const client = await inspect();
    // Redis expires the key by itself; wait for that (bounded), not for a guessed time.
    for (let round = 0; round < 200 && (await client.exists("t:lock:room:r")) === 1; round++) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(await store.lock("lock:room:r", 60_000)).toBeDefined();
  });

  it("uses a client the caller already has, and leaves it open on close", async () => {
    const client = await inspect();
    const store = redisStore({ redis: client, prefix: "mine:" });
    await store.set("k", [1, 2], 60_000);
    await store.close();
    expect(await client.get("mine:k")).toBe("[1,2]");
  });

  it("refuses bad input with a clear error before anything is sent", async () => {
    const store = open();
    await expect(store.set("k", undefined, 10)).rejects.toThrow("must be JSON");
    await expect(store.set("", 1, 10)).rejects.toThrow("non-empty string");
    await expect(store.setIfAbsent("k", 1, 0)).rejects.toThrow("positive number");
    await expect(store.lock("k", Number.NaN)).rejects.toThrow("positive number");
    expect(await (await inspect()).keys("*")).toEqual([]);
    expect(() => redisStore({ redis: "localhost:6379" })).toThrow("redis:// ");
    expect(() => redisStore({ redis: redis.server.url, timeoutMs: 0 })).toThrow("timeoutMs");
    expect(() => redisStore({ redis: redis.server.url, prefix: 1 as never })).toThrow("prefix");
  });

  it("fails a command with a RedisUnavailableError naming it while Redis is down, and works again once it is back", async () => {
    const store = open({ timeoutMs: 300 });
    await store.set("k", 1, 60_000);
    await redis.server.stop();
    try {
      const failure = await store.get("k").catch((error: unknown) => error);
      expect(failure).toBeInstanceOf(RedisUnavailableError);
      expect((failure as Error).message).toMatch(/^redisStore: Redis GET failed: /);
    } finally {
      await redis.server.start();
    }
    // The restarted server is empty (the test server saves nothing): the client reconnects by itself.
    let value: unknown = "not yet";
    for (let round = 0; round < 100 && value === "not yet"; round++) {
      value = await store.get("k").catch(() => "not yet");
    }
    expect(value).toBeUndefined();
  });
});
