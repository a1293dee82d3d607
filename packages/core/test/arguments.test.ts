import { afterEach, describe, expect, it } from "vitest";
import { json, startTestServer, type TestServer } from "../../../testing/test-server.js";
import { path, Resource, Session, ValidationError } from "../src/index.js";

let server: TestServer | undefined;
let session: Session | undefined;
afterEach(async () => {
  await session?.close();
  await server?.close();
  session = server = undefined;
});

async function setup(token = "t0ken") {
  server = await startTestServer((_req, res) => json(res, 200, { ok: true }));
  session = new Session({ accessToken: token, baseUrl: server.baseUrl });
  return { server, session };
}

describe("bad arguments fail before anything is sent", () => {
  it.each([".", "..", "%2e%2E", ".%2e", "", " "])("an id %j", async (id) => {
    const { server, session } = await setup();
    const rooms = new Resource(session, "rooms", "room", "roomId");
    const error = await rooms.delete(id).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).argument).toBe("roomId");
    expect(() => path`rooms/${id}/meetingInfo`).toThrow(ValidationError);
    expect(server.requests).toHaveLength(0);
  });

  it.each(["rooms/../people", "rooms/./x", "rooms//x", "rooms/%2E%2E/people", "rooms/"])("a path %j", async (p) => {
    const { server, session } = await setup();
    await expect(session.request({ method: "DELETE", path: p })).rejects.toThrow(ValidationError);
    expect(server.requests).toHaveLength(0);
  });

  it("ids that merely contain dots or slashes are encoded, not refused", async () => {
    const { server, session } = await setup();
    await new Resource(session, "rooms", "room", "roomId").get("a/../b");
    await new Resource(session, "rooms", "room", "roomId").get("...");
    expect(server.requests.map((r) => r.url)).toEqual(["/v1/rooms/a%2F..%2Fb", "/v1/rooms/..."]);
  });

  it.each([
    [{ "x-trace": "a\r\nx-injected: 1" }, /CR, LF/],
    [{ "x-trace": "a\nb" }, /CR, LF/],
    [{ "bad name": "x" }, /not a valid HTTP header name/],
    [{ "x-\r\ninjected": "x" }, /not a valid HTTP header name/],
  ])("a header %j is a ValidationError at once, not retried", async (headers, message) => {
    const { server, session } = await setup();
    const error = await session.request({ path: "rooms", headers }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as Error).message).toMatch(message);
    expect(server.requests).toHaveLength(0);
  });

  it("a plain object as body says to pass JSON as json", async () => {
    const { server, session } = await setup();
    const body = { text: "hi" } as never; // what a JavaScript caller, with no types, can write
    const error = await session.request({ method: "POST", path: "messages", body }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).argument).toBe("body");
    expect((error as Error).message).toMatch(/json: \{/);
    expect(server.requests).toHaveLength(0);
  });

  it("a token with a line break is refused, and not printed", async () => {
    const { server, session } = await setup("abc\r\nx-injected: 1");
    const error = await session.request({ path: "rooms" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).argument).toBe("accessToken");
    expect((error as Error).message).not.toContain("abc");
    expect(server.requests).toHaveLength(0);
  });
});
