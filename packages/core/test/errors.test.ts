import { inspect } from "node:util";
import { afterEach, describe, expect, it } from "vitest";
import { json, startTestServer, type TestServer } from "../../../testing/test-server.js";
import { ApiError, MalformedResponseError, Session } from "../src/index.js";

const TOKEN = "secret-token-abcdef";
let server: TestServer | undefined;
let session: Session | undefined;
afterEach(async () => {
  await session?.close();
  await server?.close();
  session = server = undefined;
});

async function failWith(handler: Parameters<typeof startTestServer>[0], logger?: object) {
  server = await startTestServer(handler);
  session = new Session({ accessToken: TOKEN, baseUrl: server.baseUrl, logger, maxRetries: 0 });
  return session.request({ path: "rooms/abc" }).catch((error: unknown) => error);
}

describe("ApiError", () => {
  it("carries every field and the Python SDK's message format", async () => {
    const error = await failWith((_req, res) =>
      json(
        res,
        404,
        { message: "Could not find a room with provided ID.", trackingId: "ROUTER_1" },
        { trackingid: "ROUTER_1" },
      ),
    );
    expect(error).toBeInstanceOf(ApiError);
    const e = error as ApiError;
    expect(e.message).toBe("[404] Not Found - Could not find a room with provided ID. [Tracking ID: ROUTER_1]");
    expect(e.status).toBe(404);
    expect(e.statusText).toBe("Not Found");
    expect(e.description).toMatch(/^The URI requested is invalid/);
    expect(e.details).toEqual({ message: "Could not find a room with provided ID.", trackingId: "ROUTER_1" });
    expect(e.trackingId).toBe("ROUTER_1");
    expect(e.request).toMatchObject({ method: "GET", url: `${server?.baseUrl}rooms/abc` });
    expect(e.request.headers.authorization).toBe("Bearer [REDACTED]");
    expect(e.response.status).toBe(404);
    expect(e.response.headers.trackingid).toBe("ROUTER_1");
    expect(JSON.parse(e.response.body).message).toBe("Could not find a room with provided ID.");
    expect(e.name).toBe("ApiError");
  });

  it("falls back to the description, and to the Trackingid header when the body has none", async () => {
    const error = (await failWith((_req, res) =>
      json(res, 409, { errors: [{ description: "dup" }] }, { trackingid: "ROUTER_H" }),
    )) as ApiError;
    expect(error.message).toBe(
      "[409] Conflict - The request could not be processed because it conflicts with some established rule of the system. For example, a person may not be added to a room more than once. [Tracking ID: ROUTER_H]",
    );
    expect(error.trackingId).toBe("ROUTER_H");
  });

  it("handles a non-JSON error body", async () => {
    const error = (await failWith((_req, res) =>
      res.writeHead(502, { "content-type": "text/html" }).end("<h1>bad</h1>"),
    )) as ApiError;
    expect(error.details).toBeUndefined();
    expect(error.message).toMatch(/^\[502\] Bad Gateway - The server received an invalid response/);
    expect(error.response.body).toBe("<h1>bad</h1>");
  });

  it("never shows the token: message, stack, inspect, JSON, logs, echoed bodies", async () => {
    const lines: string[] = [];
    const log = (message: string, fields?: object) => lines.push(message + JSON.stringify(fields ?? {}));
    const error = (await failWith((req, res) => json(res, 401, { message: `bad token ${req.headers.authorization}` }), {
      debug: log,
      info: log,
      warn: log,
      error: log,
    })) as ApiError;
    const everything = [
      error.message,
      error.stack,
      inspect(error, { depth: 10 }),
      JSON.stringify(error),
      ...lines,
    ].join("\n");
    expect(everything).toContain("[REDACTED]");
    expect(everything).not.toContain(TOKEN);
    expect(lines.length).toBeGreaterThan(0);
  });
});

describe("MalformedResponseError", () => {
  it("is thrown for a 200 with invalid JSON or an empty body", async () => {
    expect(
      await failWith((_req, res) => res.writeHead(200, { "content-type": "application/json" }).end("{oops")),
    ).toBeInstanceOf(MalformedResponseError);
    await server?.close();
    await session?.close();
    expect(await failWith((_req, res) => res.writeHead(200).end())).toBeInstanceOf(MalformedResponseError);
  });

  it("is thrown for a list page without items", async () => {
    server = await startTestServer((_req, res) => json(res, 200, { rooms: [] }));
    session = new Session({ accessToken: TOKEN, baseUrl: server.baseUrl });
    await expect(session.paginate("rooms").toArray()).rejects.toThrow(/'items' key not found/);
  });
});
