import type { Paginated } from "@wx/core";
import { ApiError, ValidationError } from "@wx/core";
import type { TeamMembership } from "@wx/models";
import { beforeEach, expect, expectTypeOf, it } from "vitest";
import { useEmulator } from "../../../testing/emulator-fixture.js";
import { TeamMembershipsApi } from "../src/index.js";

const { emu, session, sent } = await useEmulator();
const memberships = new TeamMembershipsApi(session);
let teamId: string;

beforeEach(async () => {
  const team = await session.request<{ id: string }>({ method: "POST", path: "teams", json: { name: "Squad" } });
  teamId = team.id;
  sent.length = 0;
});

it("adds people by id or email, reads, promotes and removes them", async () => {
  const byId = await memberships.create({ teamId, personId: emu.people.admin.id as string });
  expect(byId).toMatchObject({ teamId, personId: emu.people.admin.id, isModerator: false });
  const { person } = emu.addPerson({ displayName: "Mia Moderator", email: "mia@emulated.example.com" });
  const byEmail = await memberships.create({ teamId, personEmail: "mia@emulated.example.com", isModerator: true });
  expect(byEmail).toMatchObject({ personId: person.id, personEmail: "mia@emulated.example.com", isModerator: true });

  expect(await memberships.get(byId.id)).toMatchObject({ id: byId.id, personDisplayName: "Ada Admin" });
  expect(await memberships.update(byId.id, { isModerator: true })).toMatchObject({ isModerator: true });
  expect((await memberships.get(byId.id)).isModerator).toBe(true);

  await memberships.delete(byEmail.id);
  const remaining = await memberships.list({ teamId }).toArray();
  expect(remaining.map((m) => m.personId).sort()).toEqual([emu.people.admin.id, emu.people.user.id].sort());
  await expect(memberships.get(byEmail.id)).rejects.toMatchObject({ status: 404 });
});

it("lists a team's members past several pages", async () => {
  for (let i = 0; i < 6; i++) {
    const { person } = emu.addPerson({ displayName: `Member ${i}` });
    await memberships.create({ teamId, personId: person.id as string });
  }
  const sizes: number[] = [];
  for await (const page of memberships.list({ teamId, max: 3 }).pages()) sizes.push(page.items.length);
  expect(sizes).toEqual([3, 3, 1]);
  expect(await memberships.list({ teamId }).toArray()).toHaveLength(7);
  expect(sent.find((line) => line.includes("max=100"))).toMatch(/team\/memberships\?max=100&teamId=/);
});

it("reports adding someone twice as a 409 ApiError with the tracking id", async () => {
  await memberships.create({ teamId, personEmail: "admin@emulated.example.com" });
  const error = await memberships
    .create({ teamId, personEmail: "admin@emulated.example.com" })
    .catch((e: unknown) => e);
  expect(error).toBeInstanceOf(ApiError);
  expect(error).toMatchObject({ status: 409, statusText: "Conflict" });
  expect((error as ApiError).trackingId).toBeTruthy();
});

it("reports a membership of an unknown team as a 404 ApiError", async () => {
  const error = await memberships
    .list({ teamId: "not-a-team" })
    .toArray()
    .catch((e: unknown) => e);
  expect(error).toBeInstanceOf(ApiError);
  expect((error as ApiError).status).toBe(404);
  expect((error as ApiError).trackingId).toBeTruthy();
});

it("checks arguments before sending anything", async () => {
  const before = emu.requests.length;
  // @ts-expect-error teamId is required
  expect(() => memberships.list({})).toThrow(ValidationError);
  // @ts-expect-error a filter object is required
  expect(() => memberships.list()).toThrow(/teamId/);
  // @ts-expect-error personId and personEmail are exclusive
  const both = memberships.create({ teamId, personId: "p", personEmail: "e@x.com" });
  await expect(both).rejects.toMatchObject({ argument: "personEmail" });
  // @ts-expect-error one of personId and personEmail is required
  await expect(memberships.create({ teamId })).rejects.toMatchObject({ argument: "personId" });
  // @ts-expect-error isModerator is a boolean
  await expect(memberships.create({ teamId, personId: "p", isModerator: "yes" })).rejects.toMatchObject({
    argument: "isModerator",
  });
  // @ts-expect-error isModerator is required
  await expect(memberships.update("m", {})).rejects.toMatchObject({ argument: "isModerator" });
  expect(emu.requests.length).toBe(before);
});

it("types results as team memberships", () => {
  expectTypeOf(memberships.list({ teamId })).toEqualTypeOf<Paginated<TeamMembership>>();
  expectTypeOf(memberships.get).returns.resolves.toEqualTypeOf<TeamMembership>();
});
