import { ApiError, type Paginated, ValidationError } from "@wx/core";
import type { Room, RoomMeetingInfo } from "@wx/models";
import { expect, expectTypeOf, it } from "vitest";
import { useEmulator } from "../../../testing/emulator-fixture.js";
import { RoomsApi } from "../src/index.js";

const { emu, session, sent } = await useEmulator();
const rooms = new RoomsApi(session);

it("creates, reads, updates and deletes a room", async () => {
  const room = await rooms.create({ title: "Project" });
  expect(room).toMatchObject({ title: "Project", type: "group", isLocked: false, creatorId: emu.people.user.id });
  expect(await rooms.get(room.id)).toMatchObject({ id: room.id, title: "Project" });

  const updated = await rooms.update(room.id, { title: "Project X", description: "Secret", isLocked: true });
  expect(updated).toMatchObject({ id: room.id, title: "Project X", description: "Secret", isLocked: true });
  expect(await rooms.get(room.id)).toMatchObject({ title: "Project X", isLocked: true });

  await rooms.delete(room.id);
  await expect(rooms.get(room.id)).rejects.toMatchObject({ status: 404 });
});

it("stores every creation option the service takes (the Python SDK 1.7 drops them)", async () => {
  const room = await rooms.create({
    title: "Announcements",
    isLocked: true,
    isPublic: true,
    description: "Company news",
    isAnnouncementOnly: true,
  });
  const stored = await rooms.get(room.id);
  expect(stored).toMatchObject({
    isLocked: true,
    isPublic: true,
    description: "Company news",
    isAnnouncementOnly: true,
  });
  expect(stored.madePublic).toEqual(expect.any(String));
});

it("gets a room's meeting details", async () => {
  const room = await rooms.create({ title: "Meet here" });
  const info = await rooms.getMeetingInfo(room.id);
  expect(info).toMatchObject({
    roomId: room.id,
    meetingLink: expect.stringMatching(/^https:\/\//),
    sipAddress: expect.stringContaining("@"),
    meetingNumber: expect.any(String),
  });
  expect(sent.at(-1)).toMatch(/^GET .*\/v1\/rooms\/[^/]+\/meetingInfo$/);
});

it("lists rooms past several pages, in pages of 100 by default", async () => {
  for (let i = 0; i < 12; i++) await rooms.create({ title: `Room ${i}` });
  const sizes: number[] = [];
  for await (const page of rooms.list({ max: 5 }).pages()) sizes.push(page.items.length);
  expect(sizes).toEqual([5, 5, 2]);
  expect(await rooms.list().toArray()).toHaveLength(12);
  expect(sent.at(-1)).toMatch(/^GET .*\/v1\/rooms\?max=100$/);
});

it("filters by type and team and sorts as asked", async () => {
  const team = await session.request<{ id: string }>({ method: "POST", path: "teams", json: { name: "Squad" } });
  const inTeam = await rooms.create({ title: "Team room", teamId: team.id });
  const loose = await rooms.create({ title: "Loose room" });
  await emu.act(emu.tokens.user).postMessage({ toPersonEmail: "admin@emulated.example.com", text: "hi" });

  const direct = await rooms.list({ type: "direct" }).toArray();
  expect(direct.map((room) => [room.type, room.title])).toEqual([["direct", "Ada Admin"]]);
  const teamRooms = await rooms.list({ teamId: team.id }).toArray();
  expect(teamRooms.map((room) => room.title).sort()).toEqual(["Squad", "Team room"]);
  expect(teamRooms.every((room) => room.teamId === team.id)).toBe(true);
  const groups = await rooms.list({ type: "group" }).toArray();
  expect(groups.map((room) => room.id)).toEqual(expect.arrayContaining([inTeam.id, loose.id]));
  expect(groups.every((room) => room.type === "group")).toBe(true);

  const byId = (await rooms.list({ sortBy: "id" }).toArray()).map((room) => room.id);
  expect(byId).toEqual([...byId].sort());
  const byCreated = (await rooms.list({ sortBy: "created" }).toArray()).map((room) => Date.parse(room.created));
  expect(byCreated).toEqual([...byCreated].sort((a, b) => b - a));
  expect(sent.at(-1)).toMatch(/rooms\?max=100&sortBy=created$/);
});

it("reports an unknown room as a 404 ApiError with the tracking id", async () => {
  const error = await rooms.get("Y2lzY29zcGFyazovL3VzL1JPT00vbm9uZQ").catch((e: unknown) => e);
  expect(error).toBeInstanceOf(ApiError);
  expect(error).toMatchObject({ status: 404, statusText: "Not Found" });
  expect((error as ApiError).trackingId).toBeTruthy();
  expect((error as ApiError).message).toMatch(/^\[404\] Not Found - .+ \[Tracking ID: .+\]$/);
  await expect(rooms.getMeetingInfo("nope")).rejects.toMatchObject({ status: 404 });
});

it("reports a rule the service enforces (announcement-only needs locked) as a 400 ApiError", async () => {
  const error = await rooms.create({ title: "Loud", isAnnouncementOnly: true }).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(ApiError);
  expect((error as ApiError).status).toBe(400);
});

it("checks the title and ids before sending anything, as rejected promises", async () => {
  const before = emu.requests.length;
  // @ts-expect-error title is required
  await expect(rooms.create({ teamId: "t" })).rejects.toBeInstanceOf(ValidationError);
  await expect(rooms.create({ title: "" })).rejects.toMatchObject({ argument: "title" });
  // @ts-expect-error title is required on update
  await expect(rooms.update("r", { isLocked: true })).rejects.toMatchObject({ argument: "title" });
  await expect(rooms.get("")).rejects.toMatchObject({ argument: "roomId" });
  await expect(rooms.getMeetingInfo("")).rejects.toMatchObject({ argument: "roomId" });
  await expect(rooms.delete("")).rejects.toMatchObject({ argument: "roomId" });
  expect(emu.requests.length).toBe(before);
});

it("types filters with the API's enums and results as rooms", () => {
  const check = (api: RoomsApi) => {
    // @ts-expect-error type is direct or group
    void api.list({ type: "public" });
    // @ts-expect-error sortBy takes id, lastactivity or created
    void api.list({ sortBy: "title" });
  };
  expect(check).toBeTypeOf("function");
  expectTypeOf(rooms.list()).toEqualTypeOf<Paginated<Room>>();
  expectTypeOf(rooms.get).returns.resolves.toEqualTypeOf<Room>();
  expectTypeOf(rooms.getMeetingInfo).returns.resolves.toEqualTypeOf<RoomMeetingInfo>();
});

it("refuses a max past the endpoint's 1000 and an id of '..' before sending anything", async () => {
  const before = sent.length;
  await expect(rooms.list({ max: 1001 }).toArray()).rejects.toThrow(/max must be a whole number from 1 to 1000/);
  await expect(rooms.delete("..")).rejects.toBeInstanceOf(ValidationError);
  expect(sent).toHaveLength(before);
});
