import { describe, expect, it } from "vitest";
import { expectWebexError, qs, useEmulator } from "./helpers.js";
import { schedule } from "./meeting-helpers.js";
import { checkResponse, checkSchema } from "./spec.js";

const t = useEmulator();
const webinar = (registration: Record<string, unknown> = {}) =>
  schedule(t.user, t.emu.now(), 24, { scheduledType: "webinar", registration });
const person = (name: string, more: Record<string, unknown> = {}) => ({
  firstName: name,
  lastName: "Test",
  email: `${name.toLowerCase()}@example.com`,
  ...more,
});
const registrants = (id: string) => `meetings/${id}/registrants`;

describe("meeting registrants", () => {
  it("registers, reads and deletes a registrant; auto-accept approves at once", async () => {
    const w = await webinar({ autoAcceptRequest: true });
    const created = await t.user.post(registrants(w.id), person("Ada", { jobTitle: "Engineer", sendEmail: false }));
    expect(created.status).toBe(200);
    expect(created.body).toMatchObject({ ...person("Ada", { jobTitle: "Engineer" }), status: "approved" });
    expect(created.body.sendEmail).toBeUndefined();
    expect(created.body.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(created.body.registrationId).toMatch(/^\d{6}$/);
    expect(created.body.registrationTime).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    expect((await t.user.get(`${registrants(w.id)}/${created.body.id}`)).body).toEqual(created.body);
    expect((await t.user.delete(`${registrants(w.id)}/${created.body.id}`)).status).toBe(204);
    expectWebexError(await t.user.get(`${registrants(w.id)}/${created.body.id}`), 404);
  });

  it("registers in bulk, lists with paging and an email filter, and queries by emails", async () => {
    const w = await webinar({ autoAcceptRequest: true });
    const items = Array.from({ length: 12 }, (_, i) => person(`P${String(i).padStart(2, "0")}`));
    const bulk = await t.user.post(`${registrants(w.id)}/bulkInsert`, { items });
    expect(bulk.body.items.map((r: { email: string }) => r.email)).toEqual(items.map((i) => i.email));
    const first = await t.user.get(registrants(w.id));
    expect(first.body.items).toHaveLength(10);
    const next = /^<([^>]+)>; rel="next"$/.exec(first.headers.link ?? "")?.[1] as string;
    expect((await t.user.get(next)).body.items).toHaveLength(2);
    expect((await t.user.get(`${registrants(w.id)}?${qs({ email: "p03@example.com" })}`)).body.items).toHaveLength(1);
    const queried = await t.user.post(`${registrants(w.id)}/query`, {
      emails: ["p01@example.com", "p02@example.com"],
      orderBy: "email",
      orderType: "DESC",
    });
    expect(queried.body.items.map((r: { email: string }) => r.email)).toEqual(["p02@example.com", "p01@example.com"]);
    expectWebexError(await t.user.post(`${registrants(w.id)}/query`, {}), 400);
  });

  it("approves, rejects and cancels, which changes their status; cancelled ones are gone", async () => {
    const w = await webinar();
    const [a, b, c, d] = (
      await t.user.post(`${registrants(w.id)}/bulkInsert`, {
        items: [person("A"), person("B"), person("C"), person("D")],
      })
    ).body.items;
    expect([a.status, b.status, c.status]).toEqual(["pending", "pending", "pending"]);
    const status = async (id: string) => (await t.user.get(`${registrants(w.id)}/${id}`)).body.status;
    expect(
      (await t.user.post(`${registrants(w.id)}/approve`, { registrants: [{ id: a.id }, { id: b.id }] })).status,
    ).toBe(204);
    expect(await status(a.id)).toBe("approved");
    await t.user.post(`${registrants(w.id)}/reject`, { sendEmail: false, registrants: [{ id: b.id }] });
    expect(await status(b.id)).toBe("rejected");
    await t.user.post(`${registrants(w.id)}/cancel`, { registrants: [{ id: c.id }] });
    expectWebexError(await t.user.get(`${registrants(w.id)}/${c.id}`), 404);
    await t.user.post(`${registrants(w.id)}/bulkDelete`, { registrants: [{ id: d.id }] });
    const left = (await t.user.get(registrants(w.id))).body.items.map((r: { id: string }) => r.id);
    expect(left).toEqual([a.id, b.id]);
    expectWebexError(await t.user.post(`${registrants(w.id)}/approve`, { registrants: [] }), 400);
    expectWebexError(await t.user.post(`${registrants(w.id)}/approve`, { registrants: [{ id: "nope" }] }), 404);
  });

  it("takes registration only for webinars and meetings that enable it (400 otherwise)", async () => {
    const plain = await schedule(t.user, t.emu.now(), 24);
    expectWebexError(await t.user.post(registrants(plain.id), person("Ada")), 400);
    expectWebexError(await t.user.get(registrants(plain.id)), 400);
    const withRegistration = await schedule(t.user, t.emu.now(), 24, { registration: { autoAcceptRequest: true } });
    expect((await t.user.post(registrants(withRegistration.id), person("Ada"))).body.status).toBe("approved");
    const series = await schedule(t.user, t.emu.now(), 24, {
      scheduledType: "webinar",
      recurrence: "FREQ=DAILY;COUNT=2",
    });
    const [occurrence] = (
      await t.user.get(`meetings?${qs({ meetingSeriesId: series.id, meetingType: "scheduledMeeting" })}`)
    ).body.items;
    expectWebexError(await t.user.post(registrants(occurrence.id), person("Ada")), 400);
  });

  it("checks the form the registration settings ask for, one registration per email, and the limit", async () => {
    const w = await webinar({ requireJobTitle: true, maxRegisterNum: 2 });
    expectWebexError(await t.user.post(registrants(w.id), person("Ada")), 400);
    expectWebexError(await t.user.post(registrants(w.id), { firstName: "No", lastName: "Email" }), 400);
    expectWebexError(await t.user.post(registrants(w.id), person("Bad", { email: "bad" })), 400);
    expect((await t.user.post(registrants(w.id), person("Ada", { jobTitle: "CTO" }))).status).toBe(200);
    expectWebexError(await t.user.post(registrants(w.id), person("Ada", { jobTitle: "CTO" })), 409);
    expect((await t.user.post(registrants(w.id), person("Bo", { jobTitle: "CFO" }))).status).toBe(200);
    expectWebexError(await t.user.post(registrants(w.id), person("Cy", { jobTitle: "CIO" })), 409);
  });

  it("lets the host and cohosts manage registrants: invitees get 403, others 404", async () => {
    const w = await schedule(t.user, t.emu.now(), 24, {
      scheduledType: "webinar",
      invitees: [{ email: t.emu.people.admin.emails[0] }],
    });
    expectWebexError(await t.admin.get(registrants(w.id)), 403);
    expectWebexError(await t.bot.get(registrants(w.id)), 404);
    expectWebexError(await t.user.get(registrants("0123456789abcdef0123456789abcdef")), 404);
    await t.user.post("meetingInvitees", { meetingId: w.id, email: "cohost@example.com", coHost: true });
    const { token } = t.emu.addPerson({ displayName: "Co Host", email: "cohost@example.com" });
    const res = await fetch(`${t.emu.url}${registrants(w.id)}`, { headers: { authorization: `Bearer ${token}` } });
    expect(res.status).toBe(200);
  });

  it("answers in the spec's schemas", async () => {
    const w = await webinar();
    const one = await t.user.post(registrants(w.id), person("Ada", { zipCode: 12345, customizedQuestions: [] }));
    checkResponse("meeting", "POST", "/meetings/{meetingId}/registrants", one.body);
    checkSchema("meeting", "Registrant", (await t.user.get(`${registrants(w.id)}/${one.body.id}`)).body);
    const bulk = await t.user.post(`${registrants(w.id)}/bulkInsert`, { items: [person("Bo")] });
    checkResponse("meeting", "POST", "/meetings/{meetingId}/registrants/bulkInsert", bulk.body);
    checkResponse("meeting", "GET", "/meetings/{meetingId}/registrants", (await t.user.get(registrants(w.id))).body);
    const queried = await t.user.post(`${registrants(w.id)}/query`, { emails: ["bo@example.com"] });
    checkResponse("meeting", "POST", "/meetings/{meetingId}/registrants/query", queried.body);
  });
});
