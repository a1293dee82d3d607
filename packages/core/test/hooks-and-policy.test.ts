import { afterEach, describe, expect, it } from "vitest";
import { json, recordingSleep, startTestServer, type TestServer } from "../../../testing/test-server.js";
import {
  ApiError,
  defaultRetryPolicy,
  type HookRequest,
  type HookResponse,
  type Hooks,
  type RetryPolicy,
  Session,
  type SessionOptions,
  ValidationError,
  type WebexError,
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
  session = new Session({ accessToken: "t0ken-secret", baseUrl: server.baseUrl, sleep: clock.sleep, ...options });
  return { server, session, waits: clock.waits };
}

const failingThenOk =
  (status: number, failures = 1) =>
  (_req: unknown, res: import("node:http").ServerResponse, i: number) =>
    i < failures ? json(res, status, { message: "no" }) : json(res, 200, { ok: true });

describe("hooks", () => {
  it("before may add a header to every attempt; after sees each attempt's status and timing", async () => {
    const seen: [HookRequest, HookResponse][] = [];
    const tracing: Hooks = {
      before: (request) => {
        request.headers["x-trace-id"] = `trace-${request.attempt}`;
      },
      after: (request, response) => {
        seen.push([request, response]);
      },
    };
    const { server, session } = await setup(failingThenOk(503), { hooks: tracing });
    expect(await session.request({ path: "rooms" })).toEqual({ ok: true });
    expect(server.requests.map((r) => r.headers["x-trace-id"])).toEqual(["trace-1", "trace-2"]);
    expect(seen.map(([, response]) => response.status)).toEqual([503, 200]);
    expect(seen.every(([, response]) => response.durationMs >= 0)).toBe(true);
    expect(seen[0]?.[0].headers.authorization).toBe("Bearer [REDACTED]");
  });

  it("error runs once with the error the call throws", async () => {
    const errors: WebexError[] = [];
    const { session } = await setup((_req, res) => json(res, 404, { message: "gone" }), {
      hooks: { error: (_request, error) => void errors.push(error) },
    });
    const thrown = await session.request({ path: "rooms/x" }).catch((e: unknown) => e);
    expect(thrown).toBeInstanceOf(ApiError);
    expect(errors).toEqual([thrown]);
  });

  it("a list of hooks runs in order, and a hook can supply custom auth", async () => {
    const order: string[] = [];
    const { server, session } = await setup((_req, res) => json(res, 200, { items: [] }), {
      hooks: [
        { before: () => void order.push("first") },
        {
          before: (request) => {
            order.push("second");
            request.headers.authorization = "Signed abc";
          },
        },
      ],
    });
    await session.paginate("rooms").toArray();
    expect(order).toEqual(["first", "second"]);
    expect(server.requests[0]?.headers.authorization).toBe("Signed abc");
  });

  it("a header a hook breaks is still refused before sending", async () => {
    const { server, session } = await setup((_req, res) => json(res, 200, {}), {
      hooks: {
        before: (request) => {
          request.headers["x-bad"] = "a\r\nb: c";
        },
      },
    });
    await expect(session.request({ path: "rooms" })).rejects.toBeInstanceOf(ValidationError);
    expect(server.requests).toHaveLength(0);
  });
});

describe("retry policy as a value", () => {
  it("the default never retries a POST that reached the server", async () => {
    const { server, session } = await setup(failingThenOk(503));
    await expect(session.request({ method: "POST", path: "messages", json: {} })).rejects.toMatchObject({
      status: 503,
    });
    expect(server.requests).toHaveLength(1);
  });

  it("a policy of yours can retry a POST that carries your idempotency marker, falling back to the default", async () => {
    const fallback = defaultRetryPolicy();
    const idempotentPosts: RetryPolicy = {
      decide: (context) =>
        context.method === "POST" &&
        context.requestHeaders["idempotency-key"] &&
        context.status === 503 &&
        context.retries < 2
          ? { retry: true, delayMs: 10, reason: "idempotent POST" }
          : fallback.decide(context),
    };
    const { server, session, waits } = await setup(failingThenOk(503, 2), { retryPolicy: idempotentPosts });
    const result = await session.request({
      method: "POST",
      path: "messages",
      json: { text: "once" },
      headers: { "idempotency-key": "k1" },
    });
    expect(result).toEqual({ ok: true });
    expect(server.requests).toHaveLength(3);
    expect(waits).toEqual([10, 10]);
  });

  it("a policy is told the counts and caps the default uses", async () => {
    const contexts: number[] = [];
    const { server, session } = await setup((_req, res) => json(res, 429, {}, { "retry-after": "2" }), {
      retryPolicy: {
        decide: (context) => {
          contexts.push(context.rateLimitWaits);
          return context.rateLimitWaits < 2
            ? { retry: true, delayMs: 5, reason: "r", rateLimit: true }
            : { retry: false };
        },
      },
    });
    await expect(session.request({ path: "rooms" })).rejects.toMatchObject({ code: "rate_limited" });
    expect(contexts).toEqual([0, 1, 2]);
    expect(server.requests).toHaveLength(3);
  });
});
