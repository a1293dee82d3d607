import { setTimeout as delay } from "node:timers/promises";
import { afterEach, expect, it } from "vitest";
import { json, startTestServer, type TestServer } from "../../../testing/test-server.js";
import { Session } from "../src/index.js";

let server: TestServer | undefined;
afterEach(() => server?.close());

it("close() ends the keep-alive sockets at once, leaving nothing dangling", async () => {
  server = await startTestServer((_req, res) => json(res, 200, { ok: true }));
  const session = new Session({ accessToken: "t", baseUrl: server.baseUrl });
  await Promise.all([session.request({ path: "a" }), session.request({ path: "b" })]);
  expect(server.openSockets()).toBeGreaterThan(0);
  await session.close();
  for (let i = 0; i < 100 && server.openSockets() > 0; i++) await delay(10);
  expect(server.openSockets()).toBe(0);
});

it("leaves a dispatcher the caller passed in open", async () => {
  const { Agent } = await import("undici");
  server = await startTestServer((_req, res) => json(res, 200, { ok: true }));
  const dispatcher = new Agent();
  const session = new Session({ accessToken: "t", baseUrl: server.baseUrl, dispatcher });
  await session.request({ path: "a" });
  await session.close();
  const again = new Session({ accessToken: "t", baseUrl: server.baseUrl, dispatcher });
  await expect(again.request({ path: "b" })).resolves.toEqual({ ok: true });
  await dispatcher.close();
});
