import { createHash } from "node:crypto";
import { afterEach, describe, expect, it } from "vitest";
import { json, recordingSleep, startTestServer, type TestServer } from "../../../testing/test-server.js";
import {
  type RateLimiter,
  rateLimitKey,
  Session,
  type SessionOptions,
  TimeoutError,
  WebexError,
} from "../src/index.js";

const TOKEN = "t0ken-secret";
let server: TestServer | undefined;
let sessions: Session[] = [];
afterEach(async () => {
  await Promise.all(sessions.map((s) => s.close()));
  await server?.close();
  sessions = [];
  server = undefined;
});

async function setup(handler: Parameters<typeof startTestServer>[0]) {
  server = await startTestServer(handler);
  const open = (options: SessionOptions) => {
    const session = new Session({ accessToken: TOKEN, baseUrl: (server as TestServer).baseUrl, ...options });
    sessions.push(session);
    return session;
  };
  return { server, open };
}

/** A limiter that records what it is told and lets everything through. */
function recordingLimiter() {
  const events: string[] = [];
  const limiter: RateLimiter = {
    acquire: async (key) => {
      events.push(`acquire ${key}`);
    },
    rateLimited: (key, retryAfterMs) => {
      events.push(`429 ${key} ${retryAfterMs}`);
    },
  };
  return { events, limiter };
}

/** A limiter that holds every acquire until its signal aborts. */
const neverReady: RateLimiter = {
  acquire: (_key, signal) =>
    new Promise((_resolve, reject) => {
      if (signal.aborted) reject(signal.reason);
      signal.addEventListener("abort", () => reject(signal.reason));
    }),
  rateLimited: () => {},
};

describe("rateLimiter", () => {
  it("is asked before each attempt and told about each 429, under a hash of the token, never the token", async () => {
    const { events, limiter } = recordingLimiter();
    const { open } = await setup((_req, res, i) =>
      i === 0 ? json(res, 429, { message: "slow down" }, { "retry-after": "7" }) : json(res, 200, { ok: true }),
    );
    const session = open({ rateLimiter: limiter, sleep: recordingSleep().sleep });
    expect(await session.request({ path: "rooms" })).toEqual({ ok: true });
    const key = createHash("sha256").update(TOKEN).digest("hex").slice(0, 32);
    expect(await rateLimitKey(TOKEN)).toBe(key);
    expect(events).toEqual([`acquire ${key}`, `429 ${key} 7000`, `acquire ${key}`]);
  });

  it("is not asked about a request sent without the session's token", async () => {
    const { events, limiter } = recordingLimiter();
    const { open } = await setup((_req, res) => json(res, 200, {}));
    await open({ rateLimiter: limiter }).request({ path: "access_token", method: "POST", auth: false, json: {} });
    expect(events).toEqual([]);
  });

  it("gives each token its own key", async () => {
    const { events, limiter } = recordingLimiter();
    const { open } = await setup((_req, res) => json(res, 200, {}));
    const tokens = ["first-token", "second-token"];
    const session = open({ rateLimiter: limiter, accessToken: () => tokens.shift() ?? "second-token" });
    await session.request({ path: "rooms" });
    await session.request({ path: "rooms" });
    expect(events).toEqual([
      `acquire ${await rateLimitKey("first-token")}`,
      `acquire ${await rateLimitKey("second-token")}`,
    ]);
    expect(new Set(events).size).toBe(2);
  });

  it("a wait for the limiter ends at the call's deadline with a TimeoutError, and nothing is sent", async () => {
    const { server, open } = await setup((_req, res) => json(res, 200, {}));
    const call = open({ rateLimiter: neverReady }).request({ path: "rooms", deadlineMs: 50 });
    const error = await call.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TimeoutError);
    expect((error as TimeoutError).deadline).toBe(true);
    expect(server.requests).toHaveLength(0);
  });

  it("a wait for the limiter ends when the caller aborts, and when the session closes", async () => {
    const { server, open } = await setup((_req, res) => json(res, 200, {}));
    const session = open({ rateLimiter: neverReady });
    const controller = new AbortController();
    const aborted = session.request({ path: "rooms", signal: controller.signal }).catch((e: unknown) => e);
    const closed = session.request({ path: "rooms" }).catch((e: unknown) => e);
    controller.abort(new Error("caller gave up"));
    expect(((await aborted) as Error).message).toBe("caller gave up");
    await session.close();
    expect(((await closed) as WebexError).code).toBe("closed");
    expect(server.requests).toHaveLength(0);
  });

  it("a limiter's own error fails the call before anything is sent", async () => {
    const { server, open } = await setup((_req, res) => json(res, 200, {}));
    const failing: RateLimiter = {
      acquire: async () => {
        throw new WebexError("the shared limiter is unreachable", { code: "connection" });
      },
      rateLimited: () => {},
    };
    await expect(open({ rateLimiter: failing }).request({ path: "rooms" })).rejects.toMatchObject({
      code: "connection",
      message: "the shared limiter is unreachable",
    });
    expect(server.requests).toHaveLength(0);
  });
});
