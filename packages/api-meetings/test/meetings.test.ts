import { ApiError, type Paginated } from "@wx/core";
import type { Meeting } from "@wx/models";
import { expect, expectTypeOf, it } from "vitest";
import { useEmulator } from "../../../testing/emulator-fixture.js";
import { MeetingsApi } from "../src/index.js";

const { emu, session, sent, sessionFor } = await useEmulator();
const meetings = new MeetingsApi(session);

const HOUR = 3600_000;
/** A time `hours` from now on a whole minute (the service keeps meeting times to the minute). */
const inHours = (hours: number) => new Date(Math.ceil((Date.now() + hours * HOUR) / 60_000) * 60_000);
const schedule = (title: string, hours = 24, fields = {}) =>
  meetings.create({ title, start: inHours(hours), end: inHours(hours + 1), ...fields });

it("schedules a meeting in the live formats and reads it back", async () => {
  const start = inHours(24);
  const meeting = await meetings.create({
    title: "Planning",
    agenda: "Q2",
    start,
    end: new Date(start.getTime() + HOUR).toISOString(),
    timezone: "UTC",
    integrationTags: ["JIRA-1"],
  });
  expect(meeting).toMatchObject({
    id: expect.stringMatching(/^[0-9a-f]{32}$/),
    meetingNumber: expect.stringMatching(/^\d{9,11}$/),
    title: "Planning",
    agenda: "Q2",
    meetingType: "meetingSeries",
    state: "active",
    scheduledType: "meeting",
    timezone: "UTC",
    hostEmail: emu.people.user.emails[0],
    hostUserId: emu.people.user.id,
    webLink: expect.stringMatching(/^https:\/\//),
    sipAddress: expect.stringContaining("@"),
    hostKey: expect.stringMatching(/^\d+$/),
    password: expect.any(String),
    integrationTags: ["JIRA-1"],
  });
  expect(Date.parse(meeting.start)).toBe(start.getTime());
  expect(Date.parse(meeting.end)).toBe(start.getTime() + HOUR);
  expect(sent.at(-1)).toMatch(/^POST .*\/v1\/meetings$/);
  expect(await meetings.get(meeting.id)).toMatchObject({ id: meeting.id, title: "Planning" });
});

it("updates a meeting whole (PUT), patches parts of it (PATCH), clears its agenda and deletes it", async () => {
  const meeting = await schedule("Draft", 24, { agenda: "first" });
  const start = inHours(48);
  const updated = await meetings.update(meeting.id, { title: "Final", start, end: new Date(start.getTime() + HOUR) });
  expect(updated).toMatchObject({ title: "Final" });
  expect(Date.parse(updated.start)).toBe(start.getTime());
  expect(sent.at(-1)).toMatch(/^PUT .*\/v1\/meetings\/[0-9a-f]+$/);

  const patched = await meetings.patch(meeting.id, { agenda: "second" });
  expect(patched).toMatchObject({ title: "Final", agenda: "second" });
  expect(sent.at(-1)).toMatch(/^PATCH .*\/v1\/meetings\/[0-9a-f]+$/);
  const cleared = await meetings.patch(meeting.id, { agenda: null });
  expect(cleared.agenda).toBeUndefined();

  await meetings.delete(meeting.id, { sendEmail: false });
  expect(sent.at(-1)).toMatch(/^DELETE .*\/v1\/meetings\/[0-9a-f]+\?sendEmail=false$/);
  await expect(meetings.get(meeting.id)).rejects.toMatchObject({ status: 404 });
});

it("creates a webinar and an ad-hoc meeting of a space (no times needed)", async () => {
  const webinar = await schedule("Launch", 24, { scheduledType: "webinar", joinBeforeHostMinutes: 30 });
  expect(webinar).toMatchObject({ scheduledType: "webinar", registration: expect.any(Object) });
  const room = await session.request<{ id: string }>({ method: "POST", path: "rooms", json: { title: "Huddle" } });
  const adhoc = await meetings.create({ adhoc: true, roomId: room.id });
  expect(adhoc).toMatchObject({ roomId: room.id, title: emu.people.user.displayName });
  expect(await meetings.create({ adhoc: true, roomId: room.id })).toMatchObject({ id: adhoc.id });
});

it("lists meeting series past several pages, in pages of 100 by default", async () => {
  for (let i = 0; i < 12; i++) await schedule(`Meeting ${i}`, 24 + i);
  const sizes: number[] = [];
  for await (const page of meetings.list({ max: 5 }).pages()) sizes.push(page.items.length);
  expect(sizes).toEqual([5, 5, 2]);
  expect(await meetings.list().toArray()).toHaveLength(12);
  expect(sent.at(-1)).toMatch(/^GET .*\/v1\/meetings\?max=100$/);
});

it("filters by scheduled type, time range and integration tag", async () => {
  const webinar = await schedule("Launch", 30, { scheduledType: "webinar" });
  const tagged = await schedule("Tagged", 50, { integrationTags: ["CRM-7"] });
  await schedule("Plain", 100);

  const webinars = await meetings.list({ scheduledType: "webinar" }).toArray();
  expect(webinars.map((m) => m.id)).toEqual([webinar.id]);
  const byTag = await meetings.list({ integrationTag: "CRM-7" }).toArray();
  expect(byTag.map((m) => m.id)).toEqual([tagged.id]);
  const soon = await meetings.list({ from: inHours(20), to: inHours(60) }).toArray();
  expect(soon.map((m) => m.title).sort()).toEqual(["Launch", "Tagged"]);
});

it("gives a recurring series' occurrences as scheduled meetings, and the current one on get", async () => {
  const series = await schedule("Standup", 24, { recurrence: "FREQ=DAILY;INTERVAL=1;COUNT=3" });
  const occurrences = await meetings.list({ meetingSeriesId: series.id, meetingType: "scheduledMeeting" }).toArray();
  expect(occurrences).toHaveLength(3);
  expect(occurrences.every((m) => m.meetingType === "scheduledMeeting" && m.meetingSeriesId === series.id)).toBe(true);
  expect(occurrences[0]?.id).toMatch(new RegExp(`^${series.id}_\\d{8}T\\d{6}Z$`));
  const current = await meetings.get(series.id, { current: true });
  expect(current).toMatchObject({ meetingType: "scheduledMeeting", meetingSeriesId: series.id });
});

it("moves a meeting's state with the emulator's clock", async () => {
  const meeting = await schedule("Soon", 1);
  const [occurrence] = await meetings.list({ meetingSeriesId: meeting.id, meetingType: "scheduledMeeting" }).toArray();
  expect(occurrence?.state).toBe("scheduled");
  emu.advanceTime(3 * HOUR);
  const later = await meetings.get(meeting.id);
  expect(["ended", "expired"]).toContain(later.state);
});

it("answers registration on a meeting that cannot take it with the service's 400", async () => {
  const error = await schedule("Recurring with registration", 24, {
    recurrence: "FREQ=WEEKLY;COUNT=2",
    registration: { requireFirstName: true },
  }).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(ApiError);
  expect((error as ApiError).status).toBe(400);
  expect((error as ApiError).trackingId).toBeTruthy();
});

it("reports an unknown meeting and another user's as 404, a bad token as 401", async () => {
  await expect(meetings.get("0123456789abcdef0123456789abcdef")).rejects.toMatchObject({ status: 404 });
  const mine = await schedule("Private");
  const error = await new MeetingsApi(sessionFor(emu.tokens.bot)).get(mine.id).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(ApiError);
  expect(error).toMatchObject({ status: 404 });
  const stranger = new MeetingsApi(sessionFor("not-a-token"));
  await expect(stranger.list().toArray()).rejects.toMatchObject({ status: 401 });
});

it("lets an invitee see a meeting but not change it (403), and an admin act for the host with hostEmail", async () => {
  const bot = emu.people.bot.emails[0] as string;
  const meeting = await schedule("Invited", 24, { invitees: [{ email: bot }] });
  const asInvitee = new MeetingsApi(sessionFor(emu.tokens.bot));
  expect((await asInvitee.get(meeting.id)).title).toBe("Invited");
  await expect(asInvitee.patch(meeting.id, { title: "Mine now" })).rejects.toMatchObject({ status: 403 });
  const asAdmin = new MeetingsApi(sessionFor(emu.tokens.admin));
  const host = emu.people.user.emails[0] as string;
  const listed = await asAdmin.list({ hostEmail: host }).toArray();
  expect(listed.map((m) => m.id)).toEqual([meeting.id]);
  expect((await asAdmin.get(meeting.id, { hostEmail: host })).id).toBe(meeting.id);
});

it("writes times in the zone of the timezone header", async () => {
  const meeting = await schedule("Tokyo time");
  const inTokyo = await meetings.get(meeting.id, { timezone: "Asia/Tokyo" });
  expect(inTokyo.start).toMatch(/\+09:00$/);
  expect(Date.parse(inTokyo.start)).toBe(Date.parse(meeting.start));
  await expect(meetings.get(meeting.id, { timezone: "Mars/Olympus" })).rejects.toMatchObject({ status: 400 });
});

it("checks arguments before sending anything", async () => {
  const before = emu.requests.length;
  await expect(meetings.create({ title: "T", start: inHours(2), end: inHours(1) })).rejects.toMatchObject({
    argument: "end",
  });
  expect(() => meetings.list({ meetingNumber: "1", webLink: "https://x" })).toThrow(/exclude each other/);
  await expect(meetings.patch("M", {})).rejects.toMatchObject({ argument: "fields" });
  await expect(meetings.list({ max: 500 }).toArray()).rejects.toMatchObject({ argument: "max" });
  expect(emu.requests.length).toBe(before);
});

it("types results as meetings", () => {
  expectTypeOf(meetings.list()).toEqualTypeOf<Paginated<Meeting>>();
  expectTypeOf(meetings.get).returns.resolves.toEqualTypeOf<Meeting>();
  expectTypeOf(meetings.patch).returns.resolves.toEqualTypeOf<Meeting>();
});
