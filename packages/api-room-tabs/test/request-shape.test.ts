// What goes over the wire, against a loopback server that records each request.
import { Session } from "@wx/core";
import { afterAll, beforeEach, expect, it } from "vitest";
import { json, startTestServer } from "../../../testing/test-server.js";
import { RoomTabsApi } from "../src/index.js";

const server = await startTestServer((req, res) =>
  req.method === "DELETE" ? res.writeHead(204).end() : json(res, 200, { id: "T1", items: [] }),
);
const session = new Session({ accessToken: "token", baseUrl: server.baseUrl });
const tabs = new RoomTabsApi(session);
afterAll(async () => {
  await session.close();
  await server.close();
});
beforeEach(() => {
  server.requests.length = 0;
});

const sent = () =>
  server.requests.map((request) => {
    const url = new URL(request.url, server.origin);
    const body = request.body.length ? JSON.parse(String(request.body)) : undefined;
    return { method: request.method, path: url.pathname, query: Object.fromEntries(url.searchParams), json: body };
  });

const fields = { roomId: "R1", contentUrl: "https://example.com/board", displayName: "Board" };

it("sends the spec's requests: the update body without the tab id (the Python SDK adds roomTabId)", async () => {
  await tabs.list({ roomId: "R1" }).toArray();
  await tabs.create(fields);
  await tabs.get("T/1");
  await tabs.update("T1", fields);
  await tabs.delete("T1");
  expect(sent()).toEqual([
    { method: "GET", path: "/v1/room/tabs", query: { roomId: "R1" }, json: undefined },
    { method: "POST", path: "/v1/room/tabs", query: {}, json: fields },
    { method: "GET", path: "/v1/room/tabs/T%2F1", query: {}, json: undefined },
    { method: "PUT", path: "/v1/room/tabs/T1", query: {}, json: fields },
    { method: "DELETE", path: "/v1/room/tabs/T1", query: {}, json: undefined },
  ]);
});
