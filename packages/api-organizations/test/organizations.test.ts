import { ApiError, type Paginated, Session } from "@wx/core";
import { createEmulator, type Emulator } from "@wx/emulator";
import type { Organization } from "@wx/models";
import { afterAll, beforeAll, expect, expectTypeOf, it } from "vitest";
import { OrganizationsApi } from "../src/index.js";

let emu: Emulator;
let session: Session;
let organizations: OrganizationsApi;

beforeAll(async () => {
  emu = await createEmulator({ port: 0 });
  session = new Session({ accessToken: emu.tokens.admin, baseUrl: emu.url });
  organizations = new OrganizationsApi(session);
});

afterAll(async () => {
  await session.close();
  await emu.close();
});

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
