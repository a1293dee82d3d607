import { ApiError } from "@wx/core";
import type { WebexRoutes } from "@wx/openapi";
import { WebexClient } from "@wx/sdk";
import { afterAll, expect, it } from "vitest";
import { useEmulator } from "../../../testing/emulator-fixture.js";

// The registration a user writes (see packages/core/README.md), against the built @wx/core.
declare module "@wx/core" {
  interface Routes extends WebexRoutes {}
}

const { emu, session } = await useEmulator({ reset: false });
const wx = new WebexClient({ accessToken: emu.tokens.user, baseUrl: emu.url });
afterAll(() => wx.close());

const start = new Date(Math.ceil((Date.now() + 24 * 3600_000) / 60_000) * 60_000);
const end = new Date(start.getTime() + 1800_000);

it("GET with a path parameter gives what the wrapper gives, and encodes one that needs it as the wrapper does", async () => {
  const room = await wx.rooms.create({ title: "Route strings" });
  const info = await session.request("GET /rooms/{roomId}/meetingInfo", { roomId: room.id });
  expect(info).toEqual(await wx.rooms.getMeetingInfo(room.id));
  expect(info.meetingLink).toMatch(/^https:/);

  const odd = "not/a room?";
  const byRoute: ApiError = await session.request("GET /rooms/{roomId}/meetingInfo", { roomId: odd }).catch((e) => e);
  const byWrapper: ApiError = await wx.rooms.getMeetingInfo(odd).catch((e) => e);
  expect(byRoute).toBeInstanceOf(ApiError);
  expect(byRoute.request.url).toBe(`${emu.url.replace(/\/?$/, "/")}rooms/not%2Fa%20room%3F/meetingInfo`);
  expect([byRoute.status, byRoute.request.url]).toEqual([byWrapper.status, byWrapper.request.url]);
});

it("POST with a body creates what the wrapper reads back, and reads back what the wrapper created", async () => {
  const created = await session.request("POST /meetings", {
    body: { title: "By route", start: start.toISOString(), end: end.toISOString() },
  });
  expect(created.title).toBe("By route");
  expect(await wx.meetings.get(created.id)).toEqual(
    await session.request("GET /meetings/{meetingId}", { meetingId: created.id }),
  );

  const wrapped = await wx.meetings.create({ title: "By wrapper", start, end });
  expect(await session.request("GET /meetings/{meetingId}", { meetingId: wrapped.id })).toEqual(
    await wx.meetings.get(wrapped.id),
  );
});

it("paginate walks a list route page by page to the same items as the wrapper", async () => {
  const meeting = await wx.meetings.create({ title: "Invitees", start, end });
  for (const email of ["a@example.com", "b@example.com", "c@example.com"]) {
    await wx.meetingInvitees.create({ meetingId: meeting.id, email });
  }
  const list = session.paginate("GET /meetingInvitees", { meetingId: meeting.id, max: 2 });
  const pages = [];
  for await (const page of list.pages()) pages.push(page.items.length);
  expect(pages).toEqual([2, 1]);
  const items = await list.toArray();
  expect(items.map((invitee) => invitee.email)).toEqual(["a@example.com", "b@example.com", "c@example.com"]);
  expect(items).toEqual(await wx.meetingInvitees.list({ meetingId: meeting.id, max: 2 }).toArray());
});
