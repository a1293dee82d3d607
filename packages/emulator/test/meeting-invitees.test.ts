import { describe, expect, it } from "vitest";
import { expectWebexError, qs, useEmulator } from "./helpers.js";
import { schedule } from "./meeting-helpers.js";
import { checkResponse } from "./spec.js";

const t = useEmulator();
const meeting = (fields: Record<string, unknown> = {}) => schedule(t.user, t.emu.now(), 24, fields);

describe("meeting invitees", () => {
  it("invites, reads, updates and removes one person", async () => {
    const m = await meeting();
    const created = await t.user.post("meetingInvitees", {
      meetingId: m.id,
      email: "ada@example.com",
      displayName: "Ada",
    });
    expect(created.body).toEqual({
      id: expect.stringMatching(new RegExp(`^${m.id}_\\d{7}$`)),
      email: "ada@example.com",
      displayName: "Ada",
      coHost: false,
      meetingId: m.id,
      panelist: false,
    });
    const id = created.body.id;
    expect((await t.user.get(`meetingInvitees/${id}`)).body).toEqual(created.body);
    const updated = await t.user.put(`meetingInvitees/${id}`, { email: "ada@example.com", coHost: true });
    expect(updated.body).toMatchObject({ id, coHost: true, displayName: "ada" });
    expectWebexError(await t.user.put(`meetingInvitees/${id}`, { coHost: true }), 400);
    expectWebexError(await t.user.delete(`meetingInvitees/${id}?sendEmail=maybe`), 400);
    expect((await t.user.delete(`meetingInvitees/${id}?sendEmail=false`)).status).toBe(204);
    expectWebexError(await t.user.get(`meetingInvitees/${id}`), 404);
  });

  it("takes the invitees of create, names known people, and lists them by email, paged", async () => {
    const m = await meeting({ invitees: [{ email: "zed@example.com" }, { email: t.emu.people.admin.emails[0] }] });
    const bulk = await t.user.post("meetingInvitees/bulkInsert", {
      meetingId: m.id,
      items: Array.from({ length: 9 }, (_, i) => ({ email: `p${i}@example.com`, panelist: i === 0 })),
    });
    expect(bulk.body.items).toHaveLength(9);
    const first = await t.user.get(`meetingInvitees?${qs({ meetingId: m.id })}`);
    expect(first.body.items).toHaveLength(10);
    const emails = first.body.items.map((i: { email: string }) => i.email);
    expect(emails).toEqual([...emails].sort());
    const next = /^<([^>]+)>; rel="next"$/.exec(first.headers.link ?? "")?.[1] as string;
    expect((await t.user.get(next)).body.items.map((i: { email: string }) => i.email)).toEqual(["zed@example.com"]);
    const admin = first.body.items.find((i: { email: string }) => i.email === t.emu.people.admin.emails[0]);
    expect(admin.displayName).toBe(t.emu.people.admin.displayName);
    const panelists = await t.user.get(`meetingInvitees?${qs({ meetingId: m.id, panelist: "true" })}`);
    expect(panelists.body.items.map((i: { email: string }) => i.email)).toEqual(["p0@example.com"]);
  });

  it("invites to one scheduled meeting of a series, which also lists the series' invitees", async () => {
    const series = await meeting({ recurrence: "FREQ=DAILY;COUNT=2", invitees: [{ email: "all@example.com" }] });
    const [first, second] = (
      await t.user.get(`meetings?${qs({ meetingSeriesId: series.id, meetingType: "scheduledMeeting" })}`)
    ).body.items;
    const one = await t.user.post("meetingInvitees", { meetingId: second.id, email: "once@example.com" });
    expect(one.body.meetingId).toBe(second.id);
    const emails = async (meetingId: string) =>
      (await t.user.get(`meetingInvitees?${qs({ meetingId })}`)).body.items.map((i: { email: string }) => i.email);
    expect(await emails(second.id)).toEqual(["all@example.com", "once@example.com"]);
    expect(await emails(first.id)).toEqual(["all@example.com"]);
    expect(await emails(series.id)).toEqual(["all@example.com"]);
  });

  it("answers the API's errors: 409 twice invited, 400 bad input, 404 unknown, 403/404 for others", async () => {
    const m = await meeting({ invitees: [{ email: t.emu.people.admin.emails[0] }] });
    await t.user.post("meetingInvitees", { meetingId: m.id, email: "twice@example.com" });
    expectWebexError(await t.user.post("meetingInvitees", { meetingId: m.id, email: "TWICE@example.com" }), 409);
    expectWebexError(await t.user.post("meetingInvitees", { meetingId: m.id, email: "bad" }), 400);
    expectWebexError(await t.user.post("meetingInvitees", { email: "a@example.com" }), 400);
    const twice = [{ email: "x@example.com" }, { email: "x@example.com" }];
    expectWebexError(await t.user.post("meetingInvitees/bulkInsert", { meetingId: m.id, items: twice }), 400);
    expectWebexError(await t.user.post("meetingInvitees/bulkInsert", { meetingId: m.id, items: [] }), 400);
    const many = Array.from({ length: 101 }, (_, i) => ({ email: `m${i}@example.com` }));
    expectWebexError(await t.user.post("meetingInvitees/bulkInsert", { meetingId: m.id, items: many }), 400);
    expect((await t.user.get(`meetingInvitees?${qs({ meetingId: m.id })}`)).body.items).toHaveLength(2);
    expectWebexError(await t.user.get("meetingInvitees"), 400);
    const unknown = { meetingId: "0123456789abcdef0123456789abcdef", email: "a@example.com" };
    expectWebexError(await t.user.post("meetingInvitees", unknown), 404);
    expectWebexError(await t.bot.get(`meetingInvitees?${qs({ meetingId: m.id })}`), 404);
    // An invitee sees the list but may not change it.
    expect((await t.admin.get(`meetingInvitees?${qs({ meetingId: m.id })}`)).status).toBe(200);
    expectWebexError(await t.admin.post("meetingInvitees", { meetingId: m.id, email: "new@example.com" }), 403);
  });

  it("answers in the spec's schemas", async () => {
    const m = await meeting();
    const one = await t.user.post("meetingInvitees", { meetingId: m.id, email: "s@example.com" });
    checkResponse("meeting", "POST", "/meetingInvitees", one.body);
    checkResponse(
      "meeting",
      "GET",
      "/meetingInvitees/{meetingInviteeId}",
      (await t.user.get(`meetingInvitees/${one.body.id}`)).body,
    );
    const put = await t.user.put(`meetingInvitees/${one.body.id}`, { email: "s@example.com", displayName: "S" });
    checkResponse("meeting", "PUT", "/meetingInvitees/{meetingInviteeId}", put.body);
    const bulk = await t.user.post("meetingInvitees/bulkInsert", {
      meetingId: m.id,
      items: [{ email: "b@example.com" }],
    });
    checkResponse("meeting", "POST", "/meetingInvitees/bulkInsert", bulk.body);
    checkResponse(
      "meeting",
      "GET",
      "/meetingInvitees",
      (await t.user.get(`meetingInvitees?${qs({ meetingId: m.id })}`)).body,
    );
  });
});
