import { ApiError, type Paginated } from "@wx/core";
import type { Role } from "@wx/models";
import { expect, expectTypeOf, it } from "vitest";
import { useEmulator } from "../../../testing/emulator-fixture.js";
import { RolesApi } from "../src/index.js";

const { emu, session, sessionFor } = await useEmulator({ as: "admin" });
const roles = new RolesApi(session);

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
  const user = new RolesApi(sessionFor(emu.tokens.user));
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
