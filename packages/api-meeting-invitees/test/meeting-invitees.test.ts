import { ApiError, type Paginated } from "@wx/core";
import type { MeetingInvitee } from "@wx/models";
import { expect, expectTypeOf, it } from "vitest";
import { useEmulator } from "../../../testing/emulator-fixture.js";
import { MeetingInviteesApi } from "../src/index.js";

const { emu, session, sent, sessionFor } = await useEmulator();
const invitees = new MeetingInviteesApi(session);

const HOUR = 3600_000;
const scheduleMeeting = async (title = "Invites", fields: Record<string, unknown> = {}) => {
  const start = new Date(Math.ceil((Date.now() + 24 * HOUR) / 60_000) * 60_000);
  const end = new Date(start.getTime() + HOUR);
  const json = { title, start: start.toISOString(), end: end.toISOString(), ...fields };
  return session.request<{ id: string }>({ method: "POST", path: "meetings", json });
};

it("invites, reads, updates and removes one person", async () => {
  const meeting = await scheduleMeeting();
  const ada = await invitees.create({
    meetingId: meeting.id,
    email: "ada@example.com",
    displayName: "Ada",
    sendEmail: false,
  });
  expect(ada).toMatchObject({ meetingId: meeting.id, email: "ada@example.com", displayName: "Ada", coHost: false });
  expect(ada.id).toMatch(new RegExp(`^${meeting.id}_\\d+$`));
  expect(await invitees.get(ada.id)).toEqual(ada);

  const updated = await invitees.update(ada.id, { email: "ada@example.com", coHost: true });
  expect(updated).toMatchObject({ id: ada.id, coHost: true });
  expect(sent.at(-1)).toMatch(/^PUT .*\/v1\/meetingInvitees\/[^/]+$/);

  await invitees.delete(ada.id, { sendEmail: false });
  expect(sent.at(-1)).toMatch(/^DELETE .*\/v1\/meetingInvitees\/[^/?]+\?sendEmail=false$/);
  await expect(invitees.get(ada.id)).rejects.toMatchObject({ status: 404 });
});

it("invites many at once with the bulk insert and lists them by email, across pages", async () => {
  const meeting = await scheduleMeeting("Bulk");
  const items = Array.from({ length: 12 }, (_, i) => ({ email: `p${String(i).padStart(2, "0")}@example.com` }));
  const created = await invitees.createMany({ meetingId: meeting.id, items });
  expect(created.map((invitee) => invitee.email)).toEqual(items.map((item) => item.email));
  expect(sent.at(-1)).toMatch(/^POST .*\/v1\/meetingInvitees\/bulkInsert$/);

  const sizes: number[] = [];
  for await (const page of invitees.list({ meetingId: meeting.id, max: 5 }).pages()) sizes.push(page.items.length);
  expect(sizes).toEqual([5, 5, 2]);
  const listed = await invitees.list({ meetingId: meeting.id }).toArray();
  expect(listed.map((invitee) => invitee.email)).toEqual(items.map((item) => item.email));
  expect(sent.at(-1)).toMatch(/meetingInvitees\?max=100&meetingId=/);
});

it("answers an invitee already invited with 409, an unknown meeting and another host's with 404", async () => {
  const meeting = await scheduleMeeting("Errors");
  await invitees.create({ meetingId: meeting.id, email: "twice@example.com" });
  const again = await invitees.create({ meetingId: meeting.id, email: "twice@example.com" }).catch((e: unknown) => e);
  expect(again).toBeInstanceOf(ApiError);
  expect(again).toMatchObject({ status: 409 });
  await expect(
    invitees.create({ meetingId: "0123456789abcdef0123456789abcdef", email: "a@example.com" }),
  ).rejects.toMatchObject({
    status: 404,
  });
  const outsider = new MeetingInviteesApi(sessionFor(emu.tokens.bot));
  const error = await outsider
    .list({ meetingId: meeting.id })
    .toArray()
    .catch((e: unknown) => e);
  expect(error).toMatchObject({ status: 404 });
});

it("checks arguments before sending anything", async () => {
  const before = emu.requests.length;
  await expect(invitees.createMany({ meetingId: "M", items: [] })).rejects.toMatchObject({ argument: "items" });
  expect(() => invitees.list({ meetingId: "" })).toThrow(expect.objectContaining({ argument: "meetingId" }));
  await expect(invitees.get("..")).rejects.toMatchObject({ argument: "meetingInviteeId" });
  expect(emu.requests.length).toBe(before);
});

it("types results as invitees", () => {
  expectTypeOf(invitees.list({ meetingId: "M" })).toEqualTypeOf<Paginated<MeetingInvitee>>();
  expectTypeOf(invitees.createMany).returns.resolves.toEqualTypeOf<MeetingInvitee[]>();
});
