import { ApiError, type Paginated } from "@wx/core";
import type { License } from "@wx/models";
import { expect, expectTypeOf, it } from "vitest";
import { useEmulator } from "../../../testing/emulator-fixture.js";
import { LicensesApi } from "../src/index.js";

const { emu, session, sent } = await useEmulator({ as: "admin" });
const licenses = new LicensesApi(session);

it("lists the organization's licenses, for the caller's org or a given one", async () => {
  const all = await licenses.list().toArray();
  expect(all.length).toBeGreaterThan(0);
  expect(all[0]).toMatchObject({ id: expect.any(String), name: expect.any(String), totalUnits: expect.any(Number) });
  expect(await licenses.list({ orgId: emu.org.id }).toArray()).toEqual(all);
  expect(sent.at(-1)).toMatch(/\/v1\/licenses\?orgId=[^&]+$/);
});

it("gets one license, with the people holding it on request", async () => {
  const messaging = (await licenses.list().toArray()).find((license) => license.consumedUnits > 0) as License;
  expect(await licenses.get(messaging.id)).toMatchObject({ id: messaging.id, name: messaging.name });
  const withUsers = await licenses.get(messaging.id, { includeAssignedTo: "user" });
  expect(withUsers.users?.map((user) => user.id)).toContain(emu.people.admin.id);
  expect(sent.at(-1)).toMatch(/\/v1\/licenses\/[^?]+\?includeAssignedTo=user$/);
});

it("reports an unknown license as a 404 ApiError with the tracking id", async () => {
  const error = await licenses.get("no-such-license").catch((e: unknown) => e);
  expect(error).toBeInstanceOf(ApiError);
  expect(error).toMatchObject({ status: 404 });
  expect((error as ApiError).trackingId).toBeTruthy();
});

it("refuses another organization's licenses with a 403 ApiError", async () => {
  const error = await licenses
    .list({ orgId: "another-org" })
    .toArray()
    .catch((e: unknown) => e);
  expect(error).toBeInstanceOf(ApiError);
  expect((error as ApiError).status).toBe(403);
});

it("checks the id before sending anything", async () => {
  const before = emu.requests.length;
  await expect(licenses.get("")).rejects.toMatchObject({ argument: "licenseId" });
  expect(emu.requests.length).toBe(before);
});

it("types results as licenses", () => {
  const check = (api: LicensesApi) => {
    // @ts-expect-error includeAssignedTo only takes "user"
    void api.get("id", { includeAssignedTo: "workspace" });
  };
  expect(check).toBeTypeOf("function");
  expectTypeOf(licenses.list()).toEqualTypeOf<Paginated<License>>();
  expectTypeOf(licenses.get).returns.resolves.toEqualTypeOf<License>();
});
