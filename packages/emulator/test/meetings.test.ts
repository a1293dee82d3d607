import { describe, expect, it } from "vitest";
import { call, expectWebexError, qs, useEmulator } from "./helpers.js";
import { at, HOUR, MINUTE, schedule } from "./meeting-helpers.js";
import { checkResponse, checkSchema } from "./spec.js";

const t = useEmulator();
const now = () => t.emu.now();

describe("meetings: scheduling", () => {
  it("schedules a meeting with IDs, numbers, links, keys and passwords in the live formats", async () => {
    const start = at(now(), 24);
    const res = await t.user.post("meetings", { title: "Planning", agenda: "Q2", start, end: at(now(), 25) });
    expect(res.status).toBe(200);
    const m = res.body;
    expect(m).toMatchObject({
      title: "Planning",
      agenda: "Q2",
      meetingType: "meetingSeries",
      state: "active",
      scheduledType: "meeting",
      timezone: "UTC",
      hostUserId: t.emu.people.user.id,
      hostEmail: t.emu.people.user.emails[0],
      hostDisplayName: t.emu.people.user.displayName,
      siteUrl: "emulated.webex.com",
    });
    expect(m.id).toMatch(/^[0-9a-f]{32}$/);
    expect(m.meetingNumber).toMatch(/^2\d{10}$/);
    expect(m.webLink).toMatch(/^https:\/\/emulated\.webex\.com\/emulated\/j\.php\?MTID=m[0-9a-f]{32}$/);
    expect(m.sipAddress).toBe(`${m.meetingNumber}@emulated.webex.com`);
    expect(m.hostKey).toMatch(/^\d{6}$/);
    expect(m.password).toMatch(/^[A-Z][a-z][A-Z][a-z]{2}[@#$]\d{2}$/);
    expect(m.phoneAndVideoSystemPassword).toMatch(/^\d{8}$/);
    expect(m.telephony.accessCode).toBe(m.meetingNumber);
    expect(m.start).toBe(start.replace(/\.\d{3}Z$/, "Z"));
    expect(m.meetingOptions).toMatchObject({ enabledChat: true });
    expect((await t.user.get(`meetings/${m.id}`)).body).toEqual(m);
  });

  it("keeps times to the minute, in the zone of the timezone header", async () => {
    const base = Math.ceil((now() + 24 * HOUR) / HOUR) * HOUR;
    const m = (
      await t.user.post("meetings", {
        title: "Rounded",
        start: new Date(base + 42_123).toISOString(),
        end: new Date(base + HOUR + 59_000).toISOString(),
        timezone: "Asia/Shanghai",
      })
    ).body;
    expect(Date.parse(m.start)).toBe(base);
    expect(Date.parse(m.end)).toBe(base + HOUR);
    expect(m.timezone).toBe("Asia/Shanghai");
    const shanghai = await call(`${t.emu.url}meetings/${m.id}`, {
      token: t.emu.tokens.user,
      headers: { timezone: "Asia/Shanghai" },
    });
    expect(shanghai.body.start).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:00\+08:00$/);
    expect(Date.parse(shanghai.body.start)).toBe(base);
    const bad = await call(`${t.emu.url}meetings/${m.id}`, {
      token: t.emu.tokens.user,
      headers: { timezone: "Mars/Base" },
    });
    expectWebexError(bad, 400);
  });

  it("refuses what the service refuses, with 400 and the usual body", async () => {
    const ok = { title: "T", start: at(now(), 2), end: at(now(), 3) };
    const refused = [
      { ...ok, title: "" },
      { ...ok, title: "x".repeat(129) },
      { ...ok, title: 5 },
      { title: "T", end: ok.end },
      { ...ok, start: new Date(now() - HOUR).toISOString() },
      { ...ok, end: ok.start },
      { ...ok, end: new Date(Date.parse(ok.start) + 5 * MINUTE).toISOString() },
      { ...ok, end: new Date(Date.parse(ok.start) + 24 * HOUR).toISOString() },
      { ...ok, start: "tomorrow" },
      { ...ok, timezone: "Mars/Base" },
      { ...ok, recurrence: "FREQ=HOURLY" },
      { ...ok, recurrence: "FREQ=DAILY;COUNT=2;UNTIL=20300101T000000Z" },
      { ...ok, joinBeforeHostMinutes: 7 },
      { ...ok, scheduledType: "party" },
      { ...ok, unlockedMeetingJoinSecurity: "maybe" },
      { ...ok, integrationTags: ["a", "b", "c", "d"] },
      { ...ok, integrationTags: ["x".repeat(65)] },
      { ...ok, invitees: [{ email: "not-an-email" }] },
      { ...ok, invitees: [{ displayName: "No email" }] },
      { ...ok, meetingOptions: { enabledChat: "yes" } },
      { ...ok, recurrence: "FREQ=WEEKLY;COUNT=2", registration: { requireFirstName: true } },
      { ...ok, templateId: "nope" },
      { ...ok, siteUrl: "other.webex.com" },
      { ...ok, enabledLiveStream: true },
    ];
    for (const body of refused) {
      const res = await t.user.post("meetings", body);
      expectWebexError(res, 400);
    }
    expect((await t.user.get("meetings")).body.items).toEqual([]);
  });

  it("lets only admins schedule for someone else (hostEmail), and needs a token", async () => {
    const fields = { hostEmail: t.emu.people.admin.emails[0] };
    const res = await t.user.post("meetings", { title: "T", start: at(now(), 2), end: at(now(), 3), ...fields });
    expectWebexError(res, 403);
    const forUser = await schedule(t.admin, now(), 2, { hostEmail: t.emu.people.user.emails[0] });
    expect(forUser.hostUserId).toBe(t.emu.people.user.id);
    expect((await t.user.get(`meetings/${forUser.id}`)).status).toBe(200);
    expect((await call(`${t.emu.url}meetings`)).status).toBe(401);
  });
});

describe("meetings: series, scheduled meetings and instances", () => {
  it("gives a recurring series' scheduled meetings their own IDs, and the current one with current=true", async () => {
    const series = await schedule(t.user, now(), 24, { recurrence: "FREQ=DAILY;INTERVAL=1;COUNT=3" });
    const listed = await t.user.get(`meetings?${qs({ meetingSeriesId: series.id, meetingType: "scheduledMeeting" })}`);
    const items = listed.body.items;
    expect(items).toHaveLength(3);
    const day = 24 * HOUR;
    expect(items.map((m: { start: string }) => Date.parse(m.start) - Date.parse(series.start))).toEqual([
      0,
      day,
      2 * day,
    ]);
    for (const item of items) {
      expect(item).toMatchObject({ meetingType: "scheduledMeeting", meetingSeriesId: series.id, state: "scheduled" });
      expect(item.id).toBe(`${series.id}_${item.start.replace(/[-:]/g, "")}`);
      expect((await t.user.get(`meetings/${item.id}`)).body).toEqual(item);
    }
    const current = (await t.user.get(`meetings/${series.id}?current=true`)).body;
    expect(current).toMatchObject({ id: items[0].id, meetingType: "scheduledMeeting" });
    expect((await t.user.get(`meetings/${series.id}`)).body.meetingType).toBe("meetingSeries");
  });

  it("follows weekly days and keeps the wall-clock time across a DST change", async () => {
    t.emu.setTime("2030-03-05T00:00:00Z");
    const series = (
      await t.user.post("meetings", {
        title: "NY standup",
        start: "2030-03-08T09:00:00-05:00",
        end: "2030-03-08T09:15:00-05:00",
        timezone: "America/New_York",
        recurrence: "FREQ=DAILY;COUNT=4",
      })
    ).body;
    const list = await t.user.get(
      `meetings?${qs({ meetingSeriesId: series.id, meetingType: "scheduledMeeting", from: "2030-03-01", to: "2030-04-01" })}`,
    );
    expect(list.body.items.map((m: { start: string }) => m.start)).toEqual([
      "2030-03-08T14:00:00Z",
      "2030-03-09T14:00:00Z",
      "2030-03-10T13:00:00Z",
      "2030-03-11T13:00:00Z",
    ]);
    const weekly = (
      await t.user.post("meetings", {
        title: "Mon/Wed",
        start: "2030-03-11T10:00:00Z",
        end: "2030-03-11T11:00:00Z",
        recurrence: "FREQ=WEEKLY;BYDAY=MO,WE;COUNT=4",
      })
    ).body;
    const weeks = await t.user.get(
      `meetings?${qs({ meetingSeriesId: weekly.id, meetingType: "scheduledMeeting", from: "2030-03-01", to: "2030-04-01" })}`,
    );
    expect(weeks.body.items.map((m: { start: string }) => m.start.slice(0, 10))).toEqual([
      "2030-03-11",
      "2030-03-13",
      "2030-03-18",
      "2030-03-20",
    ]);
  });

  it("moves states with the emulator's clock: scheduled, ready, inProgress, ended, expired", async () => {
    const series = await schedule(t.user, now(), 1, { recurrence: "FREQ=DAILY;COUNT=2" });
    const scheduledId = `${series.id}_${series.start.replace(/[-:]/g, "")}`;
    const state = async (id: string) => (await t.user.get(`meetings/${id}`)).body.state;
    expect(await state(scheduledId)).toBe("scheduled");
    t.emu.advanceTime(57 * MINUTE);
    expect(await state(scheduledId)).toBe("ready");
    t.emu.advanceTime(10 * MINUTE);
    expect(await state(series.id)).toBe("inProgress");
    const running = (await t.user.get(`meetings?${qs({ meetingType: "meeting", meetingSeriesId: series.id })}`)).body
      .items;
    expect(running).toHaveLength(1);
    expect(running[0]).toMatchObject({ meetingType: "meeting", state: "inProgress", scheduledMeetingId: scheduledId });
    expect(running[0].id).toMatch(new RegExp(`^${series.id}_I_\\d{18}$`));
    expect(running[0].end).toBeUndefined();
    t.emu.advanceTime(HOUR);
    expect(await state(scheduledId)).toBe("ended");
    expect(await state(series.id)).toBe("active");
    const ended = (await t.user.get(`meetings/${running[0].id}`)).body;
    expect(ended).toMatchObject({ state: "ended", meetingType: "meeting" });
    expect(ended.meetingNumber).toBeUndefined();
    expect(ended.password).toBeUndefined();
    expect(ended.end).toBeDefined();
    t.emu.advanceTime(24 * HOUR);
    expect(await state(series.id)).toBe("expired");
    const all = await t.user.get(`meetings?${qs({ meetingType: "meeting", state: "ended" })}`);
    expect(all.body.items).toHaveLength(2);
  });

  it("updates a series whole with PUT, parts with PATCH, one scheduled meeting by its ID, and deletes", async () => {
    const series = await schedule(t.user, now(), 24, {
      agenda: "first",
      recurrence: "FREQ=DAILY;COUNT=3",
      reminderTime: 30,
    });
    expectWebexError(await t.user.put(`meetings/${series.id}`, { title: "No times" }), 400);
    const start = at(now(), 48);
    const put = await t.user.put(`meetings/${series.id}`, {
      title: "Final",
      start,
      end: at(now(), 49),
      recurrence: "FREQ=DAILY;COUNT=3",
    });
    expect(put.status).toBe(200);
    expect(put.body).toMatchObject({ title: "Final", meetingSeriesId: series.id, reminderTime: 10 });
    expect(put.body.agenda).toBeUndefined();
    const patched = await t.user.send("PATCH", `meetings/${series.id}`, { agenda: "second" });
    expect(patched.body).toMatchObject({ title: "Final", agenda: "second" });
    expect((await t.user.send("PATCH", `meetings/${series.id}`, { agenda: null })).body.agenda).toBeUndefined();
    expectWebexError(await t.user.send("PATCH", `meetings/${series.id}`, { title: null }), 400);

    const list = async () =>
      (await t.user.get(`meetings?${qs({ meetingSeriesId: series.id, meetingType: "scheduledMeeting" })}`)).body.items;
    const [first, second] = await list();
    const moved = await t.user.send("PATCH", `meetings/${second.id}`, { title: "Special" });
    expect(moved.body).toMatchObject({ id: second.id, title: "Special", isModified: true });
    expect((await t.user.get(`meetings/${first.id}`)).body).toMatchObject({ title: "Final", isModified: false });
    expect((await t.user.delete(`meetings/${first.id}`)).status).toBe(204);
    expect((await list()).map((m: { id: string }) => m.id)).not.toContain(first.id);
    expectWebexError(await t.user.delete(`meetings/${series.id}?sendEmail=maybe`), 400);
    expect((await t.user.delete(`meetings/${series.id}?sendEmail=false`)).status).toBe(204);
    expectWebexError(await t.user.get(`meetings/${series.id}`), 404);
    expectWebexError(await t.user.get(`meetings/${second.id}`), 404);
  });

  it("answers an instance that cannot be changed, an unknown meeting, and another's meeting as the service does", async () => {
    const series = await schedule(t.user, now(), 1);
    t.emu.advanceTime(90 * MINUTE);
    const [instance] = (await t.user.get(`meetings?${qs({ meetingType: "meeting" })}`)).body.items;
    expectWebexError(await t.user.send("PATCH", `meetings/${instance.id}`, { title: "x" }), 400);
    expectWebexError(await t.user.delete(`meetings/${instance.id}`), 400);
    expectWebexError(await t.user.get("meetings/0123456789abcdef0123456789abcdef"), 404);
    expectWebexError(await t.bot.get(`meetings/${series.id}`), 404);
  });
});

describe("meetings: who sees and changes them", () => {
  it("shows a meeting to its invitees, who may not change it (403); others get 404", async () => {
    const m = await schedule(t.user, now(), 24, { invitees: [{ email: t.emu.people.admin.emails[0] }] });
    expect((await t.admin.get(`meetings/${m.id}`)).status).toBe(200);
    expect((await t.admin.get("meetings")).body.items.map((i: { id: string }) => i.id)).toEqual([m.id]);
    expectWebexError(await t.admin.send("PATCH", `meetings/${m.id}`, { title: "Mine now" }), 403);
    expectWebexError(await t.admin.delete(`meetings/${m.id}`), 403);
    expectWebexError(await t.bot.send("PATCH", `meetings/${m.id}`, { title: "x" }), 404);
    expectWebexError(await t.user.get(`meetings?${qs({ hostEmail: t.emu.people.admin.emails[0] })}`), 403);
    const forUser = await t.admin.get(`meetings?${qs({ hostEmail: t.emu.people.user.emails[0] })}`);
    expect(forUser.body.items.map((i: { id: string }) => i.id)).toEqual([m.id]);
  });

  it("invites a room's members to its space meeting, and gives a room one ad-hoc meeting at a time", async () => {
    const room = (await t.user.post("rooms", { title: "Space" })).body;
    await t.user.post("memberships", { roomId: room.id, personId: t.emu.people.admin.id });
    const space = await schedule(t.user, now(), 24, { roomId: room.id });
    expect(space.roomId).toBe(room.id);
    const invitees = (await t.user.get(`meetingInvitees?${qs({ meetingId: space.id })}`)).body.items;
    expect(invitees).toEqual([expect.objectContaining({ email: t.emu.people.admin.emails[0], coHost: true })]);
    const adhoc = (await t.user.post("meetings", { adhoc: true, roomId: room.id })).body;
    expect(adhoc).toMatchObject({ roomId: room.id, title: t.emu.people.user.displayName });
    expect((await t.admin.post("meetings", { adhoc: true, roomId: room.id })).body.id).toBe(adhoc.id);
    expect((await t.user.get("meetings")).body.items.map((i: { id: string }) => i.id)).toEqual([space.id]);
    expectWebexError(await t.user.post("meetings", { adhoc: true }), 400);
    expectWebexError(await t.bot.post("meetings", { adhoc: true, roomId: room.id }), 404);
  });
});

describe("meetings: lists", () => {
  it("lists series in the next 7 days by default, paged (10 by default, at most 100)", async () => {
    for (let i = 0; i < 12; i++) await schedule(t.user, now(), 24 + i, { title: `M${i}` });
    await schedule(t.user, now(), 24 * 9, { title: "Later" });
    const first = await t.user.get("meetings");
    expect(first.body.items).toHaveLength(10);
    const next = /^<([^>]+)>; rel="next"$/.exec(first.headers.link ?? "")?.[1] as string;
    expect((await t.user.get(next)).body.items.map((m: { title: string }) => m.title)).toEqual(["M10", "M11"]);
    expect((await t.user.get("meetings?max=500")).body.items).toHaveLength(12);
    const later = await t.user.get(`meetings?${qs({ from: at(now(), 24 * 8), to: at(now(), 24 * 10) })}`);
    expect(later.body.items.map((m: { title: string }) => m.title)).toEqual(["Later"]);
    expectWebexError(await t.user.get(`meetings?${qs({ from: at(now(), 5), to: at(now(), 1) })}`), 400);
  });

  it("filters by meeting number, web link, scheduled type, integration tag and state", async () => {
    const plain = await schedule(t.user, now(), 24);
    const webinar = await schedule(t.user, now(), 30, { scheduledType: "webinar" });
    const tagged = await schedule(t.user, now(), 50, { integrationTags: ["CRM-7"] });
    const ids = async (query: Record<string, string>) =>
      (await t.user.get(`meetings?${qs(query)}`)).body.items.map(
        (m: { id: string; meetingSeriesId?: string }) => m.meetingSeriesId ?? m.id,
      );
    expect(await ids({ scheduledType: "webinar" })).toEqual([webinar.id]);
    expect(await ids({ integrationTag: "CRM-7" })).toEqual([tagged.id]);
    expect(await ids({ meetingNumber: plain.meetingNumber })).toEqual([plain.id]);
    expect(await ids({ webLink: plain.webLink, current: "false" })).toEqual([plain.id]);
    expect(await ids({ state: "expired" })).toEqual([]);
    expectWebexError(await t.user.get(`meetings?${qs({ meetingNumber: "1", webLink: "x" })}`), 400);
    expectWebexError(await t.user.get(`meetings?${qs({ meetingType: "party" })}`), 400);
  });

  it("shows a webinar's registration and panelist passwords", async () => {
    const webinar = await schedule(t.user, now(), 24, { scheduledType: "webinar" });
    expect(webinar).toMatchObject({
      scheduledType: "webinar",
      registration: expect.objectContaining({ requireEmail: true }),
    });
    expect(webinar.registerLink).toMatch(/^https:\/\/emulated\.webex\.com\/weblink\/register\/r[0-9a-f]{32}$/);
    expect(webinar.panelistPassword).toMatch(/^[A-Z][a-z][A-Z][a-z]{2}[@#$]\d{2}$/);
    expect(webinar.sessionTypeId).toBe(9);
    const meeting = await schedule(t.user, now(), 24);
    expect(meeting.registration).toBeUndefined();
    expect(meeting.panelistPassword).toBeUndefined();
  });
});

describe("meetings: the spec's response schemas", () => {
  it("answers create, get, list, PUT and PATCH in the documented shapes", async () => {
    const series = await schedule(t.user, now(), 1, {
      recurrence: "FREQ=DAILY;COUNT=2",
      invitees: [{ email: "guest@example.com" }],
      integrationTags: ["T-1"],
    });
    checkResponse("meeting", "POST", "/meetings", series);
    checkResponse("meeting", "GET", "/meetings/{meetingId}", (await t.user.get(`meetings/${series.id}`)).body);
    const webinar = await schedule(t.user, now(), 24, {
      scheduledType: "webinar",
      registration: { autoAcceptRequest: true },
    });
    checkSchema("meeting", "MeetingSeriesObject", webinar);
    checkResponse("meeting", "GET", "/meetings", (await t.user.get("meetings")).body);
    const scheduled = await t.user.get(
      `meetings?${qs({ meetingSeriesId: series.id, meetingType: "scheduledMeeting" })}`,
    );
    checkResponse("meeting", "GET", "/meetings", scheduled.body);
    checkSchema("meeting", "MeetingSeriesObject", (await t.user.get(`meetings/${series.id}?current=true`)).body);
    // The spec's descriptions leave out `end` of an instance in progress and `password` of an ended
    // one, which its schema lists as required: the emulator follows the descriptions, and the schema
    // is checked with just those filled back in.
    t.emu.advanceTime(150 * MINUTE);
    const instances = (await t.user.get(`meetings?${qs({ meetingType: "meeting" })}`)).body.items;
    expect(instances).toHaveLength(1);
    expect(instances[0].password).toBeUndefined();
    checkResponse("meeting", "GET", "/meetings", { items: [{ ...instances[0], password: "omitted" }] });
    const start = at(now(), 24);
    const put = await t.user.put(`meetings/${webinar.id}`, {
      title: "W",
      start,
      end: at(now(), 25),
      scheduledType: "webinar",
    });
    checkResponse("meeting", "PUT", "/meetings/{meetingId}", put.body);
    const patch = await t.user.send("PATCH", `meetings/${webinar.id}`, { agenda: "A" });
    checkResponse("meeting", "PATCH", "/meetings/{meetingId}", patch.body);
  });
});
