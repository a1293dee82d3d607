import { afterEach, describe, expect, it } from "vitest";
import { json, recordingSleep, startTestServer, type TestServer } from "../../../testing/test-server.js";
import { ApiError, Session, ValidationError } from "../src/index.js";
import type { Room } from "./fixture-routes.js";

let server: TestServer | undefined;
let session: Session | undefined;
afterEach(async () => {
  await session?.close();
  await server?.close();
  session = server = undefined;
});

async function serve(handler: Parameters<typeof startTestServer>[0]) {
  server = await startTestServer(handler);
  session = new Session({ accessToken: "t", baseUrl: server.baseUrl, sleep: recordingSleep().sleep });
  return { server, session };
}

const room: Room = { id: "r", title: "Aurora" };

describe("route strings", () => {
  it("fills the path parameters by name, URL-encoded, and sends the rest as the query", async () => {
    const { server, session } = await serve((_req, res) => json(res, 200, room));
    expect(await session.request("GET /rooms/{roomId}", { roomId: "a/b c?#" })).toEqual(room);
    await session.request("GET /rooms", { teamId: "t 1", max: 10 });
    expect(server.requests.map((req) => `${req.method} ${req.url}`)).toEqual([
      "GET /v1/rooms/a%2Fb%20c%3F%23",
      "GET /v1/rooms?teamId=t+1&max=10",
    ]);
    expect(server.requests[0]?.headers.authorization).toBe("Bearer t");
  });

  it("sends `body` as JSON and answers with the parsed response, accepting the 2xx statuses the specs use", async () => {
    const { server, session } = await serve((req, res) =>
      req.url.startsWith("/v1/people") ? res.writeHead(204).end() : json(res, 201, room),
    );
    expect(await session.request("POST /rooms", { body: { title: "Aurora" } })).toEqual(room);
    expect(await session.request("POST /people/{personId}/notes", { personId: "p" })).toBeUndefined();
    expect(server.requests[0]?.headers["content-type"]).toMatch(/^application\/json/);
    expect(JSON.parse(server.requests[0]?.body.toString() ?? "")).toEqual({ title: "Aurora" });
    expect(server.requests[1]?.body.length).toBe(0);
    // The object form keeps its default: 200 only.
    await expect(session.request({ method: "POST", path: "rooms", json: {} })).rejects.toBeInstanceOf(ApiError);
  });

  it("takes call options, retries and reports errors as the object form does", async () => {
    const { server, session } = await serve((req, res, index) =>
      index === 0 ? json(res, 503, { message: "busy" }) : json(res, req.url.endsWith("/gone") ? 404 : 200, room),
    );
    const raw = await session.requestRaw("GET /rooms/{roomId}", { roomId: "r" }, { headers: { "x-trace": "1" } });
    expect(raw.status).toBe(200);
    expect(server.requests.map((req) => req.headers["x-trace"])).toEqual(["1", "1"]);
    const error = await session.request("GET /rooms/{roomId}", { roomId: "gone" }).catch((e) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error.response.status).toBe(404);
    await expect(session.request("GET /rooms", {}, { expectedStatus: 204 })).rejects.toBeInstanceOf(ApiError);
  });

  it("refuses bad input with a ValidationError before anything is sent", async () => {
    const { server, session } = await serve((_req, res) => json(res, 200, room));
    const refusals = [
      () => session.request("GET /rooms/{roomId}", {} as never),
      () => session.request("GET /rooms/{roomId}", { roomId: "" }),
      () => session.request("GET /rooms/{roomId}", { roomId: ".." }),
      () => session.request("GET /rooms/{roomId}", "r" as never),
      () => session.request("get /rooms" as never),
      () => session.request("GET rooms" as never),
    ];
    for (const refuse of refusals) {
      const error = await refuse().catch((e) => e);
      expect(error).toBeInstanceOf(ValidationError);
    }
    expect((await session.request("GET /rooms/{roomId}", {} as never).catch((e) => e)).message).toBe(
      "roomId is required and must be a non-empty string",
    );
    expect(() => session.paginate("POST /rooms" as never, { body: { title: "t" } } as never)).toThrow(
      'route must be "GET /path", got POST /rooms',
    );
    expect(server.requests).toEqual([]);
  });

  it("paginates a list route, following next links with the path parameters and query kept", async () => {
    const { server, session } = await serve((req, res) => {
      const page = new URL(req.url, "http://x").searchParams.get("cursor");
      const link: Record<string, string> = page
        ? {}
        : { link: `<${server?.origin}/v1/meetingInvitees?meetingId=m%2F1&cursor=2>; rel="next"` };
      json(res, 200, { items: [{ email: page ? "b@x" : "a@x" }] }, link);
    });
    const invitees = await session.paginate("GET /meetingInvitees", { meetingId: "m/1", max: 1 }).toArray();
    expect(invitees).toEqual([{ email: "a@x" }, { email: "b@x" }]);
    expect(server.requests.map((req) => req.url)).toEqual([
      "/v1/meetingInvitees?meetingId=m%2F1&max=1",
      "/v1/meetingInvitees?meetingId=m%2F1&cursor=2&max=1",
    ]);
  });
});
