import { describe, expect, it } from "vitest";
import { expectWebexError, qs, useEmulator } from "./helpers.js";
import { checkResponse, checkSchema } from "./spec.js";

const t = useEmulator();

async function room(title = "Tabs", fields: Record<string, unknown> = {}) {
  return (await t.user.post("rooms", { title, ...fields })).body as { id: string };
}

describe("room tabs", () => {
  it("creates, reads, lists, updates and deletes a tab in a room", async () => {
    const { id: roomId } = await room();
    const created = await t.user.post("room/tabs", { roomId, contentUrl: "https://example.com/a", displayName: "A" });
    expect(created.status).toBe(200);
    expect(created.body).toMatchObject({
      roomId,
      roomType: "group",
      displayName: "A",
      contentUrl: "https://example.com/a",
      creatorId: t.emu.people.user.id,
    });
    expect(Buffer.from(created.body.id, "base64").toString()).toMatch(/^ciscospark:\/\/us\/ROOM_TAB\/[0-9a-f-]{36}$/);
    expect(created.body.created).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    expect((await t.user.get(`room/tabs/${created.body.id}`)).body).toEqual(created.body);
    await t.user.post("room/tabs", { roomId, contentUrl: "https://example.com/b", displayName: "B" });
    const other = await room("Other");
    await t.user.post("room/tabs", { roomId: other.id, contentUrl: "https://example.com/c", displayName: "C" });
    const listed = (await t.user.get(`room/tabs?${qs({ roomId })}`)).body.items;
    expect(listed.map((tab: { displayName: string }) => tab.displayName)).toEqual(["A", "B"]);

    const updated = await t.user.put(`room/tabs/${created.body.id}`, {
      roomId,
      contentUrl: "https://example.com/a2",
      displayName: "A2",
    });
    expect(updated.body).toMatchObject({
      id: created.body.id,
      contentUrl: "https://example.com/a2",
      displayName: "A2",
    });
    expect((await t.user.delete(`room/tabs/${created.body.id}`)).status).toBe(204);
    expectWebexError(await t.user.get(`room/tabs/${created.body.id}`), 404);
  });

  it("pages the tabs of a room with Link headers", async () => {
    const { id: roomId } = await room();
    for (let i = 0; i < 5; i++) {
      await t.user.post("room/tabs", { roomId, contentUrl: `https://example.com/${i}`, displayName: `T${i}` });
    }
    const first = await t.user.get(`room/tabs?${qs({ roomId, max: 2 })}`);
    expect(first.body.items).toHaveLength(2);
    const next = /^<([^>]+)>; rel="next"$/.exec(first.headers.link ?? "")?.[1] as string;
    expect((await t.user.get(next)).body.items).toHaveLength(2);
  });

  it("refuses bad bodies with 400: missing fields, a non-https URL, a room that does not match", async () => {
    const { id: roomId } = await room();
    expectWebexError(await t.user.post("room/tabs", { roomId, contentUrl: "https://example.com" }), 400);
    expectWebexError(await t.user.post("room/tabs", { roomId, displayName: "x" }), 400);
    expectWebexError(await t.user.post("room/tabs", { contentUrl: "https://example.com", displayName: "x" }), 400);
    const http = await t.user.post("room/tabs", { roomId, contentUrl: "http://example.com", displayName: "x" });
    expectWebexError(http, 400);
    expect(http.body.message).toMatch(/https/);
    expectWebexError(await t.user.post("room/tabs", { roomId, contentUrl: "not a url", displayName: "x" }), 400);
    expectWebexError(await t.user.get("room/tabs"), 400);
    const tab = (await t.user.post("room/tabs", { roomId, contentUrl: "https://example.com", displayName: "x" })).body;
    const elsewhere = await room("Elsewhere");
    const moved = await t.user.put(`room/tabs/${tab.id}`, {
      roomId: elsewhere.id,
      contentUrl: "https://example.com",
      displayName: "x",
    });
    expectWebexError(moved, 400);
    expectWebexError(await t.user.put(`room/tabs/${tab.id}`, { roomId, displayName: "x" }), 400);
  });

  it("shows tabs only to members of the room (404), and only moderators change them in a locked room (403)", async () => {
    const { id: roomId } = await room();
    const tab = (await t.user.post("room/tabs", { roomId, contentUrl: "https://example.com", displayName: "x" })).body;
    expectWebexError(await t.bot.get(`room/tabs/${tab.id}`), 404);
    expectWebexError(await t.bot.get(`room/tabs?${qs({ roomId })}`), 404);
    expectWebexError(
      await t.bot.post("room/tabs", { roomId, contentUrl: "https://example.com", displayName: "y" }),
      404,
    );
    expectWebexError(await t.bot.delete(`room/tabs/${tab.id}`), 404);

    const locked = await room("Locked", { isLocked: true });
    await t.user.post("memberships", { roomId: locked.id, personId: t.emu.people.admin.id });
    const lockedTab = (
      await t.user.post("room/tabs", { roomId: locked.id, contentUrl: "https://example.com", displayName: "L" })
    ).body;
    expect((await t.admin.get(`room/tabs/${lockedTab.id}`)).status).toBe(200);
    expectWebexError(
      await t.admin.post("room/tabs", { roomId: locked.id, contentUrl: "https://example.com", displayName: "M" }),
      403,
    );
    expectWebexError(await t.admin.delete(`room/tabs/${lockedTab.id}`), 403);

    // Leaving the room, or the room going, takes the tabs out of sight.
    const memberships = (await t.admin.get(`memberships?${qs({ roomId: locked.id })}`)).body.items;
    const own = memberships.find((m: { personId: string }) => m.personId === t.emu.people.admin.id);
    await t.admin.delete(`memberships/${own.id}`);
    expectWebexError(await t.admin.get(`room/tabs/${lockedTab.id}`), 404);
    await t.user.delete(`rooms/${roomId}`);
    expectWebexError(await t.user.get(`room/tabs/${tab.id}`), 404);
  });

  it("needs a valid token (401)", async () => {
    const { id: roomId } = await room();
    const res = await fetch(`${t.emu.url}room/tabs?${qs({ roomId })}`);
    expect(res.status).toBe(401);
  });

  it("answers in the spec's schemas", async () => {
    const { id: roomId } = await room();
    const tab = (await t.user.post("room/tabs", { roomId, contentUrl: "https://example.com", displayName: "x" })).body;
    checkSchema("messaging", "RoomTab", tab);
    checkResponse("messaging", "POST", "/room/tabs", tab);
    checkResponse("messaging", "GET", "/room/tabs/{id}", (await t.user.get(`room/tabs/${tab.id}`)).body);
    checkSchema("messaging", "RoomTabsCollectionResponse", (await t.user.get(`room/tabs?${qs({ roomId })}`)).body);
    const put = await t.user.put(`room/tabs/${tab.id}`, {
      roomId,
      contentUrl: "https://example.org",
      displayName: "y",
    });
    checkResponse("messaging", "PUT", "/room/tabs/{id}", put.body);
  });
});
