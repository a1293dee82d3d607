import { afterAll, beforeAll, expect, it } from "vitest";
import { json, startTestServer, type TestServer } from "../../../testing/test-server.js";
import { Resource, Session, ValidationError } from "../src/index.js";

let server: TestServer;
let session: Session;
let rooms: Resource<{ id: string; kind?: string }>;
beforeAll(async () => {
  server = await startTestServer((req, res) =>
    req.method === "DELETE"
      ? res.writeHead(204).end()
      : json(res, 200, req.method === "GET" && !req.url.includes("/rooms/") ? { items: [{ id: "r1" }] } : { id: "r1" }),
  );
  session = new Session({
    accessToken: "t",
    baseUrl: server.baseUrl,
    objectFactory: (kind, data) => ({ ...data, kind }),
  });
  rooms = new Resource(session, "rooms", "room", "roomId");
});
afterAll(async () => {
  await session.close();
  await server.close();
});

it("encodes ids into the path and passes results through the object factory", async () => {
  expect(await rooms.get("a/b?c#d")).toEqual({ id: "r1", kind: "room" });
  expect(await rooms.update("x y", { title: "T", description: undefined })).toEqual({ id: "r1", kind: "room" });
  expect(await rooms.list({ max: 2 }).toArray()).toEqual([{ id: "r1", kind: "room" }]);
  await rooms.delete("z");
  expect(server.requests.map((r) => `${r.method} ${r.url}`)).toEqual([
    "GET /v1/rooms/a%2Fb%3Fc%23d",
    "PUT /v1/rooms/x%20y",
    "GET /v1/rooms?max=2",
    "DELETE /v1/rooms/z",
  ]);
  expect(JSON.parse(server.requests[1]?.body.toString() ?? "")).toEqual({ title: "T" });
});

it("refuses an empty id with a ValidationError naming it, sending nothing", async () => {
  const before = server.requests.length;
  await expect(rooms.get("")).rejects.toMatchObject({ name: "ValidationError", argument: "roomId" });
  await expect(rooms.delete(undefined as unknown as string)).rejects.toBeInstanceOf(ValidationError);
  expect(server.requests.length).toBe(before);
});
