import { ApiError, ValidationError } from "@wx/core";
import { describe, expect, it } from "vitest";
import { useEmulator } from "../../../testing/emulator-fixture.js";
import { PeopleApi } from "../src/index.js";

const { emu, session, sessionFor } = await useEmulator({ as: "admin" });
const asAdmin = new PeopleApi(session);
const asUser = new PeopleApi(sessionFor(emu.tokens.user));

async function rejection(call: Promise<unknown>): Promise<unknown> {
  return call.then(
    () => expect.unreachable("expected the call to fail"),
    (error: unknown) => error,
  );
}

describe("reading people", () => {
  it("me() is the token's owner", async () => {
    const me = await asUser.me();
    expect(me.id).toBe(emu.people.user.id);
    expect(me.emails).toEqual(emu.people.user.emails);
  });

  it("get() returns a person by id", async () => {
    const bot = await asUser.get(emu.people.bot.id as string);
    expect(bot).toMatchObject({ id: emu.people.bot.id, type: "bot" });
  });

  it("list() by email, display-name prefix and ids (array or comma string)", async () => {
    const email = (emu.people.admin.emails as string[])[0] as string;
    expect((await asUser.list({ email }).toArray()).map((p) => p.id)).toEqual([emu.people.admin.id]);

    const a = emu.addPerson({ displayName: "Zed Alpha" }).person;
    const b = emu.addPerson({ displayName: "Zed Beta" }).person;
    const byName = await asUser.list({ displayName: "Zed" }).toArray();
    expect(byName.map((p) => p.displayName).sort()).toEqual(["Zed Alpha", "Zed Beta"]);

    const ids = [a.id as string, b.id as string];
    expect((await asUser.list({ id: ids }).toArray()).map((p) => p.id).sort()).toEqual([...ids].sort());
    expect((await asUser.list({ id: ids.join(",") }).toArray()).map((p) => p.id).sort()).toEqual([...ids].sort());
  });

  it("list() follows the pages: 7 matches with max 2 is 4 pages", async () => {
    for (let i = 0; i < 7; i++) emu.addPerson({ displayName: `Pager ${i}` });
    const pages = [];
    for await (const page of asUser.list({ displayName: "Pager", max: 2 }).pages()) pages.push(page.items.length);
    expect(pages).toEqual([2, 2, 2, 1]);
    expect(await asUser.list({ displayName: "Pager", max: 2 }).toArray()).toHaveLength(7);
  });

  it("more than 85 ids is a ValidationError naming id, and nothing is sent", () => {
    const sent = emu.requests.length;
    const ids = Array.from({ length: 86 }, (_, i) => `id${i}`);
    expect(() => asUser.list({ id: ids })).toThrow(ValidationError);
    expect(() => asUser.list({ id: ids.join(",") })).toThrow(expect.objectContaining({ argument: "id" }));
    expect(emu.requests.length).toBe(sent);
  });

  it("an unknown id is a 404 ApiError with the tracking id", async () => {
    const error = await rejection(asUser.get("Y2lzY29zcGFyazovL3VzL1BFT1BMRS9ub3BlmissingXX"));
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 404 });
    expect((error as ApiError).trackingId).toMatch(/\S/);
    expect((error as ApiError).message).toContain(`[Tracking ID: ${(error as ApiError).trackingId}]`);
  });
});

describe("managing people (admin)", () => {
  it("create, update, delete", async () => {
    const created = await asAdmin.create({ emails: ["new.person@example.com"], displayName: "New Person" });
    expect(created).toMatchObject({ emails: ["new.person@example.com"], displayName: "New Person" });

    const updated = await asAdmin.update(created.id, { displayName: "Renamed", firstName: "Re" });
    expect(updated).toMatchObject({ id: created.id, displayName: "Renamed", firstName: "Re" });
    expect((await asAdmin.get(created.id)).displayName).toBe("Renamed");

    await expect(asAdmin.delete(created.id)).resolves.toBeUndefined();
    await expect(asAdmin.get(created.id)).rejects.toMatchObject({ status: 404 });
  });

  it("a second person with the same email is a 409 ApiError", async () => {
    await asAdmin.create({ emails: ["twice@example.com"], displayName: "Once" });
    const error = await rejection(asAdmin.create({ emails: ["twice@example.com"], displayName: "Twice" }));
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 409 });
    expect((error as ApiError).trackingId).toBeTruthy();
  });

  it("a regular user creating a person is a 403 ApiError", async () => {
    const error = await rejection(asUser.create({ emails: ["x@example.com"], displayName: "X" }));
    expect(error).toMatchObject({ status: 403 });
    expect((error as ApiError).trackingId).toBeTruthy();
  });

  it("missing emails or displayName are ValidationErrors, before anything is sent", async () => {
    const sent = emu.requests.length;
    // @ts-expect-error emails is required
    await expect(asAdmin.create({ displayName: "No Email" })).rejects.toMatchObject({ argument: "emails" });
    await expect(asAdmin.create({ emails: [], displayName: "Empty" })).rejects.toBeInstanceOf(ValidationError);
    // @ts-expect-error displayName is required by PUT /people/{id}
    await expect(asAdmin.update(emu.people.user.id as string, { firstName: "F" })).rejects.toMatchObject({
      argument: "displayName",
    });
    await expect(asAdmin.get("")).rejects.toMatchObject({ argument: "personId" });
    expect(emu.requests.length).toBe(sent);
  });
});
