import { describe, expect, it } from "vitest";
import { expectWebexError, qs, useEmulator } from "./helpers.js";

const t = useEmulator();

describe("memberships", () => {
  it("adds a member by id or email and answers 409 for a duplicate", async () => {
    const room = (await t.user.post("rooms", { title: "R" })).body;
    const added = await t.user.post("memberships", { roomId: room.id, personEmail: t.emu.people.admin.emails[0] });
    expect(added.status).toBe(200);
    expect(added.body).toMatchObject({
      roomId: room.id,
      personId: t.emu.people.admin.id,
      personDisplayName: t.emu.people.admin.displayName,
      personOrgId: t.emu.org.id,
      isModerator: false,
    });
    expect(Buffer.from(added.body.id, "base64").toString()).toMatch(
      /^ciscospark:\/\/us\/MEMBERSHIP\/[0-9a-f-]+:[0-9a-f-]+$/,
    );
    expectWebexError(await t.user.post("memberships", { roomId: room.id, personId: t.emu.people.admin.id }), 409);
    expect((await t.admin.get(`rooms/${room.id}`)).status).toBe(200);
  });

  it("validates required fields and unknown ids", async () => {
    const room = (await t.user.post("rooms", { title: "R" })).body;
    expectWebexError(await t.user.post("memberships", { personId: t.emu.people.admin.id }), 400);
    expectWebexError(await t.user.post("memberships", { roomId: room.id }), 400);
    expectWebexError(await t.user.post("memberships", { roomId: room.id, personId: "nobody" }), 404);
    expectWebexError(await t.user.post("memberships", { roomId: "nope", personId: t.emu.people.admin.id }), 404);
    expectWebexError(await t.user.get("memberships/nope"), 404);
  });

  it("lists by room with person filters, and the caller's own memberships without a room", async () => {
    const room = (await t.user.post("rooms", { title: "R" })).body;
    await t.user.post("memberships", { roomId: room.id, personId: t.emu.people.bot.id });
    const all = await t.user.get(`memberships?${qs({ roomId: room.id })}`);
    expect(all.body.items).toHaveLength(2);
    const bot = await t.user.get(`memberships?${qs({ roomId: room.id, personEmail: t.emu.people.bot.emails[0] })}`);
    expect(bot.body.items.map((m: { personId: string }) => m.personId)).toEqual([t.emu.people.bot.id]);
    const mine = await t.bot.get("memberships");
    expect(mine.body.items).toEqual([expect.objectContaining({ roomId: room.id, personId: t.emu.people.bot.id })]);
  });

  it("makes moderators, hides rooms for their owner, and deletes", async () => {
    const room = (await t.user.post("rooms", { title: "R" })).body;
    const m = (await t.user.post("memberships", { roomId: room.id, personId: t.emu.people.admin.id })).body;
    expect((await t.user.put(`memberships/${m.id}`, { isModerator: true })).body.isModerator).toBe(true);
    expectWebexError(await t.user.put(`memberships/${m.id}`, { isRoomHidden: true }), 403);
    expect((await t.admin.put(`memberships/${m.id}`, { isRoomHidden: true })).body.isRoomHidden).toBe(true);
    expect((await t.user.get(`memberships/${m.id}`)).body.isModerator).toBe(true);
    const deleted = await t.user.delete(`memberships/${m.id}`);
    expect(deleted.status).toBe(204);
    expectWebexError(await t.admin.get(`rooms/${room.id}`), 404);
  });

  it("enforces moderation in locked rooms", async () => {
    const room = (await t.user.post("rooms", { title: "L", isLocked: true })).body;
    await t.user.post("memberships", { roomId: room.id, personId: t.emu.people.admin.id });
    expectWebexError(await t.admin.post("memberships", { roomId: room.id, personId: t.emu.people.bot.id }), 403);
  });
});
