import { describe, expect, it } from "vitest";
import { call, client, qs, startEmulator, useEmulator } from "./helpers.js";

const t = useEmulator();

describe("the emulator's clock", () => {
  it("moves with setTime and advanceTime, and every timestamp follows it", async () => {
    t.emu.setTime("2030-01-01T09:00:00.000Z");
    const room = (await t.user.post("rooms", { title: "Future" })).body;
    expect(Date.parse(room.created)).toBeGreaterThanOrEqual(Date.parse("2030-01-01T09:00:00.000Z"));
    expect(Date.parse(room.created)).toBeLessThan(Date.parse("2030-01-02T00:00:00.000Z"));
    t.emu.advanceTime(24 * 3600 * 1000);
    const message = (await t.user.post("messages", { roomId: room.id, text: "a day later" })).body;
    expect(message.created.slice(0, 10)).toBe("2030-01-02");
    const listed = (await t.user.get(`messages?${qs({ roomId: room.id })}`)).body.items;
    expect(listed[0].created).toBe(message.created);
    expect(t.emu.requests.at(-1)?.at.slice(0, 10)).toBe("2030-01-02");
    expect(() => t.emu.advanceTime(-1)).toThrow(/advanceTime/);
  });

  it("goes back to real time on reset()", async () => {
    t.emu.setTime(Date.parse("2040-06-01T00:00:00.000Z"));
    t.emu.reset();
    expect(Math.abs(t.emu.now() - Date.now())).toBeLessThan(3600_000);
  });

  it("expires access tokens by its time", async () => {
    const emu = await startEmulator({ accessTokenTtlSeconds: 60 });
    try {
      const code = emu.authorize();
      const token = await call(`${emu.url}access_token`, {
        method: "POST",
        body: new URLSearchParams({
          grant_type: "authorization_code",
          client_id: emu.integration.clientId,
          client_secret: emu.integration.clientSecret,
          code,
          redirect_uri: emu.integration.redirectUri,
        }).toString(),
        headers: { "content-type": "application/x-www-form-urlencoded" },
      });
      const api = client(emu, token.body.access_token);
      expect((await api.get("people/me")).status).toBe(200);
      emu.advanceTime(61_000);
      expect((await api.get("people/me")).status).toBe(401);
    } finally {
      await emu.close();
    }
  });

  it("takes a now option and answers the control API", async () => {
    let fake = Date.parse("2031-03-04T05:06:07.000Z");
    const emu = await startEmulator({ now: () => fake });
    try {
      const control = emu.url.replace(/v1\/$/, "_emulator/");
      expect((await call(`${control}time`)).body.now).toBe("2031-03-04T05:06:07.000Z");
      fake += 1000;
      expect((await call(`${control}time`)).body.now).toBe("2031-03-04T05:06:08.000Z");
      await call(`${control}time/advance`, { method: "POST", json: { ms: 60_000 } });
      expect((await call(`${control}time`)).body.now).toBe("2031-03-04T05:07:08.000Z");
      await call(`${control}time/set`, { method: "POST", json: { time: "2032-01-01T00:00:00Z" } });
      expect((await call(`${control}time`)).body.now).toBe("2032-01-01T00:00:00.000Z");
      const bad = await call(`${control}time/set`, { method: "POST", json: { time: "soon" } });
      expect(bad.status).toBe(400);
    } finally {
      await emu.close();
    }
  });
});
