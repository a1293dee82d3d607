import { describe, expect, it } from "vitest";
import { call, expectWebexError, useEmulator } from "./helpers.js";

const t = useEmulator({ maxBodyBytes: 64 * 1024, maxUploadBytes: 128 * 1024 });

describe("bad input never crashes the server", () => {
  it("answers 400 for malformed JSON and non-object bodies", async () => {
    const headers = { "content-type": "application/json" };
    expectWebexError(
      await call(`${t.emu.url}rooms`, { method: "POST", token: t.emu.tokens.user, body: "{not json", headers }),
      400,
    );
    expectWebexError(
      await call(`${t.emu.url}rooms`, { method: "POST", token: t.emu.tokens.user, body: "[1,2]", headers }),
      400,
    );
    expectWebexError(
      await call(`${t.emu.url}rooms`, { method: "POST", token: t.emu.tokens.user, body: "null", headers }),
      400,
    );
    expect((await t.user.get("people/me")).status).toBe(200);
  });

  it("answers 415 for a body that is not JSON where JSON is required", async () => {
    const res = await call(`${t.emu.url}rooms`, {
      method: "POST",
      token: t.emu.tokens.user,
      body: "title=x",
      headers: { "content-type": "text/plain" },
    });
    expectWebexError(res, 415);
    expect(res.body.message).toBe("Content type 'text/plain' not supported");
  });

  it("answers 413 for a huge body and keeps serving", async () => {
    const huge = JSON.stringify({ title: "x".repeat(200 * 1024) });
    const res = await call(`${t.emu.url}rooms`, {
      method: "POST",
      token: t.emu.tokens.user,
      body: huge,
      headers: { "content-type": "application/json" },
    });
    expectWebexError(res, 413);
    expect((await t.user.get("people/me")).status).toBe(200);
  });

  it("answers 413 for an upload over the limit and keeps serving", async () => {
    const room = (await t.user.post("rooms", { title: "R" })).body;
    const boundary = "b0undary";
    const body = Buffer.concat([
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="roomId"\r\n\r\n${room.id}\r\n`),
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="files"; filename="big.bin"\r\n\r\n`),
      Buffer.alloc(200 * 1024, 1),
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    const headers = { "content-type": `multipart/form-data; boundary=${boundary}` };
    expectWebexError(
      await call(`${t.emu.url}messages`, { method: "POST", token: t.emu.tokens.user, body, headers }),
      413,
    );
    expect((await t.user.get(`messages?roomId=${room.id}`)).body.items).toEqual([]);
  });

  it("answers 404 for unknown routes and 405 for wrong methods, Webex-style", async () => {
    expectWebexError(await t.user.get("nonexistent"), 404);
    expectWebexError(await call(`${t.emu.url.replace("/v1/", "/")}whatever`), 404);
    const wrong = await call(`${t.emu.url}people/me`, { method: "PATCH", token: t.emu.tokens.user, json: {} });
    expectWebexError(wrong, 405);
    expect(wrong.headers.allow).toContain("GET");
    expectWebexError(await t.user.delete("rooms"), 405);
  });

  it("survives odd paths, encodings and types", async () => {
    expectWebexError(await t.user.get("rooms/%E0%A4%A"), 404);
    expectWebexError(await t.user.get("rooms/%00"), 404);
    expectWebexError(await t.user.post("memberships", { roomId: ["a"], personId: {} }), 400);
    expectWebexError(await t.user.post("webhooks", { name: 1, targetUrl: true, resource: null, event: [] }), 400);
    expectWebexError(await t.user.post("messages", { roomId: "x", attachments: "card" }), 400);
    const badMultipart = await call(`${t.emu.url}messages`, {
      method: "POST",
      token: t.emu.tokens.user,
      body: "garbage",
      headers: { "content-type": "multipart/form-data; boundary=abc" },
    });
    expectWebexError(badMultipart, 400);
    expect((await t.user.get("people/me")).status).toBe(200);
  });

  it("puts a Trackingid header on every response and echoes a client's TrackingID", async () => {
    const ok = await t.user.get("people/me");
    expect(ok.headers.trackingid).toMatch(/^ROUTER_/);
    const deleted = await t.user.delete(`rooms/${(await t.user.post("rooms", { title: "R" })).body.id}`);
    expect(deleted.status).toBe(204);
    expect(deleted.headers.trackingid).toMatch(/^ROUTER_/);
    const echoed = await call(`${t.emu.url}people/me`, {
      token: t.emu.tokens.user,
      headers: { TrackingID: "MY_TRACKING_1" },
    });
    expect(echoed.headers.trackingid).toBe("MY_TRACKING_1");
  });

  it("keeps answering many concurrent requests", async () => {
    const results = await Promise.all(Array.from({ length: 200 }, () => t.user.get("people/me")));
    expect(results.every((r) => r.status === 200)).toBe(true);
  });
});
