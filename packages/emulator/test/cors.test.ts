import { describe, expect, it } from "vitest";
import { createEmulator } from "../src/index.js";
import { call, useEmulator } from "./helpers.js";

const t = useEmulator();
const ORIGIN = { origin: "http://127.0.0.1:9" };

function preflight(path: string, method: string, requested: string, base = t.emu.url) {
  return call(new URL(path, base).href, {
    method: "OPTIONS",
    headers: { ...ORIGIN, "access-control-request-method": method, "access-control-request-headers": requested },
  });
}

describe("CORS for browsers on another origin", () => {
  it("answers a preflight with 204, any origin, the methods and the requested headers echoed", async () => {
    const answer = await preflight("messages", "POST", "authorization,content-type,trackingid,spark-user-agent");
    expect(answer.status).toBe(204);
    expect(answer.headers["access-control-allow-origin"]).toBe("*");
    expect(answer.headers["access-control-allow-methods"]).toContain("DELETE");
    expect(answer.headers["access-control-allow-methods"]).toContain("PUT");
    expect(answer.headers["access-control-allow-headers"]).toBe(
      "authorization,content-type,trackingid,spark-user-agent",
    );
  });

  it("allows Authorization, Content-Type and TrackingID when a preflight names no headers", async () => {
    const answer = await call(`${t.emu.url}rooms`, {
      method: "OPTIONS",
      headers: { ...ORIGIN, "access-control-request-method": "GET" },
    });
    expect(answer.status).toBe(204);
    expect(answer.headers["access-control-allow-headers"]).toBe("Authorization, Content-Type, TrackingID");
  });

  it("exposes Link, Retry-After and TrackingID on answers to a cross-origin request, errors included", async () => {
    const room = (await t.user.post("rooms", { title: "CORS" })).body;
    for (const text of ["one", "two"]) await t.user.post("messages", { roomId: room.id, text });
    const page = await call(`${t.emu.url}messages?roomId=${room.id}&max=1`, {
      token: t.emu.tokens.user,
      headers: ORIGIN,
    });
    expect(page.status).toBe(200);
    expect(page.headers.link).toContain('rel="next"');
    expect(page.headers["access-control-allow-origin"]).toBe("*");
    const exposed = page.headers["access-control-expose-headers"]?.toLowerCase().split(/,\s*/);
    expect(exposed).toEqual(expect.arrayContaining(["link", "retry-after", "trackingid"]));
    t.emu.faults.next(1, { status: 429, retryAfter: 3 });
    const limited = await call(`${t.emu.url}people/me`, { token: t.emu.tokens.user, headers: ORIGIN });
    expect(limited.status).toBe(429);
    expect(limited.headers["access-control-allow-origin"]).toBe("*");
  });

  it("lets a preflight take no injected fault and no share of the rate limit", async () => {
    t.emu.faults.next(1, { status: 503 });
    for (let i = 0; i < 3; i++) expect((await preflight("people/me", "GET", "authorization")).status).toBe(204);
    expect((await call(`${t.emu.url}people/me`, { token: t.emu.tokens.user })).status).toBe(503);
    expect((await call(`${t.emu.url}people/me`, { token: t.emu.tokens.user })).status).toBe(200);
    expect(t.emu.requests.filter((r) => r.method === "OPTIONS")).toEqual([]);

    const limited = await createEmulator({ port: 0, rateLimit: { perMinute: 1 } });
    try {
      for (let i = 0; i < 3; i++) await preflight("people/me", "GET", "authorization", limited.url);
      expect((await call(`${limited.url}people/me`, { token: limited.tokens.user })).status).toBe(200);
      expect((await call(`${limited.url}people/me`, { token: limited.tokens.user })).status).toBe(429);
    } finally {
      await limited.close();
    }
  });

  it("adds no CORS headers to same-origin calls or to the control API", async () => {
    const same = await call(`${t.emu.url}people/me`, { token: t.emu.tokens.user });
    expect(same.headers["access-control-allow-origin"]).toBeUndefined();
    const control = await preflight("../_emulator/faults", "POST", "content-type");
    expect(control.headers["access-control-allow-origin"]).toBeUndefined();
  });
});
