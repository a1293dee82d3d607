import { describe, expect, it } from "vitest";
import { expectWebexError, qs, useEmulator } from "./helpers.js";

const t = useEmulator();

describe("events, audit events, licenses, organizations, roles", () => {
  it("records compliance events from activity, for admins only", async () => {
    const room = (await t.user.post("rooms", { title: "R" })).body;
    const msg = (await t.user.post("messages", { roomId: room.id, text: "kept for compliance" })).body;
    await t.user.delete(`messages/${msg.id}`);
    expectWebexError(await t.user.get("events"), 403);
    const created = await t.admin.get(`events?${qs({ resource: "messages", type: "created" })}`);
    expect(created.body.items).toEqual([
      expect.objectContaining({
        resource: "messages",
        type: "created",
        actorId: t.emu.people.user.id,
        orgId: t.emu.org.id,
      }),
    ]);
    expect(created.body.items[0].data).toMatchObject({ id: msg.id, text: "kept for compliance" });
    const all = await t.admin.get("events");
    expect(all.body.items.map((e: { resource: string; type: string }) => `${e.resource}:${e.type}`)).toEqual([
      "messages:deleted",
      "messages:created",
      "memberships:created",
      "rooms:created",
    ]);
    const one = await t.admin.get(`events/${created.body.items[0].id}`);
    expect(one.body.id).toBe(created.body.items[0].id);
    expectWebexError(await t.admin.get("events/nope"), 404);
    const later = new Date(Date.now() + 3_600_000).toISOString();
    expectWebexError(await t.admin.get(`events?${qs({ to: later })}`), 400);
  });

  it("keeps each event's message as it was then, across edits", async () => {
    const room = (await t.user.post("rooms", { title: "R" })).body;
    const msg = (await t.user.post("messages", { roomId: room.id, text: "first draft" })).body;
    await t.user.put(`messages/${msg.id}`, { roomId: room.id, text: "second draft" });
    await t.user.put(`messages/${msg.id}`, { roomId: room.id, text: "final" });
    const events = (await t.admin.get(`events?${qs({ resource: "messages" })}`)).body.items;
    expect(events.map((e: { type: string; data: { text: string } }) => `${e.type}:${e.data.text}`)).toEqual([
      "updated:final",
      "updated:second draft",
      "created:first draft",
    ]);
    expect((await t.user.get(`messages/${msg.id}`)).body.text).toBe("final");
    expect((await t.user.get(`messages?${qs({ roomId: room.id })}`)).body.items[0].text).toBe("final");
  });

  it("records admin audit events for people management", async () => {
    const person = (await t.admin.post("people", { emails: ["audited@example.com"], displayName: "Audited" })).body;
    const from = new Date(Date.now() - 60_000).toISOString();
    const to = new Date(Date.now() + 60_000).toISOString();
    expectWebexError(await t.user.get(`adminAudit/events?${qs({ orgId: t.emu.org.id, from, to })}`), 403);
    expectWebexError(await t.admin.get(`adminAudit/events?${qs({ orgId: t.emu.org.id })}`), 400);
    const res = await t.admin.get(`adminAudit/events?${qs({ orgId: t.emu.org.id, from, to })}`);
    expect(res.body.items).toEqual([
      expect.objectContaining({
        actorId: t.emu.people.admin.id,
        actorOrgId: t.emu.org.id,
        data: expect.objectContaining({ targetId: person.id }),
      }),
    ]);
  });

  it("lists licenses, organizations and roles", async () => {
    const licenses = await t.admin.get("licenses");
    expect(licenses.body.items.length).toBeGreaterThan(0);
    const license = await t.admin.get(`licenses/${licenses.body.items[0].id}?includeAssignedTo=user`);
    expect(license.body.users.map((u: { id: string }) => u.id)).toContain(t.emu.people.user.id);
    expectWebexError(await t.admin.get("licenses/nope"), 404);
    const orgs = await t.user.get("organizations");
    expect(orgs.body.items).toEqual([
      expect.objectContaining({ id: t.emu.org.id, displayName: t.emu.org.displayName }),
    ]);
    expect((await t.user.get(`organizations/${t.emu.org.id}`)).body.id).toBe(t.emu.org.id);
    const roles = await t.admin.get("roles");
    expect(roles.body.items.map((r: { name: string }) => r.name)).toContain("Full Administrator");
    expect((await t.admin.get(`roles/${roles.body.items[0].id}`)).body.name).toBe("Full Administrator");
    expectWebexError(await t.user.get("roles"), 403);
    expect(t.emu.people.admin.roles).toEqual([roles.body.items[0].id]);
  });
});
