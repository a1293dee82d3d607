import { describe, expect, it } from "vitest";
import { call, expectWebexError, useEmulator } from "./helpers.js";

const t = useEmulator({ rateLimit: { perMinute: 20 } });

describe("fault injection", () => {
  it("answers 429 with the given Retry-After, or none, for the next N requests", async () => {
    t.emu.faults.next(2, { status: 429, retryAfter: 7 });
    const first = await t.user.get("people/me");
    expectWebexError(first, 429);
    expect(first.headers["retry-after"]).toBe("7");
    expect((await t.user.get("people/me")).status).toBe(429);
    expect((await t.user.get("people/me")).status).toBe(200);
    t.emu.faults.next(1, { status: 429, retryAfter: null });
    const none = await t.user.get("people/me");
    expect(none.status).toBe(429);
    expect(none.headers["retry-after"]).toBeUndefined();
    t.emu.faults.next(1, { status: 429, retryAfter: "rand(30),add(30)" });
    expect((await t.user.get("people/me")).headers["retry-after"]).toBe("rand(30),add(30)");
  });

  it("injects 5xx per route and a limited number of times", async () => {
    t.emu.faults.route("POST", "/v1/messages", { status: 503 }, { times: 1 });
    t.emu.faults.route("GET", "rooms/:id", { status: 502 });
    const room = (await t.user.post("rooms", { title: "R" })).body;
    expectWebexError(await t.user.post("messages", { roomId: room.id, text: "lost" }), 503);
    expect((await t.user.post("messages", { roomId: room.id, text: "kept" })).status).toBe(200);
    expectWebexError(await t.user.get(`rooms/${room.id}`), 502);
    expect((await t.user.get("rooms")).status).toBe(200);
    t.emu.faults.clear();
    expect((await t.user.get(`rooms/${room.id}`)).status).toBe(200);
    expect(t.emu.requests.filter((r) => r.method === "POST" && r.path === "/v1/messages").map((r) => r.status)).toEqual(
      [503, 200],
    );
  });

  it("delays, drops the connection, or garbles the JSON", async () => {
    t.emu.faults.next(1, { delayMs: 150 });
    const order: string[] = [];
    const delayed = t.user.get("people/me").then((r) => order.push(`delayed:${r.status}`));
    const prompt = t.user.get("people/me").then((r) => order.push(`prompt:${r.status}`));
    await Promise.all([delayed, prompt]);
    expect(order).toEqual(["prompt:200", "delayed:200"]);
    t.emu.faults.next(1, { drop: true });
    await expect(t.user.get("people/me")).rejects.toThrow();
    t.emu.faults.next(1, { malformedJson: true });
    const garbled = await t.user.get("people/me");
    expect(garbled.status).toBe(200);
    expect(() => JSON.parse(garbled.text)).toThrow();
    expect((await t.user.get("people/me")).status).toBe(200);
  });

  it("applies an optional per-token rate limit with Retry-After", async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 22; i++) statuses.push((await t.bot.get("people/me")).status);
    expect(statuses.slice(0, 20).every((s) => s === 200)).toBe(true);
    const limited = await t.bot.get("people/me");
    expectWebexError(limited, 429);
    expect(Number(limited.headers["retry-after"])).toBeGreaterThan(0);
    expect((await t.user.get("people/me")).status).toBe(200);
  });

  it("exposes the same controls over HTTP under /_emulator/", async () => {
    const control = t.emu.url.replace(/v1\/$/, "_emulator/");
    const state = await call(`${control}state`);
    expect(state.body.tokens).toEqual(t.emu.tokens);
    await call(`${control}faults/next`, { method: "POST", json: { n: 1, fault: { status: 500 } } });
    expectWebexError(await t.user.get("people/me"), 500);
    const person = await call(`${control}people`, { method: "POST", json: { displayName: "Remote Rita" } });
    expect(person.body.person.displayName).toBe("Remote Rita");
    const room = (await t.user.post("rooms", { title: "R" })).body;
    const posted = await call(`${control}act/messages`, {
      method: "POST",
      json: { token: t.emu.tokens.user, roomId: room.id, text: "via control" },
    });
    expect(posted.body.text).toBe("via control");
    const rejected = await call(`${control}act/messages`, {
      method: "POST",
      json: { token: t.emu.tokens.user, roomId: "nope", text: "x" },
    });
    expect(rejected.status).toBe(404);
    await call(`${control}seed/messages`, { method: "POST", json: { roomId: room.id, count: 5, text: "bulk {i}" } });
    expect((await t.user.get(`messages?roomId=${room.id}`)).body.items).toHaveLength(6);
    expect((await call(`${control}deliveries/flush`, { method: "POST" })).status).toBe(204);
    expect((await call(`${control}requests`)).body.items.length).toBeGreaterThan(0);
    expect((await call(`${control}reset`, { method: "POST" })).status).toBe(204);
    expect((await t.user.get("rooms")).body.items).toEqual([]);
    expect((await call(`${control}nope`)).status).toBe(404);
  });
});
