import { afterEach, describe, expect, it } from "vitest";
import { json, recordingSleep, startTestServer, type TestServer } from "../../../testing/test-server.js";
import {
  ConnectionError,
  multipartBody,
  RateLimitError,
  RateLimitWarning,
  type RetryEvent,
  Session,
  type SessionOptions,
  TimeoutError,
} from "../src/index.js";

let server: TestServer | undefined;
let session: Session | undefined;
afterEach(async () => {
  await session?.close();
  await server?.close();
  session = server = undefined;
});

async function setup(handler: Parameters<typeof startTestServer>[0], options: SessionOptions = {}) {
  const clock = recordingSleep();
  server = await startTestServer(handler);
  session = new Session({ accessToken: "t0ken", baseUrl: server.baseUrl, sleep: clock.sleep, ...options });
  return { server, session, waits: clock.waits };
}

/** A wait that only ends by being aborted, as a 30 s Retry-After would in a test. */
const waitUntilAborted = (_ms: number, signal?: AbortSignal) =>
  new Promise<void>((_resolve, reject) => {
    if (signal?.aborted) reject(signal.reason);
    signal?.addEventListener("abort", () => reject(signal.reason), { once: true });
  });

async function until(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((resolve) => setImmediate(resolve));
}

/** Answers 429 with the given Retry-After first, then 200. */
const rateLimitedOnce = (retryAfter?: string) => (_req: unknown, res: Parameters<typeof json>[0], i: number) =>
  i === 0
    ? json(res, 429, { message: "Too many" }, retryAfter === undefined ? {} : { "retry-after": retryAfter })
    : json(res, 200, { ok: true });

describe("rate limits", () => {
  it.each([
    ["0", 1000],
    ["1", 1000],
    ["7", 7000],
    [undefined, 15000],
    ["rand(30),add(30)", 15000],
  ])("waits on 429 with Retry-After %s for %i ms, then retries", async (header, expected) => {
    const warnings: RateLimitWarning[] = [];
    const { server, session, waits } = await setup(rateLimitedOnce(header), { onRateLimit: (w) => warnings.push(w) });
    expect(await session.request({ path: "rooms" })).toEqual({ ok: true });
    expect(waits).toEqual([expected]);
    expect(server.requests).toHaveLength(2);
    expect(warnings[0]).toBeInstanceOf(RateLimitWarning);
    expect(warnings[0]?.retryAfter).toBe(expected / 1000);
    expect(warnings[0]?.message).toBe(`[429] Too Many Requests - Too many (Retry-After: ${expected / 1000} s)`);
  });

  it("reads an HTTP-date Retry-After", async () => {
    const at = new Date(Date.now() + 5_000).toUTCString();
    const { waits } = await setup(rateLimitedOnce(at));
    await session?.request({ path: "rooms" });
    expect(waits[0]).toBeGreaterThanOrEqual(4000);
    expect(waits[0]).toBeLessThanOrEqual(6000);
  });

  it("throws RateLimitError with retryAfter when waitOnRateLimit is false", async () => {
    const { server, session } = await setup(rateLimitedOnce("3"), { waitOnRateLimit: false });
    const error = (await session.request({ path: "rooms" }).catch((e) => e)) as RateLimitError;
    expect(error).toBeInstanceOf(RateLimitError);
    expect(error.retryAfter).toBe(3);
    expect(server.requests).toHaveLength(1);
  });

  it("reports each wait to the logger", async () => {
    const warned: string[] = [];
    await setup(rateLimitedOnce("2"), { logger: { warn: (m) => warned.push(m) } });
    await session?.request({ path: "rooms" });
    expect(warned).toEqual(["rate limited; waiting 2s before retrying"]);
  });

  it("ends a rate-limit wait when the caller aborts", async () => {
    const { server, session } = await setup((_req, res) => json(res, 429, {}, { "retry-after": "30" }), {
      sleep: waitUntilAborted,
    });
    const controller = new AbortController();
    const pending = session.request({ path: "rooms", signal: controller.signal });
    await until(() => server.requests.length === 1);
    controller.abort(new Error("user gave up"));
    await expect(pending).rejects.toThrow("user gave up");
    expect(server.requests).toHaveLength(1);
  });

  it("ends a wait when the session is closed, and sends nothing more", async () => {
    const { server, session } = await setup((_req, res) => json(res, 503, {}), { sleep: waitUntilAborted });
    const pending = session.request({ path: "rooms" });
    await until(() => server.requests.length === 1);
    const rejected = expect(pending).rejects.toThrow("This session is closed");
    await session.close();
    await rejected;
    expect(server.requests).toHaveLength(1);
  });

  it("re-sends an upload whole after a 429", async () => {
    const { server, session } = await setup(rateLimitedOnce("0"));
    const body = await multipartBody({ roomId: "r1" }, "files", {
      source: Buffer.alloc(100_000, 7),
      filename: "a.bin",
    });
    await session.request({ method: "POST", path: "messages", body });
    expect(server.requests).toHaveLength(2);
    expect(server.requests[1]?.body.length).toBe(server.requests[0]?.body.length);
    expect(server.requests[1]?.body.length).toBeGreaterThan(100_000);
  });
});

describe("retries of failures", () => {
  const failTwice = (status: number) => (_req: unknown, res: Parameters<typeof json>[0], i: number) =>
    i < 2 ? json(res, status, { message: "down" }) : json(res, 200, { ok: i });

  it("retries 5xx for GET with backoff and reports each retry", async () => {
    const events: RetryEvent[] = [];
    const { server, session, waits } = await setup(failTwice(503), { onRetry: (e) => events.push(e) });
    expect(await session.request({ path: "rooms" })).toEqual({ ok: 2 });
    expect(server.requests).toHaveLength(3);
    expect(waits).toHaveLength(2);
    expect(events.map((e) => [e.attempt, e.reason])).toEqual([
      [1, "status 503"],
      [2, "status 503"],
    ]);
  });

  it("gives up after maxRetries with the last ApiError", async () => {
    const { server, session } = await setup((_req, res) => json(res, 500, { message: "boom" }), { maxRetries: 2 });
    await expect(session.request({ path: "rooms" })).rejects.toMatchObject({ status: 500 });
    expect(server.requests).toHaveLength(3);
  });

  it("does not retry a POST that reached the server", async () => {
    const { server, session } = await setup(failTwice(502));
    await expect(session.request({ method: "POST", path: "messages", json: { text: "hi" } })).rejects.toMatchObject({
      status: 502,
    });
    expect(server.requests).toHaveLength(1);
  });

  it("retries a GET after the connection is reset, but not a POST", async () => {
    const { server, session } = await setup((req, res, i) =>
      i === 0 || req.method === "POST" ? res.socket?.destroy() : json(res, 200, { ok: true }),
    );
    expect(await session.request({ path: "rooms" })).toEqual({ ok: true });
    await expect(session.request({ method: "POST", path: "messages", json: {} })).rejects.toBeInstanceOf(
      ConnectionError,
    );
    expect(server.requests.filter((r) => r.method === "POST")).toHaveLength(1);
  });

  it("retries a POST whose connection was refused (it never reached a server)", async () => {
    const clock = recordingSleep();
    const closed = await startTestServer(() => {});
    await closed.close();
    session = new Session({ accessToken: "t", baseUrl: closed.baseUrl, sleep: clock.sleep, maxRetries: 2 });
    const error = (await session.request({ method: "POST", path: "messages", json: {} }).catch((e) => e)) as Error;
    expect(error).toBeInstanceOf(ConnectionError);
    expect(clock.waits).toHaveLength(2);
    expect(JSON.stringify(error)).not.toContain('Bearer t"');
  });

  it("turns a silent server into a TimeoutError", async () => {
    const { session } = await setup(() => {}, { timeoutMs: 100, maxRetries: 0 });
    const error = (await session.request({ path: "rooms" }).catch((e) => e)) as TimeoutError;
    expect(error).toBeInstanceOf(TimeoutError);
    expect(error.message).toMatch(/timed out after 100 ms/);
  });
});
