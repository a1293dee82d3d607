import { Session, ValidationError } from "@wx/core";
import { beforeEach, describe, expect, it } from "vitest";
import { apiError } from "../../../testing/api-error.js";
import { useEmulator } from "../../../testing/emulator-fixture.js";
import { MembershipsApi } from "../src/index.js";

const { emu, session } = await useEmulator();
const memberships = new MembershipsApi(session);
let roomId: string;

beforeEach(async () => {
  const room = await session.request<{ id: string }>({ method: "POST", path: "rooms", json: { title: "Crew" } });
  roomId = room.id;
});

describe("MembershipsApi against the emulator", () => {
  it("create by email or id, get, list", async () => {
    const byEmail = await memberships.create({ roomId, personEmail: (emu.people.bot.emails as string[])[0] as string });
    expect(byEmail).toMatchObject({ roomId, personId: emu.people.bot.id, isModerator: false });
    const byId = await memberships.create({ roomId, personId: emu.people.admin.id as string, isModerator: true });
    expect(byId).toMatchObject({ personId: emu.people.admin.id, isModerator: true });

    expect(await memberships.get(byEmail.id)).toMatchObject({ id: byEmail.id, personEmail: byEmail.personEmail });
    const people = (await memberships.list({ roomId }).toArray()).map((m) => m.personId);
    expect(people.sort()).toEqual([emu.people.user.id, emu.people.bot.id, emu.people.admin.id].map(String).sort());
    const mine = await memberships.list({ roomId, personId: emu.people.bot.id as string }).toArray();
    expect(mine.map((m) => m.id)).toEqual([byEmail.id]);
  });

  it("lists past several pages (9 members, max 2 → 5 pages)", async () => {
    for (let i = 0; i < 8; i++) {
      const { person } = emu.addPerson({ displayName: `Member ${i}` });
      await memberships.create({ roomId, personId: person.id as string });
    }
    const sizes = [];
    for await (const page of memberships.list({ roomId, max: 2 }).pages()) sizes.push(page.items.length);
    expect(sizes).toEqual([2, 2, 2, 2, 1]);
    const ids = (await memberships.list({ roomId, max: 2 }).toArray()).map((m) => m.id);
    expect(new Set(ids).size).toBe(9);
  });

  it("update makes a moderator; delete removes the member", async () => {
    const member = await memberships.create({ roomId, personId: emu.people.bot.id as string });
    expect(await memberships.update(member.id, { isModerator: true })).toMatchObject({ isModerator: true });
    expect((await memberships.get(member.id)).isModerator).toBe(true);
    await expect(memberships.delete(member.id)).resolves.toBeUndefined();
    const error = await apiError(memberships.get(member.id));
    expect(error.status).toBe(404);
  });

  it("adding someone twice is a 409 ApiError with the tracking id", async () => {
    await memberships.create({ roomId, personId: emu.people.bot.id as string });
    const error = await apiError(memberships.create({ roomId, personId: emu.people.bot.id as string }));
    expect(error.status).toBe(409);
    expect(error.message).toContain(`[Tracking ID: ${error.trackingId}]`);
  });

  it("a room the caller is not in is a 404 ApiError", async () => {
    const stranger = new Session({ accessToken: emu.tokens.bot, baseUrl: emu.url });
    const error = await apiError(new MembershipsApi(stranger).create({ roomId, personEmail: "a@example.com" }));
    expect(error.status).toBe(404);
    await stranger.close();
  });

  it("bad arguments are ValidationErrors naming them, before anything is sent", async () => {
    const sent = emu.requests.length;
    const both = { roomId, personId: "P", personEmail: "a@example.com" };
    // @ts-expect-error exactly one of personId and personEmail
    await expect(memberships.create(both)).rejects.toMatchObject({ argument: "personEmail" });
    // @ts-expect-error who to add is required
    await expect(memberships.create({ roomId })).rejects.toBeInstanceOf(ValidationError);
    // @ts-expect-error roomId is required
    await expect(memberships.create({ personId: "P" })).rejects.toMatchObject({ argument: "roomId" });
    // @ts-expect-error nothing to change
    await expect(memberships.update("M", {})).rejects.toBeInstanceOf(ValidationError);
    // @ts-expect-error isModerator is a boolean
    await expect(memberships.update("M", { isModerator: "yes" })).rejects.toMatchObject({ argument: "isModerator" });
    expect(emu.requests.length).toBe(sent);
  });
});
