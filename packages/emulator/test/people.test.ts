import { describe, expect, it } from "vitest";
import { expectWebexError, qs, useEmulator } from "./helpers.js";

const t = useEmulator();

describe("people", () => {
  it("returns the caller for /people/me with live-format id and timestamps", async () => {
    const res = await t.user.get("people/me");
    expect(res.status).toBe(200);
    expect(res.body.id).toBe(t.emu.people.user.id);
    expect(Buffer.from(res.body.id, "base64").toString()).toMatch(/^ciscospark:\/\/us\/PEOPLE\/[0-9a-f-]{36}$/);
    expect(res.body.id).not.toContain("=");
    expect(res.body.created).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    expect(res.headers["content-type"]).toBe("application/json;charset=UTF-8");
    expect(res.headers.trackingid).toMatch(/^ROUTER_[0-9A-F-]{36}$/);
    expect(res.headers["cache-control"]).toBe("no-cache");
  });

  it("gets a person by id and 404s for an unknown id", async () => {
    expect((await t.user.get(`people/${t.emu.people.bot.id}`)).body.type).toBe("bot");
    expectWebexError(await t.user.get("people/Y2lzY29zcGFyazovL3VzL1BFT1BMRS9ub3BlAA"), 404);
  });

  it("filters by email, displayName prefix, id list and orgId", async () => {
    const byEmail = await t.user.get(`people?${qs({ email: t.emu.people.admin.emails[0] })}`);
    expect(byEmail.body.items.map((p: { id: string }) => p.id)).toEqual([t.emu.people.admin.id]);
    const byName = await t.user.get(`people?${qs({ displayName: "uma" })}`);
    expect(byName.body.items).toHaveLength(1);
    const ids = [t.emu.people.user.id, t.emu.people.bot.id, "unknown-id"].join(",");
    const byIds = await t.user.get(`people?${qs({ id: ids })}`);
    expect(byIds.body.items).toHaveLength(2);
    expect(byIds.body.notFoundIds).toEqual(["unknown-id"]);
    const byOrg = await t.admin.get(`people?${qs({ orgId: t.emu.org.id })}`);
    expect(byOrg.body.items).toHaveLength(3);
  });

  it("rejects more than 85 ids and unfiltered lists by non-admins", async () => {
    const ids = Array.from({ length: 86 }, (_, i) => `id${i}`).join(",");
    expectWebexError(await t.user.get(`people?${qs({ id: ids })}`), 400);
    expectWebexError(await t.user.get("people"), 400);
  });

  it("lets admins create, update and delete people; others get 403", async () => {
    expectWebexError(await t.user.post("people", { emails: ["x@example.com"], displayName: "X" }), 403);
    const created = await t.admin.post("people", { emails: ["new@example.com"], displayName: "New Person" });
    expect(created.status).toBe(200);
    expect(created.body.emails).toEqual(["new@example.com"]);
    expectWebexError(await t.admin.post("people", { emails: ["new@example.com"], displayName: "Again" }), 409);
    expectWebexError(await t.admin.post("people", { displayName: "No email" }), 400);
    const updated = await t.admin.put(`people/${created.body.id}`, { displayName: "Renamed" });
    expect(updated.body.displayName).toBe("Renamed");
    expectWebexError(await t.admin.put(`people/${created.body.id}`, {}), 400);
    expectWebexError(await t.user.put(`people/${created.body.id}`, { displayName: "Nope" }), 403);
    const deleted = await t.admin.delete(`people/${created.body.id}`);
    expect(deleted.status).toBe(204);
    expect(deleted.text).toBe("");
    expectWebexError(await t.admin.get(`people/${created.body.id}`), 404);
  });

  it("answers 401 for a missing or unknown token", async () => {
    const { call } = await import("./helpers.js");
    expectWebexError(await call(`${t.emu.url}people/me`), 401);
    expectWebexError(await call(`${t.emu.url}people/me`, { token: "not-a-token" }), 401);
  });

  it("adds people and bots with tokens of their own", async () => {
    const { person, token } = t.emu.addPerson({ displayName: "Bea Bot", type: "bot" });
    const { client } = await import("./helpers.js");
    const me = await client(t.emu, token).get("people/me");
    expect(me.body).toMatchObject({ id: person.id, type: "bot" });
  });
});
