import type { ServerResponse } from "node:http";
import { afterEach, describe, expect, it, vi } from "vitest";
import { json, recordingSleep, startTestServer, type TestServer } from "../../../testing/test-server.js";
import { parseRetryAfter, RateLimitError, Session, type SessionOptions, sleep, TimeoutError } from "../src/index.js";

let server: TestServer | undefined;
let session: Session | undefined;
afterEach(async () => {
  vi.useRealTimers();
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

const rateLimited =
  (retryAfter: string | string[], times = 1) =>
  (_req: unknown, res: ServerResponse, i: number) => {
    if (i >= times) return json(res, 200, { ok: true });
    res.setHeader("retry-after", retryAfter);
    json(res, 429, { message: "Too many" });
  };

describe("Retry-After is clamped to 1 s .. 15 min before it reaches a timer", () => {
  it.each([
    ["99999999", 900_000],
    ["-5", 1000],
    ["0.2", 1000],
    ["1.5", 2000],
    [new Date(Date.now() + 365 * 86_400_000).toUTCString(), 900_000],
    [new Date(Date.now() - 86_400_000).toUTCString(), 1000],
    [["5", "10"], 5000],
    ["5, 10", 5000],
  ])("Retry-After %j waits %i ms", async (header, expected) => {
    const { server, session, waits } = await setup(rateLimited(header));
    expect(await session.request({ path: "rooms" })).toEqual({ ok: true });
    expect(waits).toEqual([expected]);
    expect(server.requests).toHaveLength(2);
  });

  it("parses an HTTP date relative to now", () => {
    const now = Date.parse("2026-01-01T00:00:00Z");
    expect(parseRetryAfter("Thu, 01 Jan 2026 00:00:30 GMT", now)).toBe(30);
  });

  it("a sleep past setTimeout's range waits instead of firing at once", async () => {
    vi.useFakeTimers();
    let done = false;
    void sleep(99_999_999_000).then(() => {
      done = true;
    });
    await vi.advanceTimersByTimeAsync(60_000);
    expect(done).toBe(false);
  });
});

describe("429 waits are capped", () => {
  it("by count: after maxRateLimitRetries waits the RateLimitError is thrown", async () => {
    const { server, session, waits } = await setup(rateLimited("1", 1000), { maxRateLimitRetries: 3 });
    const error = await session.request({ path: "rooms" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RateLimitError);
    expect(waits).toEqual([1000, 1000, 1000]);
    expect(server.requests).toHaveLength(4);
  });

  it("by default: a server that always answers 429 does not get waited on forever", async () => {
    const { server, session } = await setup(rateLimited("1", 1000));
    expect(await session.request({ path: "rooms" }).catch((e: unknown) => e)).toBeInstanceOf(RateLimitError);
    expect(server.requests).toHaveLength(11);
  });

  it("by total wait: a wait that would pass maxRateLimitWaitMs throws at once", async () => {
    const { server, session, waits } = await setup(rateLimited("2", 1000), { maxRateLimitWaitMs: 5000 });
    const error = await session.request({ path: "rooms" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RateLimitError);
    expect((error as RateLimitError).retryAfter).toBe(2);
    expect(waits).toEqual([2000, 2000]);
    expect(server.requests).toHaveLength(3);
  });
});

describe("deadlineMs bounds the whole call", () => {
  it("a 429 asking for more than the time left throws at once instead of waiting", async () => {
    const { server, session, waits } = await setup(rateLimited("60", 5), { deadlineMs: 10_000 });
    expect(await session.request({ path: "rooms" }).catch((e: unknown) => e)).toBeInstanceOf(RateLimitError);
    expect(waits).toEqual([]);
    expect(server.requests).toHaveLength(1);
  });

  it("a backoff longer than the time left ends the retries with the last error", async () => {
    const { server, session, waits } = await setup(
      (_req, res) => json(res, 503, { message: "busy" }, { "retry-after": "30" }),
      {
        deadlineMs: 5000,
      },
    );
    const error = await session.request({ path: "rooms" }).catch((e: unknown) => e);
    expect((error as { status?: number }).status).toBe(503);
    expect(waits).toEqual([]);
    expect(server.requests).toHaveLength(1);
  });

  it("a body trickled one byte at a time ends in a TimeoutError at the deadline", async () => {
    let timer: NodeJS.Timeout | undefined;
    const { session } = await setup((_req, res) => {
      res.writeHead(200, { "content-type": "application/json" });
      res.write("[");
      timer = setInterval(() => res.write(" "), 20);
      res.on("close", () => clearInterval(timer));
    });
    const error = await session.request({ path: "rooms", deadlineMs: 300 }).catch((e: unknown) => e);
    clearInterval(timer);
    expect(error).toBeInstanceOf(TimeoutError);
    expect((error as TimeoutError).deadline).toBe(true);
    expect((error as Error).message).toMatch(/deadline of 300 ms/);
  });

  it("an invalid deadline is a ValidationError before sending", async () => {
    const { server, session } = await setup((_req, res) => json(res, 200, {}));
    await expect(session.request({ path: "rooms", deadlineMs: -1 })).rejects.toThrow(/deadlineMs/);
    expect(() => new Session({ accessToken: "t", deadlineMs: 0 })).toThrow(/deadlineMs/);
    expect(server.requests).toHaveLength(0);
  });
});
