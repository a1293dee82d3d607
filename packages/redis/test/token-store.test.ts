import { type ChildProcess, fork } from "node:child_process";
import { createRefreshingTokenProvider, type OAuthTokens } from "@wx/oauth";
import { createClient } from "redis";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { json, startTestServer, type TestServer } from "../../../testing/test-server.js";
import { RedisUnavailableError, redisTokenStore } from "../src/index.js";
import { hasRedisServer, NEEDS_REDIS, useRedisServer } from "./redis-server.js";
import type { ChildMessage, ChildSettings } from "./token-store-child.js";

const KEY = "wx:oauth:tokens";
const CLIENT = { clientId: "client", clientSecret: "client-secret" };
const FIRST = { accessToken: "access-token-0-secret", refreshToken: "refresh-token-secret" };

describe.skipIf(!hasRedisServer)(`redisTokenStore${NEEDS_REDIS}`, () => {
  const redis = useRedisServer();
  let endpoint: TestServer;
  let refreshes = 0;
  let raw: ReturnType<typeof createClient>;
  const closing: { close(): Promise<void> }[] = [];
  const children = new Set<ChildProcess>();

  beforeAll(async () => {
    endpoint = await startTestServer((req, res) => {
      if (req.url !== "/v1/access_token") return json(res, 404, { message: "not found" });
      refreshes += 1;
      const form = new URLSearchParams(req.body.toString());
      return json(res, 200, {
        access_token: `access-token-${refreshes}-secret`,
        expires_in: 1209599,
        refresh_token: form.get("refresh_token"),
        refresh_token_expires_in: 7775999,
      });
    });
    raw = createClient({ url: redis.server.url });
    raw.on("error", () => {});
    await raw.connect();
  });
  afterEach(async () => {
    for (const child of children) child.kill("SIGKILL");
    await Promise.all([...children].map(exited));
    children.clear();
    await Promise.all(closing.splice(0).map((c) => c.close()));
    refreshes = 0;
    if (raw.isReady) await raw.flushAll();
  });
  afterAll(async () => {
    await raw.close();
    await endpoint.close();
  });

  function store(options: Partial<Parameters<typeof redisTokenStore>[0]> = {}) {
    const made = redisTokenStore({ redis: redis.server.url, key: KEY, ...options });
    closing.push(made);
    return made;
  }
  const provider = (tokenStore: ReturnType<typeof store>) =>
    createRefreshingTokenProvider({ ...CLIENT, baseUrl: endpoint.baseUrl, store: tokenStore });
  /** Tokens as a refresh would have stored them, already expired. */
  const expired = {
    ...FIRST,
    access_token: FIRST.accessToken,
    refresh_token: FIRST.refreshToken,
    expiresAt: new Date(0),
  };

  function start(settings: Omit<ChildSettings, "redisUrl" | "key" | "baseUrl">) {
    const full: ChildSettings = { ...settings, redisUrl: redis.server.url, key: KEY, baseUrl: endpoint.baseUrl };
    const child = fork(new URL("./token-store-child.ts", import.meta.url), [JSON.stringify(full)], {
      execArgv: ["--import", "tsx"],
      stdio: ["ignore", "inherit", "inherit", "ipc"],
    });
    children.add(child);
    return child;
  }

  it("two processes whose token expired refresh once; both get the new token", async () => {
    await store().save(expired as OAuthTokens);
    const pair = [start({ mode: "refresh" }), start({ mode: "refresh" })];
    await Promise.all(pair.map((child) => next(child, "ready")));
    const answers = pair.map((child) => next(child, "token"));
    for (const child of pair) child.send("go");
    const tokens = await Promise.all(answers);
    expect(refreshes).toBe(1);
    expect(tokens).toEqual([{ token: "access-token-1-secret" }, { token: "access-token-1-secret" }]);
  });

  it("a lease held by a killed refresher expires, and another process then refreshes", async () => {
    await store().save(expired as OAuthTokens);
    const holder = start({ mode: "hold-lock", leaseMs: 1500 });
    await next(holder, "locked");
    expect(await raw.pTTL(`${KEY}:refresh-lock`)).toBeGreaterThan(0);
    holder.kill("SIGKILL");
    await exited(holder);
    expect(await provider(store())()).toBe("access-token-1-secret");
    expect(refreshes).toBe(1);
    expect(await raw.exists(`${KEY}:refresh-lock`)).toBe(0);
  });

  it("a live refresher slower than its lease keeps the lock until it is done", async () => {
    const lockKey = `${KEY}:refresh-lock`;
    const taken = await store({ leaseMs: 1500 }).withRefreshLock(async () => {
      const until = performance.now() + 4500;
      while (performance.now() < until) await new Promise((resolve) => setTimeout(resolve, 100));
      return raw.set(lockKey, "someone-else", { NX: true, PX: 60_000 });
    });
    expect(taken).toBeNull();
    expect(await raw.exists(lockKey)).toBe(0);
  });

  it("a process waiting on a live holder gives up after waitMs with a timeout error", async () => {
    await store().save(expired as OAuthTokens);
    await raw.set(`${KEY}:refresh-lock`, "someone-else", { PX: 60_000 });
    const error = await provider(store({ waitMs: 300 }))().catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "timeout" });
    expect((error as Error).message).toMatch(/held the refresh lock/);
    expect(refreshes).toBe(0);
  });

  it("with an encryptionKey the stored value is not the tokens in clear, and reads back", async () => {
    const encryptionKey = "a-long-random-secret-of-the-fleet";
    await store({ encryptionKey }).save(expired as OAuthTokens);
    expect(await provider(store({ encryptionKey }))()).toBe("access-token-1-secret");
    const value = (await raw.get(KEY)) ?? "";
    expect(value).toMatch(/^v1:/);
    for (const secret of ["access-token-1-secret", FIRST.refreshToken, "accessToken"])
      expect(value).not.toContain(secret);
    expect(await store({ encryptionKey }).load()).toMatchObject({ accessToken: "access-token-1-secret" });
    await expect(store({ encryptionKey: "another-key" }).load()).rejects.toThrow(/does not decrypt/);
    await expect(store().load()).rejects.toThrow(/is encrypted, pass its encryptionKey/);
  });

  it("no key without a time to live: the tokens live as long as the refresh token, the lock its lease", async () => {
    await store().save(expired as OAuthTokens);
    await provider(store())();
    const ttl = await raw.pTTL(KEY);
    expect(ttl).toBeGreaterThan(7_000_000_000);
    expect(ttl).toBeLessThanOrEqual(7_775_999_000);
    expect(JSON.parse((await raw.get(KEY)) ?? "{}")).toMatchObject({ accessToken: "access-token-1-secret" });
    const lockedTtl = store({ leaseMs: 5000 }).withRefreshLock(() => raw.pTTL(`${KEY}:refresh-lock`));
    expect(await lockedTtl).toBeGreaterThan(0);
    expect(await lockedTtl).toBeLessThanOrEqual(5000);
  });

  it("while Redis is down a refresh fails with a RedisUnavailableError; once it is back (empty) it refreshes and stores again", async () => {
    const tokens = store({ timeoutMs: 500 });
    await tokens.save({ ...expired, expiresAt: new Date(Date.now() + 3_600_000) } as OAuthTokens);
    const user = provider(tokens);
    expect(await user()).toBe(FIRST.accessToken);
    await redis.server.stop();
    const error = await user.refresh().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RedisUnavailableError);
    expect((error as RedisUnavailableError).code).toBe("connection");
    expect(refreshes).toBe(0);
    // The token in hand still works while Redis is down: only a refresh needs the lock.
    expect(await user()).toBe(FIRST.accessToken);
    await redis.server.start();
    // The restarted server is empty (nothing is saved); the provider refreshes from the tokens it holds.
    let fresh: OAuthTokens | undefined;
    for (let attempt = 0; attempt < 50 && fresh === undefined; attempt++) {
      fresh = await user.refresh().catch((e: unknown) => {
        if (!(e instanceof RedisUnavailableError)) throw e;
        return undefined;
      });
    }
    expect(fresh?.accessToken).toBe("access-token-1-secret");
    expect(refreshes).toBe(1);
    expect(await tokens.load()).toMatchObject({ accessToken: "access-token-1-secret" });
  });

  it("rejects bad options before connecting", () => {
    expect(() => redisTokenStore({ redis: redis.server.url, key: "" })).toThrow(/key/);
    expect(() => redisTokenStore({ redis: redis.server.url, key: KEY, encryptionKey: new Uint8Array(5) })).toThrow(
      /32 bytes/,
    );
  });
});

/** The child's next message of that kind; rejects if it exits or reports an error first. */
function next(child: ChildProcess, kind: "ready" | "locked" | "token"): Promise<ChildMessage> {
  return new Promise((resolve, reject) => {
    const onMessage = (message: ChildMessage) => {
      if ("error" in message) reject(new Error(message.error));
      else if (kind in message) resolve(message);
      else return;
      child.off("message", onMessage);
      child.off("exit", onExit);
    };
    const onExit = (code: number | null) => reject(new Error(`the child exited (${code}) before "${kind}"`));
    child.on("message", onMessage);
    child.once("exit", onExit);
  });
}

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once("exit", () => resolve()));
}
