import { ApiError, ValidationError } from "@wx/core";
import { expect, it } from "vitest";
import { useEmulator } from "../../../testing/emulator-fixture.js";
import { TeamsApi } from "../src/index.js";

const { emu, session, sent, sessionFor } = await useEmulator();
const teams = new TeamsApi(session);

it("creates, reads, renames and deletes a team", async () => {
  const team = await teams.create({ name: "Build Squad", description: "The A team" });
  expect(team).toMatchObject({ name: "Build Squad", description: "The A team" });
  expect(team.id).toMatch(/^Y2lzY29zcGFyazovL3VzL1RFQU0v/);
  expect(await teams.get(team.id)).toMatchObject({ id: team.id, name: "Build Squad" });

  const renamed = await teams.update(team.id, { name: "Ship Squad", description: "Renamed" });
  expect(renamed).toMatchObject({ id: team.id, name: "Ship Squad", description: "Renamed" });
  expect((await teams.get(team.id)).name).toBe("Ship Squad");

  await expect(teams.delete(team.id)).resolves.toBeUndefined();
  expect(await teams.list().toArray()).toEqual([]);
});

it("lists every team past several pages, max being the page size", async () => {
  for (let i = 1; i <= 12; i++) await teams.create({ name: `Team ${i}` });
  const list = teams.list({ max: 5 });
  const sizes: number[] = [];
  for await (const page of list.pages()) sizes.push(page.items.length);
  expect(sizes).toEqual([5, 5, 2]);
  const names = (await list.toArray()).map((team) => team.name);
  expect(new Set(names)).toEqual(new Set(Array.from({ length: 12 }, (_, i) => `Team ${i + 1}`)));
  expect(await list.first(7)).toHaveLength(7);
});

it("asks for pages of 100 unless told otherwise, and sends extra parameters", async () => {
  await teams.list().toArray();
  await teams.list({ max: 3, extra: { future: "yes" } }).toArray();
  expect(sent[0]).toMatch(/^GET .*\/v1\/teams\?max=100$/);
  expect(sent[1]).toMatch(/^GET .*\/v1\/teams\?max=3&future=yes$/);
});

it("reports an unknown or foreign team as a 404 ApiError with the tracking id", async () => {
  const { token } = emu.addPerson({ displayName: "Other Person" });
  const other = new TeamsApi(sessionFor(token));
  const theirs = await other.create({ name: "Private" });

  const error = await teams.get(theirs.id).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(ApiError);
  expect(error).toMatchObject({ status: 404, statusText: "Not Found" });
  expect((error as ApiError).trackingId).toBeTruthy();
  expect((error as ApiError).message).toContain(`[Tracking ID: ${(error as ApiError).trackingId}]`);
  await expect(teams.delete(theirs.id)).rejects.toMatchObject({ status: 404 });
});

it("checks the name before sending anything", async () => {
  const before = emu.requests.length;
  // @ts-expect-error name is required
  await expect(teams.create({ description: "no name" })).rejects.toMatchObject({ argument: "name" });
  await expect(teams.create({ name: "  " })).rejects.toBeInstanceOf(ValidationError);
  // @ts-expect-error name is required
  await expect(teams.update("some-id", {})).rejects.toMatchObject({ argument: "name" });
  await expect(teams.get("")).rejects.toMatchObject({ argument: "teamId" });
  expect(emu.requests.length).toBe(before);
});

it("encodes the id in the path", async () => {
  await expect(teams.get("a/b?c")).rejects.toMatchObject({ status: 404 });
  expect(sent.at(-1)).toMatch(/\/v1\/teams\/a%2Fb%3Fc$/);
});
