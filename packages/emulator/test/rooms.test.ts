import { describe, expect, it } from "vitest";
import { expectWebexError, qs, useEmulator } from "./helpers.js";

const t = useEmulator();

describe("rooms", () => {
  it("creates a room with its creator as moderator member", async () => {
    const res = await t.user.post("rooms", { title: "Project" });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      title: "Project",
      type: "group",
      isLocked: false,
      creatorId: t.emu.people.user.id,
    });
    const members = await t.user.get(`memberships?${qs({ roomId: res.body.id })}`);
    expect(members.body.items).toEqual([
      expect.objectContaining({ personId: t.emu.people.user.id, isModerator: true, roomType: "group" }),
    ]);
  });

  it("requires a title and validates types", async () => {
    expectWebexError(await t.user.post("rooms", {}), 400);
    expectWebexError(await t.user.post("rooms", { title: 42 }), 400);
    expectWebexError(await t.user.post("rooms", { title: "x", isLocked: "maybe" }), 400);
  });

  it("shows people only the rooms they belong to", async () => {
    const room = (await t.user.post("rooms", { title: "Private" })).body;
    expectWebexError(await t.admin.get(`rooms/${room.id}`), 404);
    expect((await t.admin.get("rooms")).body.items).toEqual([]);
    expect((await t.user.get("rooms")).body.items.map((r: { id: string }) => r.id)).toEqual([room.id]);
  });

  it("moves lastActivity with each message and sorts by it", async () => {
    const a = (await t.user.post("rooms", { title: "A" })).body;
    const b = (await t.user.post("rooms", { title: "B" })).body;
    await new Promise((r) => setTimeout(r, 5));
    await t.user.post("messages", { roomId: a.id, text: "bump" });
    const after = (await t.user.get(`rooms/${a.id}`)).body;
    expect(Date.parse(after.lastActivity)).toBeGreaterThan(Date.parse(a.lastActivity));
    const sorted = await t.user.get(`rooms?${qs({ sortBy: "lastactivity" })}`);
    expect(sorted.body.items.map((r: { id: string }) => r.id)).toEqual([a.id, b.id]);
    const byCreated = await t.user.get(`rooms?${qs({ sortBy: "created" })}`);
    expect(byCreated.body.items[0].id).toBe(b.id);
    expectWebexError(await t.user.get(`rooms?${qs({ sortBy: "title" })}`), 400);
  });

  it("filters by type and teamId", async () => {
    await t.user.post("rooms", { title: "Group" });
    await t.user.post("messages", { toPersonEmail: t.emu.people.admin.emails[0], text: "hi" });
    const direct = await t.user.get(`rooms?${qs({ type: "direct" })}`);
    expect(direct.body.items).toHaveLength(1);
    expect(direct.body.items[0].title).toBe(t.emu.people.admin.displayName);
    const team = (await t.user.post("teams", { name: "Team" })).body;
    const teamRooms = await t.user.get(`rooms?${qs({ teamId: team.id })}`);
    expect(teamRooms.body.items).toEqual([expect.objectContaining({ title: "Team", teamId: team.id })]);
  });

  it("titles a direct room with the other person's name for each viewer", async () => {
    const msg = (await t.user.post("messages", { toPersonId: t.emu.people.admin.id, text: "hello" })).body;
    expect((await t.user.get(`rooms/${msg.roomId}`)).body.title).toBe(t.emu.people.admin.displayName);
    expect((await t.admin.get(`rooms/${msg.roomId}`)).body.title).toBe(t.emu.people.user.displayName);
  });

  it("updates, gives meeting info and deletes", async () => {
    const room = (await t.user.post("rooms", { title: "Old" })).body;
    const updated = await t.user.put(`rooms/${room.id}`, { title: "New", isLocked: true });
    expect(updated.body).toMatchObject({ title: "New", isLocked: true });
    expectWebexError(await t.user.put(`rooms/${room.id}`, { isLocked: false }), 400);
    const info = await t.user.get(`rooms/${room.id}/meetingInfo`);
    expect(info.body).toMatchObject({ roomId: room.id, meetingLink: expect.stringMatching(/^https:/) });
    const deleted = await t.user.delete(`rooms/${room.id}`);
    expect(deleted.status).toBe(204);
    expectWebexError(await t.user.get(`rooms/${room.id}`), 404);
  });

  it("lets a non-moderator of a locked room only leave it", async () => {
    const room = (await t.user.post("rooms", { title: "Locked", isLocked: true })).body;
    await t.user.post("memberships", { roomId: room.id, personId: t.emu.people.admin.id });
    expect((await t.admin.delete(`rooms/${room.id}`)).status).toBe(204);
    expect((await t.user.get(`rooms/${room.id}`)).status).toBe(200);
    expectWebexError(await t.admin.get(`rooms/${room.id}`), 404);
  });
});
