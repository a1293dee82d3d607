import { ApiError, type Paginated, Session } from "@wx/core";
import { createEmulator, type Emulator } from "@wx/emulator";
import type { Role } from "@wx/models";
import { afterAll, beforeAll, expect, expectTypeOf, it } from "vitest";
import { RolesApi } from "../src/index.js";

let emu: Emulator;
let session: Session;
let roles: RolesApi;

beforeAll(async () => {
  emu = await createEmulator({ port: 0 });
  session = new Session({ accessToken: emu.tokens.admin, baseUrl: emu.url });
  roles = new RolesApi(session);
});

afterAll(async () => {
  await session.close();
  await emu.close();
});

it("lists the admin roles, among them the one the admin holds", async () => {
  const all = await roles.list().toArray();
  expect(all.map((role) => role.name)).toContain("Full Administrator");
  expect(all.map((role) => role.id)).toEqual(expect.arrayContaining(emu.people.admin.roles as string[]));
});

it("gets a role by id", async () => {
  const [first] = await roles.list().first(1);
  expect(await roles.get(first?.id as string)).toEqual(first);
});

it("reports an unknown role as a 404 ApiError with the tracking id", async () => {
  const error = await roles.get("no-such-role").catch((e: unknown) => e);
  expect(error).toBeInstanceOf(ApiError);
  expect(error).toMatchObject({ status: 404 });
  expect((error as ApiError).trackingId).toBeTruthy();
});

it("refuses a non-admin with a 403 ApiError", async () => {
  const user = new RolesApi(new Session({ accessToken: emu.tokens.user, baseUrl: emu.url }));
  const error = await user
    .list()
    .toArray()
    .catch((e: unknown) => e);
  expect(error).toBeInstanceOf(ApiError);
  expect(error).toMatchObject({ status: 403 });
  expect((error as ApiError).trackingId).toBeTruthy();
});

it("checks the id before sending anything", async () => {
  const before = emu.requests.length;
  await expect(roles.get("")).rejects.toMatchObject({ argument: "roleId" });
  expect(emu.requests.length).toBe(before);
});

it("types results as roles", () => {
  expectTypeOf(roles.list()).toEqualTypeOf<Paginated<Role>>();
  expectTypeOf(roles.get).returns.resolves.toEqualTypeOf<Role>();
});
