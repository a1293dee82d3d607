import { ApiError, type Paginated } from "@wx/core";
import type { Organization } from "@wx/models";
import { expect, expectTypeOf, it } from "vitest";
import { useEmulator } from "../../../testing/emulator-fixture.js";
import { OrganizationsApi } from "../src/index.js";

const { emu, session } = await useEmulator({ as: "admin" });
const organizations = new OrganizationsApi(session);

it("lists the caller's organization", async () => {
  const all = await organizations.list().toArray();
  expect(all).toEqual([{ id: emu.org.id, displayName: emu.org.displayName, created: expect.any(String) }]);
});

it("gets an organization by id", async () => {
  expect(await organizations.get(emu.org.id)).toMatchObject({ id: emu.org.id, displayName: "Emulated Org" });
});

it("reports an unknown organization as a 404 ApiError with the tracking id", async () => {
  const error = await organizations.get("no-such-org").catch((e: unknown) => e);
  expect(error).toBeInstanceOf(ApiError);
  expect(error).toMatchObject({ status: 404 });
  expect((error as ApiError).trackingId).toBeTruthy();
});

it("checks the id before sending anything", async () => {
  const before = emu.requests.length;
  await expect(organizations.get("")).rejects.toMatchObject({ argument: "orgId" });
  expect(emu.requests.length).toBe(before);
});

it("types results as organizations", () => {
  expectTypeOf(organizations.list()).toEqualTypeOf<Paginated<Organization>>();
  expectTypeOf(organizations.get).returns.resolves.toEqualTypeOf<Organization>();
});
