import { describe, expect, it } from "vitest";
import { expectWebexError, qs, useEmulator } from "./helpers.js";

const t = useEmulator();

describe("teams and team memberships", () => {
  it("creates a team with a General room and its creator as moderator", async () => {
    const team = await t.user.post("teams", { name: "Builders", description: "We build" });
    expect(team.status).toBe(200);
    expect(team.body).toMatchObject({ name: "Builders", description: "We build", creatorId: t.emu.people.user.id });
    const rooms = await t.user.get(`rooms?${qs({ teamId: team.body.id })}`);
    expect(rooms.body.items).toEqual([expect.objectContaining({ title: "Builders", teamId: team.body.id })]);
    const members = await t.user.get(`team/memberships?${qs({ teamId: team.body.id })}`);
    expect(members.body.items).toEqual([
      expect.objectContaining({ personId: t.emu.people.user.id, isModerator: true }),
    ]);
    expectWebexError(await t.user.post("teams", {}), 400);
  });

  it("makes team members members of the General room, and removes them again", async () => {
    const team = (await t.user.post("teams", { name: "T" })).body;
    const added = await t.user.post("team/memberships", { teamId: team.id, personEmail: t.emu.people.admin.emails[0] });
    expect(added.body).toMatchObject({ teamId: team.id, personId: t.emu.people.admin.id, isModerator: false });
    expect(Buffer.from(added.body.id, "base64").toString()).toContain("/TEAM_MEMBERSHIP/");
    expectWebexError(await t.user.post("team/memberships", { teamId: team.id, personId: t.emu.people.admin.id }), 409);
    const adminRooms = await t.admin.get(`rooms?${qs({ teamId: team.id })}`);
    expect(adminRooms.body.items).toHaveLength(1);
    expect((await t.admin.get(`teams/${team.id}`)).status).toBe(200);
    const promoted = await t.user.put(`team/memberships/${added.body.id}`, { isModerator: true });
    expect(promoted.body.isModerator).toBe(true);
    expect((await t.user.get(`team/memberships/${added.body.id}`)).body.isModerator).toBe(true);
    expect((await t.user.delete(`team/memberships/${added.body.id}`)).status).toBe(204);
    expect((await t.admin.get(`rooms?${qs({ teamId: team.id })}`)).body.items).toHaveLength(0);
    expectWebexError(await t.admin.get(`teams/${team.id}`), 404);
  });

  it("protects the last moderator and requires teamId", async () => {
    const team = (await t.user.post("teams", { name: "T" })).body;
    const mine = (await t.user.get(`team/memberships?${qs({ teamId: team.id })}`)).body.items[0];
    expectWebexError(await t.user.delete(`team/memberships/${mine.id}`), 409);
    expectWebexError(await t.user.get("team/memberships"), 400);
    expectWebexError(await t.user.post("team/memberships", { personId: t.emu.people.admin.id }), 400);
  });

  it("lists, updates and deletes teams", async () => {
    const team = (await t.user.post("teams", { name: "T" })).body;
    expect((await t.user.get("teams")).body.items.map((x: { id: string }) => x.id)).toEqual([team.id]);
    expect((await t.admin.get("teams")).body.items).toEqual([]);
    expect((await t.user.put(`teams/${team.id}`, { name: "T2" })).body.name).toBe("T2");
    expectWebexError(await t.user.put(`teams/${team.id}`, {}), 400);
    expect((await t.user.delete(`teams/${team.id}`)).status).toBe(204);
    expectWebexError(await t.user.get(`teams/${team.id}`), 404);
    expect((await t.user.get("rooms")).body.items).toEqual([]);
  });

  it("creates rooms inside a team only for its members", async () => {
    const team = (await t.user.post("teams", { name: "T" })).body;
    const room = await t.user.post("rooms", { title: "Inner", teamId: team.id });
    expect(room.body.teamId).toBe(team.id);
    expectWebexError(await t.admin.post("rooms", { title: "Intruder", teamId: team.id }), 404);
  });
});
