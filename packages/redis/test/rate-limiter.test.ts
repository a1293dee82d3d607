import { RateLimitError, rateLimitKey, Session, TimeoutError } from "@wx/core";
import { createClient } from "redis";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { json, startTestServer, type TestServer } from "../../../testing/test-server.js";
import { type RedisRateLimiter, RedisUnavailableError, redisRateLimiter } from "../src/index.js";
import { hasRedisServer, NEEDS_REDIS, useRedisServer } from "./redis-server.js";

const TOKEN = "fleet-t0ken-secret";

describe.skipIf(!hasRedisServer)(`redisRateLimiter${NEEDS_REDIS}`, () => {
  const redis = useRedisServer();
  let api: TestServer;
  /** When the API server sent each 429, and when each request arrived (performance.now()). */
  const limitedAt: number[] = [];
  const arrivedAt: number[] = [];
  let answer429: string | undefined;
  let owned: { close(): Promise<void> }[] = [];

  beforeAll(async () => {
    api = await startTestServer((_req, res) => {
      arrivedAt.push(performance.now());
      if (answer429 === undefined) return json(res, 200, { ok: true });
      const retryAfter = answer429;
      answer429 = undefined;
      limitedAt.push(performance.now());
      return json(res, 429, { message: "Too many requests" }, { "retry-after": retryAfter });
    });
  });
  afterEach(async () => {
    await Promise.all(owned.map((o) => o.close()));
    owned = [];
    limitedAt.length = arrivedAt.length = 0;
    await redis.server.flushAll();
  });
  afterAll(async () => {
    await api.close();
  });

  /** A session with a limiter of its own (its own Redis connection), as another process would have. */
  function member(options: Parameters<typeof redisRateLimiter>[0] extends infer O ? Partial<O> : never = {}) {
    const rateLimiter = redisRateLimiter({ redis: redis.server.url, ...options });
    const session = new Session({ accessToken: TOKEN, baseUrl: api.baseUrl, rateLimiter, waitOnRateLimit: false });
    owned.push(session, rateLimiter);
    return { session, rateLimiter };
  }

  it("a 429 one member sees pauses another member's requests with that token until Retry-After has passed", async () => {
    const [a, b] = [member(), member()];
    answer429 = "1";
    await expect(a.session.request({ path: "rooms" })).rejects.toBeInstanceOf(RateLimitError);
    expect(await b.session.request({ path: "rooms" })).toEqual({ ok: true });
    // b's request reached the server only after the pause a's 429 set had run out.
    expect(arrivedAt).toHaveLength(2);
    expect((arrivedAt[1] as number) - (limitedAt[0] as number)).toBeGreaterThanOrEqual(1000);
  });

  it("while paused, a member's call ends at its deadline without sending anything", async () => {
    const [a, b] = [member(), member()];
    answer429 = "60";
    await expect(a.session.request({ path: "rooms" })).rejects.toBeInstanceOf(RateLimitError);
    await expect(b.session.request({ path: "rooms", deadlineMs: 1000 })).rejects.toBeInstanceOf(TimeoutError);
    expect(arrivedAt).toHaveLength(1);
  });

  it("another token is not paused", async () => {
    const [a] = [member()];
    answer429 = "60";
    await expect(a.session.request({ path: "rooms" })).rejects.toBeInstanceOf(RateLimitError);
    const other = new Session({ accessToken: "another-token", baseUrl: api.baseUrl, rateLimiter: a.rateLimiter });
    owned.push(other);
    expect(await other.request({ path: "rooms" })).toEqual({ ok: true });
  });

  it("a budget holds across members: 3 per minute for the fleet, the 4th waits", async () => {
    const budget = { requests: 3, perMs: 60_000 };
    const [a, b] = [member({ budget }), member({ budget })];
    await a.session.request({ path: "rooms" });
    await b.session.request({ path: "rooms" });
    await a.session.request({ path: "rooms" });
    expect(arrivedAt).toHaveLength(3);
    // The next slot is 20 s away: a call with 1 s left ends unsent, in either member.
    await expect(b.session.request({ path: "rooms", deadlineMs: 1000 })).rejects.toBeInstanceOf(TimeoutError);
    await expect(a.session.request({ path: "rooms", deadlineMs: 1000 })).rejects.toBeInstanceOf(TimeoutError);
    expect(arrivedAt).toHaveLength(3);
  });

  it("a budget far above the traffic lets every request through", async () => {
    const { session } = member({ budget: { requests: 1_000_000_000, perMs: 60_000 } });
    for (let i = 0; i < 3; i++) expect(await session.request({ path: "rooms" })).toEqual({ ok: true });
    expect(arrivedAt).toHaveLength(3);
  });

  it("keeps a hash of the token, never the token, and every key it writes has a time to live", async () => {
    const { session } = member({ budget: { requests: 10, perMs: 60_000 } });
    answer429 = "30";
    await expect(session.request({ path: "rooms" })).rejects.toBeInstanceOf(RateLimitError);
    const client = createClient({ url: redis.server.url });
    await client.connect();
    try {
      const keys = (await client.keys("*")).sort();
      const hash = await rateLimitKey(TOKEN);
      expect(keys).toEqual([`wx:rate:budget:${hash}`, `wx:rate:pause:${hash}`]);
      for (const key of keys) {
        expect(await client.get(key)).not.toContain(TOKEN);
        expect(await client.pTTL(key)).toBeGreaterThan(0);
      }
    } finally {
      await client.close();
    }
  });

  it("a URL opens a connection of its own, which close() ends", async () => {
    const client = createClient({ url: redis.server.url });
    await client.connect();
    const connections = async () => (await client.clientList()).length;
    const before = await connections();
    const rateLimiter = redisRateLimiter({ redis: redis.server.url });
    await rateLimiter.rateLimited("k", 30_000);
    expect(await connections()).toBe(before + 1);
    await rateLimiter.close();
    // The server notices the closed socket on one of its next turns: ask again, a bounded number of times.
    let after = await connections();
    for (let turn = 0; turn < 200 && after > before; turn++) after = await connections();
    expect(after).toBe(before);
    await client.close();
  });

  it("a client of yours is used and left open", async () => {
    const client = createClient({ url: redis.server.url });
    await client.connect();
    const rateLimiter: RedisRateLimiter = redisRateLimiter({ redis: client, prefix: "mine:" });
    await rateLimiter.rateLimited("k", 30_000);
    await rateLimiter.close();
    expect(await client.pTTL("mine:pause:k")).toBeGreaterThan(0);
    await client.close();
  });

  it("while Redis is down calls fail fast with a RedisUnavailableError (code connection), and work again once it is back", async () => {
    const { session } = member({ timeoutMs: 500 });
    expect(await session.request({ path: "rooms" })).toEqual({ ok: true });
    await redis.server.stop();
    const error = await session.request({ path: "rooms" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RedisUnavailableError);
    expect((error as RedisUnavailableError).code).toBe("connection");
    expect((error as Error).message).toMatch(/^redisRateLimiter: Redis EVAL failed/);
    expect(arrivedAt).toHaveLength(1);
    await redis.server.start();
    // The client reconnects by itself; a call made once it has is sent.
    let answer: unknown;
    for (let attempt = 0; attempt < 50 && answer === undefined; attempt++) {
      answer = await session.request({ path: "rooms" }).catch((e: unknown) => {
        if (!(e instanceof RedisUnavailableError)) throw e;
        return undefined;
      });
    }
    expect(answer).toEqual({ ok: true });
  });

  it("rejects bad options before connecting", () => {
    expect(() => redisRateLimiter({ redis: "http://localhost" })).toThrow(/redis:\/\//);
    expect(() => redisRateLimiter({ redis: redis.server.url, budget: { requests: 0, perMs: 1000 } })).toThrow(
      /budget.requests/,
    );
  });
});
