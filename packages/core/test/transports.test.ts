import { afterEach, describe, expect, it } from "vitest";
import { json, recordingSleep, startTestServer, type TestServer } from "../../../testing/test-server.js";
import {
  ConnectionError,
  MalformedResponseError,
  multipartBody,
  Session,
  type SessionOptions,
  TimeoutError,
  type Transport,
  type TransportRequest,
} from "../src/index.js";

let server: TestServer | undefined;
let session: Session | undefined;
afterEach(async () => {
  await session?.close();
  await server?.close();
  session = server = undefined;
});

const transports: [string, SessionOptions][] = [
  ["undici (the Node default)", {}],
  ["fetch", { fetch: globalThis.fetch }],
];

describe.each(transports)("the same client over the %s transport", (_name, transportOptions) => {
  async function setup(handler: Parameters<typeof startTestServer>[0], options: SessionOptions = {}) {
    server = await startTestServer(handler);
    session = new Session({
      accessToken: "t0ken",
      baseUrl: server.baseUrl,
      sleep: recordingSleep().sleep,
      ...transportOptions,
      ...options,
    });
    return { server, session };
  }

  it("sends JSON with auth and parses the answer", async () => {
    const { server, session } = await setup((req, res) => json(res, 200, { echo: JSON.parse(req.body.toString()) }));
    expect(await session.request({ method: "POST", path: "messages", json: { text: "hi" } })).toEqual({
      echo: { text: "hi" },
    });
    expect(server.requests[0]?.headers.authorization).toBe("Bearer t0ken");
    expect(server.requests[0]?.headers["content-type"]).toBe("application/json;charset=utf-8");
  });

  it("follows next links, retries a 429 and a 503", async () => {
    const { server, session } = await setup((req, res, i) => {
      if (i === 0) return json(res, 429, {}, { "retry-after": "1" });
      if (i === 1) return json(res, 503, {});
      const cursor = new URL(req.url, "http://x").searchParams.get("cursor");
      json(
        res,
        200,
        { items: [cursor ?? "first"] },
        cursor ? {} : { link: `<${server?.baseUrl}items?cursor=2>; rel="next"` },
      );
    });
    expect(await session.paginate("items").toArray()).toEqual(["first", "2"]);
    expect(server.requests).toHaveLength(4);
  });

  it("streams a multipart upload the server receives whole", async () => {
    const { server, session } = await setup((_req, res) => json(res, 200, { ok: true }));
    const body = await multipartBody({ roomId: "r1" }, "files", {
      source: new Blob(["file bytes"]),
      filename: "a.txt",
      contentType: "text/plain",
    });
    await session.request({ method: "POST", path: "messages", body });
    const received = server.requests[0]?.body.toString() ?? "";
    expect(received).toContain('name="roomId"');
    expect(received).toContain("file bytes");
    expect(received).toContain('filename="a.txt"');
  });

  it("a silent server is a TimeoutError after timeoutMs without progress", async () => {
    const { session } = await setup(() => new Promise(() => {}), { timeoutMs: 200, maxRetries: 0 });
    await expect(session.request({ path: "rooms" })).rejects.toBeInstanceOf(TimeoutError);
  });

  it("a body past maxResponseBytes is a MalformedResponseError", async () => {
    const { session } = await setup((_req, res) => json(res, 200, { big: "x".repeat(10_000) }), {
      maxResponseBytes: 1000,
    });
    await expect(session.request({ path: "rooms" })).rejects.toBeInstanceOf(MalformedResponseError);
  });

  it("a refused connection is a ConnectionError", async () => {
    session = new Session({ accessToken: "t", baseUrl: "http://127.0.0.1:1/v1/", maxRetries: 0, ...transportOptions });
    await expect(session.request({ path: "rooms" })).rejects.toBeInstanceOf(ConnectionError);
  });
});

describe("a transport of your own", () => {
  it("receives every exchange and is not closed by the session", async () => {
    const seen: TransportRequest[] = [];
    let closed = false;
    const transport: Transport = {
      send: async (request) => {
        seen.push(request);
        return { status: 200, headers: { "content-type": "application/json" }, text: '{"id":"p1"}' };
      },
      close: async () => {
        closed = true;
      },
    };
    session = new Session({ accessToken: "t", baseUrl: "http://127.0.0.1:9/v1/", transport });
    expect(await session.request({ path: "people/me" })).toEqual({ id: "p1" });
    await session.close();
    expect(seen[0]?.url.href).toBe("http://127.0.0.1:9/v1/people/me");
    expect(seen[0]?.headers.authorization).toBe("Bearer t");
    expect(closed).toBe(false);
  });

  it("fetch cannot be combined with undici's options", () => {
    expect(() => new Session({ accessToken: "t", fetch: globalThis.fetch, proxy: "http://p:1" })).toThrow(
      /fetch cannot/,
    );
  });
});
