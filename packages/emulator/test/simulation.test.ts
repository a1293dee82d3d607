import { describe, expect, it } from "vitest";
import { call, client, expectWebexError, qs, startEmulator, useEmulator } from "./helpers.js";

const t = useEmulator();

describe("control and simulation API", () => {
  it("acts as a person: posts messages and submits cards", async () => {
    const { person, token } = t.emu.addPerson({ displayName: "Pat Person", email: "pat@example.com" });
    const room = (await t.user.post("rooms", { title: "Poll" })).body;
    await t.user.post("memberships", { roomId: room.id, personId: person.id });
    const card = {
      contentType: "application/vnd.microsoft.card.adaptive",
      content: { type: "AdaptiveCard", body: [] },
    };
    const poll = (await t.user.post("messages", { roomId: room.id, text: "Vote", attachments: [card] })).body;
    const posted = await t.emu.act(token).postMessage({ roomId: room.id, markdown: "I vote **yes**" });
    expect(posted).toMatchObject({ personId: person.id, text: "I vote yes" });
    const action = await t.emu.act(token).submitCard({ messageId: poll.id, inputs: { vote: "yes" } });
    expect(action).toMatchObject({
      type: "submit",
      messageId: poll.id,
      personId: person.id,
      roomId: room.id,
      inputs: { vote: "yes" },
    });
    const fetched = await t.user.get(`attachment/actions/${action.id}`);
    expect(fetched.body.inputs).toEqual({ vote: "yes" });
    await expect(t.emu.act(token).postMessage({ roomId: "nope", text: "x" })).rejects.toMatchObject({ status: 404 });
    expect(() => t.emu.act("bad-token")).toThrow();
  });

  it("validates attachment actions", async () => {
    const room = (await t.user.post("rooms", { title: "R" })).body;
    const plain = (await t.user.post("messages", { roomId: room.id, text: "no card" })).body;
    expectWebexError(await t.user.post("attachment/actions", { type: "submit", messageId: plain.id, inputs: {} }), 400);
    expectWebexError(await t.user.post("attachment/actions", { type: "click", messageId: plain.id, inputs: {} }), 400);
    expectWebexError(await t.user.post("attachment/actions", { type: "submit", inputs: {} }), 400);
    expectWebexError(await t.user.post("attachment/actions", { type: "submit", messageId: "nope", inputs: {} }), 404);
    expectWebexError(await t.user.get("attachment/actions/nope"), 404);
  });

  it("bulk-seeds messages without webhooks and pages them newest first", async () => {
    const room = (await t.user.post("rooms", { title: "R" })).body;
    t.emu.seedMessages({ roomId: room.id, count: 3, text: (i) => `seed ${i}` });
    const list = await t.user.get(`messages?${qs({ roomId: room.id })}`);
    expect(list.body.items.map((m: { text: string }) => m.text)).toEqual(["seed 2", "seed 1", "seed 0"]);
    expect(t.emu.deliveries).toEqual([]);
  });

  it("reset() clears state but keeps the seeded people and tokens", async () => {
    const before = t.emu.people.user;
    await t.user.post("rooms", { title: "Gone after reset" });
    t.emu.faults.next(5, { status: 500 });
    t.emu.reset();
    expect((await t.user.get("rooms")).body.items).toEqual([]);
    expect((await t.user.get("people/me")).body.id).toBe(before.id);
  });

  it("gives the same IDs and tokens for the same seed", async () => {
    const a = await startEmulator({ seed: 99 });
    const b = await startEmulator({ seed: 99 });
    try {
      expect(a.tokens).toEqual(b.tokens);
      expect(a.people.admin.id).toBe(b.people.admin.id);
      const roomA = await client(a, a.tokens.user).post("rooms", { title: "x" });
      const roomB = await client(b, b.tokens.user).post("rooms", { title: "x" });
      expect(Buffer.from(roomA.body.id, "base64").toString()).toMatch(
        /^ciscospark:\/\/us\/ROOM\/[0-9a-f]{8}-[0-9a-f]{4}-1[0-9a-f]{3}-/,
      );
      expect(roomA.body.id.slice(-20)).toBe(roomB.body.id.slice(-20));
    } finally {
      await a.close();
      await b.close();
    }
  });

  it("close() ends keep-alive connections so the port is free at once", async () => {
    const emu = await startEmulator({ port: 0 });
    const url = emu.url;
    expect((await call(`${url}people/me`, { token: emu.tokens.user })).status).toBe(200);
    await emu.close();
    await expect(call(`${url}people/me`, { token: emu.tokens.user })).rejects.toThrow();
  });
});
