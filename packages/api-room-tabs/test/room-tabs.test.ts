import { ApiError, type Paginated, ValidationError } from "@wx/core";
import type { RoomTab } from "@wx/models";
import { expect, expectTypeOf, it } from "vitest";
import { useEmulator } from "../../../testing/emulator-fixture.js";
import { RoomTabsApi } from "../src/index.js";

const { emu, session, sent, sessionFor } = await useEmulator();
const tabs = new RoomTabsApi(session);

const newRoom = async (title = "Tabs") =>
  (await session.request<{ id: string }>({ method: "POST", path: "rooms", json: { title } })).id;

it("creates, reads, updates and deletes a room tab", async () => {
  const roomId = await newRoom();
  const tab = await tabs.create({ roomId, contentUrl: "https://example.com/board", displayName: "Board" });
  expect(tab).toMatchObject({
    roomId,
    roomType: "group",
    contentUrl: "https://example.com/board",
    displayName: "Board",
    creatorId: emu.people.user.id,
    created: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
  });
  expect(sent.at(-1)).toMatch(/^POST .*\/v1\/room\/tabs$/);
  expect(await tabs.get(tab.id)).toEqual(tab);

  const updated = await tabs.update(tab.id, { roomId, contentUrl: "https://example.com/wiki", displayName: "Wiki" });
  expect(updated).toMatchObject({ id: tab.id, contentUrl: "https://example.com/wiki", displayName: "Wiki" });
  expect(sent.at(-1)).toMatch(/^PUT .*\/v1\/room\/tabs\/[^/]+$/);
  expect(await tabs.get(tab.id)).toMatchObject({ displayName: "Wiki" });

  await tabs.delete(tab.id);
  expect(sent.at(-1)).toMatch(/^DELETE .*\/v1\/room\/tabs\/[^/]+$/);
  await expect(tabs.get(tab.id)).rejects.toMatchObject({ status: 404 });
});

it("lists the tabs of one room only, by roomId", async () => {
  const roomId = await newRoom("With tabs");
  const other = await newRoom("Other");
  const names = ["A", "B", "C"];
  for (const displayName of names)
    await tabs.create({ roomId, contentUrl: `https://example.com/${displayName}`, displayName });
  await tabs.create({ roomId: other, contentUrl: "https://example.com/x", displayName: "X" });

  const listed = await tabs.list({ roomId }).toArray();
  expect(listed.map((tab) => tab.displayName).sort()).toEqual(names);
  expect(listed.every((tab) => tab.roomId === roomId)).toBe(true);
  expect(sent.at(-1)).toMatch(/^GET .*\/v1\/room\/tabs\?roomId=[^&]+$/);
  expect(await tabs.list({ roomId: other }).toArray()).toHaveLength(1);
});

it("pages through a room's tabs (the service takes max, though the spec lists none)", async () => {
  const roomId = await newRoom("Many tabs");
  for (let i = 0; i < 5; i++)
    await tabs.create({ roomId, contentUrl: `https://example.com/${i}`, displayName: `T${i}` });
  const sizes: number[] = [];
  for await (const page of tabs.list({ roomId, max: 2 }).pages()) sizes.push(page.items.length);
  expect(sizes).toEqual([2, 2, 1]);
  expect(sent.at(-1)).toMatch(/room\/tabs\?.*max=2/);
});

it("lets only moderators change the tabs of a locked room (403 for other members)", async () => {
  const admin = sessionFor(emu.tokens.admin);
  const room = await admin.request<{ id: string }>({
    method: "POST",
    path: "rooms",
    json: { title: "Locked", isLocked: true },
  });
  await admin.request({ method: "POST", path: "memberships", json: { roomId: room.id, personId: emu.people.user.id } });
  const moderatorTab = await new RoomTabsApi(admin).create({
    roomId: room.id,
    contentUrl: "https://example.com/rules",
    displayName: "Rules",
  });
  expect((await tabs.list({ roomId: room.id }).toArray()).map((tab) => tab.id)).toEqual([moderatorTab.id]);
  const refused = await tabs
    .create({ roomId: room.id, contentUrl: "https://example.com/mine", displayName: "Mine" })
    .catch((e: unknown) => e);
  expect(refused).toBeInstanceOf(ApiError);
  expect((refused as ApiError).status).toBe(403);
  await expect(tabs.delete(moderatorTab.id)).rejects.toMatchObject({ status: 403 });
});

it("answers a tab in a room the caller is not in, or an unknown one, with the API's errors", async () => {
  const roomId = await newRoom("Private");
  const tab = await tabs.create({ roomId, contentUrl: "https://example.com/p", displayName: "P" });
  const outsider = new RoomTabsApi(sessionFor(emu.tokens.bot));
  const error = await outsider.get(tab.id).catch((e: unknown) => e);
  // as for rooms, a tab the caller may not see does not exist for them
  expect(error).toBeInstanceOf(ApiError);
  expect(error).toMatchObject({ status: 404, message: expect.stringMatching(/tab/i) });
  await expect(outsider.list({ roomId }).toArray()).rejects.toMatchObject({ status: 404 });
  const unknown = await tabs.get("Y2lzY29zcGFyazovL3VzL1RBQi9ub25l").catch((e: unknown) => e);
  expect(unknown).toMatchObject({ status: 404 });
  expect((unknown as ApiError).trackingId).toBeTruthy();
});

it("reports a tab for a room that does not exist as the room's 404", async () => {
  const error = await tabs
    .create({ roomId: "Y2lzY29zcGFyazovL3VzL1JPT00vbm9uZQ", contentUrl: "https://example.com", displayName: "N" })
    .catch((e: unknown) => e);
  expect(error).toBeInstanceOf(ApiError);
  expect(error).toMatchObject({ status: 404, message: expect.stringMatching(/room/i) });
});

it("checks room, URL, name and ids before sending anything", async () => {
  const before = emu.requests.length;
  const ok = { roomId: "R", contentUrl: "https://example.com", displayName: "D" };
  // @ts-expect-error roomId is required
  expect(() => tabs.list({})).toThrow(expect.objectContaining({ argument: "roomId" }));
  // @ts-expect-error the filters are required
  expect(() => tabs.list()).toThrow(ValidationError);
  // @ts-expect-error displayName is required
  await expect(tabs.create({ roomId: "R", contentUrl: "https://example.com" })).rejects.toMatchObject({
    argument: "displayName",
  });
  await expect(tabs.create({ ...ok, roomId: "" })).rejects.toMatchObject({ argument: "roomId" });
  await expect(tabs.create({ ...ok, contentUrl: "http://example.com" })).rejects.toThrow(
    /contentUrl must be an https URL/,
  );
  await expect(tabs.create({ ...ok, contentUrl: "not a url" })).rejects.toMatchObject({ argument: "contentUrl" });
  await expect(tabs.update("", ok)).rejects.toMatchObject({ argument: "roomTabId" });
  await expect(tabs.update("T", { ...ok, displayName: " " })).rejects.toMatchObject({ argument: "displayName" });
  await expect(tabs.get("..")).rejects.toBeInstanceOf(ValidationError);
  await expect(tabs.delete("")).rejects.toMatchObject({ argument: "roomTabId" });
  expect(emu.requests.length).toBe(before);
});

it("types results as room tabs", () => {
  expectTypeOf(tabs.list({ roomId: "R" })).toEqualTypeOf<Paginated<RoomTab>>();
  expectTypeOf(tabs.get).returns.resolves.toEqualTypeOf<RoomTab>();
  expectTypeOf(tabs.update).returns.resolves.toEqualTypeOf<RoomTab>();
});
