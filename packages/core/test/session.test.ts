import { afterEach, describe, expect, it } from "vitest";
import { json, startTestServer, type TestServer } from "../../../testing/test-server.js";
import { AccessTokenError, type ApiError, Session, ValidationError } from "../src/index.js";

let server: TestServer | undefined;
let session: Session | undefined;
afterEach(async () => {
  await session?.close();
  await server?.close();
  session = server = undefined;
});

async function withServer(handler: Parameters<typeof startTestServer>[0], options = {}) {
  server = await startTestServer(handler);
  session = new Session({ accessToken: "tok-123456", baseUrl: server.baseUrl, ...options });
  return { server, session };
}

describe("Session requests", () => {
  it("sends the bearer token, JSON accept and a wx User-Agent with usage metadata", async () => {
    const { server, session } = await withServer((_req, res) => json(res, 200, { ok: true }), {
      beGeoId: "geo-1",
      caller: "my-app",
    });
    expect(await session.request({ path: "people/me" })).toEqual({ ok: true });
    const headers = server.requests[0]?.headers ?? {};
    expect(headers.authorization).toBe("Bearer tok-123456");
    expect(headers.accept).toBe("application/json");
    const ua = headers["user-agent"] ?? "";
    expect(ua).toMatch(/^wx\/\S+ \{/);
    const comment = JSON.parse(ua.slice(ua.indexOf(" ") + 1));
    expect(comment.implementation.name).toBe("Node.js");
    expect(comment.organization).toEqual({ be_geo_id: "geo-1", caller: "my-app" });
  });

  it("joins paths under the base URL, encodes ids via path options and drops undefined query values", async () => {
    const { server, session } = await withServer((_req, res) => json(res, 200, {}));
    await session.request({
      path: "/rooms",
      query: { teamId: undefined, max: 10, isLocked: false, a: "x,y@z:w", tags: ["p", "q"], at: new Date(0) },
    });
    await session.request({ path: `rooms/${encodeURIComponent("a/b?c")}` });
    expect(server.requests[0]?.url).toBe(
      "/v1/rooms?max=10&isLocked=false&a=x%2Cy%40z%3Aw&tags=p&tags=q&at=1970-01-01T00%3A00%3A00.000Z",
    );
    expect(server.requests[1]?.url).toBe("/v1/rooms/a%2Fb%3Fc");
  });

  it("refuses an invalid Date in the query before sending", async () => {
    const { server, session } = await withServer((_req, res) => json(res, 200, {}));
    await expect(session.request({ path: "events", query: { from: new Date("nope") } })).rejects.toThrow(
      /from is an invalid Date/,
    );
    expect(server.requests).toHaveLength(0);
  });

  it("sends JSON bodies with a JSON content type and form bodies form-encoded", async () => {
    const { server, session } = await withServer((_req, res) => json(res, 200, { id: "1" }));
    await session.request({ method: "POST", path: "rooms", json: { title: "café" } });
    await session.request({ method: "POST", path: "access_token", form: { a: "1 2", b: undefined }, auth: false });
    expect(server.requests[0]?.headers["content-type"]).toBe("application/json;charset=utf-8");
    expect(JSON.parse(server.requests[0]?.body.toString() ?? "")).toEqual({ title: "café" });
    expect(server.requests[1]?.headers["content-type"]).toBe("application/x-www-form-urlencoded");
    expect(server.requests[1]?.body.toString()).toBe("a=1+2");
    expect(server.requests[1]?.headers.authorization).toBeUndefined();
  });

  it("returns undefined for DELETE 204 and rejects a 200 on DELETE as the Python SDK does", async () => {
    const { session } = await withServer((req, res) =>
      req.url.endsWith("/gone") ? res.writeHead(204).end() : json(res, 200, {}),
    );
    await expect(session.request({ method: "DELETE", path: "rooms/gone" })).resolves.toBeUndefined();
    await expect(session.request({ method: "DELETE", path: "rooms/other" })).rejects.toMatchObject({ status: 200 });
  });

  it("calls a token provider before every request", async () => {
    let n = 0;
    const { server, session } = await withServer((_req, res) => json(res, 200, {}), {
      accessToken: async () => `token-${++n}`,
    });
    await session.request({ path: "a" });
    await session.request({ path: "b" });
    expect(server.requests.map((r) => r.headers.authorization)).toEqual(["Bearer token-1", "Bearer token-2"]);
  });

  it("after a 401 asks the provider to invalidate, then replays the request once", async () => {
    const invalidated: string[] = [];
    let current = "old-token";
    let next = "new-token";
    const provider = Object.assign(async () => current, {
      invalidate: async (token: string) => {
        invalidated.push(token);
        current = next;
      },
    });
    const { server, session } = await withServer(
      (req, res) =>
        req.headers.authorization === "Bearer new-token"
          ? json(res, 200, { ok: 1 })
          : json(res, 401, { message: "no" }),
      { accessToken: provider },
    );
    expect(await session.request({ path: "people/me" })).toEqual({ ok: 1 });
    expect(invalidated).toEqual(["old-token"]);
    current = "still-bad";
    next = "also-bad";
    const error = (await session.request({ path: "people/me" }).catch((e) => e)) as ApiError;
    expect(error.status).toBe(401);
    expect(server.requests).toHaveLength(4);
  });
});

describe("Session configuration", () => {
  it("reads WEBEX_ACCESS_TOKEN, then WEBEX_TEAMS_ACCESS_TOKEN", async () => {
    const saved = { ...process.env };
    try {
      process.env.WEBEX_ACCESS_TOKEN = "";
      process.env.WEBEX_TEAMS_ACCESS_TOKEN = "legacy-token";
      server = await startTestServer((_req, res) => json(res, 200, {}));
      session = new Session({ baseUrl: server.baseUrl });
      await session.request({ path: "x" });
      process.env.WEBEX_ACCESS_TOKEN = "new-token";
      const second = new Session({ baseUrl: server.baseUrl });
      await second.request({ path: "x" });
      await second.close();
      expect(server.requests.map((r) => r.headers.authorization)).toEqual(["Bearer legacy-token", "Bearer new-token"]);
    } finally {
      process.env = saved;
    }
  });

  it("without any token throws an AccessTokenError that says how to give one", () => {
    const saved = { ...process.env };
    try {
      delete process.env.WEBEX_ACCESS_TOKEN;
      delete process.env.WEBEX_TEAMS_ACCESS_TOKEN;
      expect(() => new Session()).toThrow(AccessTokenError);
      expect(() => new Session()).toThrow(/WEBEX_ACCESS_TOKEN/);
    } finally {
      process.env = saved;
    }
  });

  it("validates baseUrl, timeoutMs and maxRetries", () => {
    expect(() => new Session({ accessToken: "t", baseUrl: "webexapis.com/v1" })).toThrow(ValidationError);
    expect(() => new Session({ accessToken: "t", baseUrl: "ftp://host/" })).toThrow(/scheme/);
    expect(() => new Session({ accessToken: "t", timeoutMs: 0 })).toThrow(ValidationError);
    expect(() => new Session({ accessToken: "t", maxRetries: 1.5 })).toThrow(ValidationError);
    expect(new Session({ accessToken: "t", baseUrl: "http://h:1/v1" }).baseUrl).toBe("http://h:1/v1/");
  });

  it("refuses a request after close()", async () => {
    const { session } = await withServer((_req, res) => json(res, 200, {}));
    await session.close();
    await expect(session.request({ path: "x" })).rejects.toThrow(/closed/);
  });
});
