import { inspect } from "node:util";
import { afterEach, describe, expect, it } from "vitest";
import { json, recordingSleep, startTestServer, type TestServer } from "../../../testing/test-server.js";
import {
  ApiError,
  MalformedResponseError,
  type RateLimitWarning,
  type RetryEvent,
  Session,
  type SessionOptions,
} from "../src/index.js";

const TOKEN = "s3cret-access-token-value";
let server: TestServer | undefined;
let session: Session | undefined;
afterEach(async () => {
  await session?.close();
  await server?.close();
  session = server = undefined;
});

async function setup(handler: Parameters<typeof startTestServer>[0], options: SessionOptions = {}) {
  server = await startTestServer(handler);
  const lines: unknown[] = [];
  const log = (message: string, fields?: Record<string, unknown>) => lines.push([message, fields]);
  session = new Session({
    accessToken: TOKEN,
    baseUrl: server.baseUrl,
    sleep: recordingSleep().sleep,
    logger: { debug: log, info: log, warn: log, error: log },
    ...options,
  });
  return { server, session, lines };
}

/** Everything a user could print of an error. */
function everythingOf(error: unknown): string {
  const e = error as Error & { response?: unknown; request?: unknown };
  return [
    e.message,
    e.stack,
    inspect(e),
    JSON.stringify(e),
    JSON.stringify(e.response),
    JSON.stringify(e.request),
  ].join("\n");
}

/** The server echoes the Authorization header in its body and in a header, as a hostile or buggy one might. */
const echo =
  (status: number, body: (auth: string) => string) =>
  (req: { headers: Record<string, unknown> }, res: import("node:http").ServerResponse) => {
    const auth = String(req.headers.authorization);
    res.writeHead(status, { "content-type": "application/json", "x-echo": auth }).end(body(auth));
  };

describe("the token never leaks", () => {
  it("from a MalformedResponseError for a non-JSON 2xx", async () => {
    const { session } = await setup(echo(200, (auth) => `not json: ${auth}`));
    const error = await session.request({ path: "people/me" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MalformedResponseError);
    expect(everythingOf(error)).not.toContain(TOKEN);
    expect((error as MalformedResponseError).response.body).toContain("not json: Bearer [REDACTED]");
    expect((error as MalformedResponseError).response.headers["x-echo"]).toBe("Bearer [REDACTED]");
  });

  it("from a MalformedResponseError for a list page without items", async () => {
    const { session } = await setup(echo(200, (auth) => JSON.stringify({ echoed: auth })));
    const error = await session
      .paginate("rooms")
      .toArray()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MalformedResponseError);
    expect(everythingOf(error)).not.toContain(TOKEN);
  });

  it("from an ApiError's echoed response headers", async () => {
    const { session } = await setup(echo(400, (auth) => JSON.stringify({ message: `bad ${auth}` })));
    const error = await session.request({ path: "rooms" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(everythingOf(error)).not.toContain(TOKEN);
  });

  it("from what onRateLimit, onRetry and the logger get", async () => {
    const warnings: RateLimitWarning[] = [];
    const retries: RetryEvent[] = [];
    const { session, lines } = await setup(
      (req, res, i) => {
        const auth = String(req.headers.authorization);
        if (i === 0) return json(res, 429, { message: auth }, { "retry-after": "1", "x-echo": auth });
        if (i === 1) return json(res, 503, { message: auth }, { "x-echo": auth });
        json(res, 200, { ok: true });
      },
      { onRateLimit: (w) => warnings.push(w), onRetry: (e) => retries.push(e) },
    );
    await session.request({ path: `rooms?echo=${TOKEN}` });
    expect(warnings).toHaveLength(1);
    expect(retries).toHaveLength(1);
    expect(everythingOf(warnings[0])).not.toContain(TOKEN);
    expect(JSON.stringify(retries)).not.toContain(TOKEN);
    expect(JSON.stringify(lines)).not.toContain(TOKEN);
    expect(lines.length).toBeGreaterThan(2);
  });

  it("nor do the secrets a call names (e.g. an OAuth client secret in a form body)", async () => {
    const secret = "client-secret-1234";
    const warnings: RateLimitWarning[] = [];
    const { session, lines } = await setup(
      (req, res, i) => {
        const body = req.body.toString();
        if (i === 0) return json(res, 429, { message: body }, { "retry-after": "1", "x-echo": body });
        json(res, 400, { message: `rejected ${body}` });
      },
      { onRateLimit: (w) => warnings.push(w) },
    );
    const error = await session
      .request({
        method: "POST",
        path: "access_token",
        form: { client_secret: secret },
        auth: false,
        secrets: [secret],
      })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(server?.requests[0]?.body.toString()).toContain(secret);
    expect(everythingOf(error)).not.toContain(secret);
    expect(everythingOf(warnings[0])).not.toContain(secret);
    expect(JSON.stringify(lines)).not.toContain(secret);
  });
});
