import { ApiError, type Paginated } from "@wx/core";
import type { MeetingRegistrant } from "@wx/models";
import { expect, expectTypeOf, it } from "vitest";
import { useEmulator } from "../../../testing/emulator-fixture.js";
import { MeetingRegistrantsApi } from "../src/index.js";

const { emu, session, sent } = await useEmulator();
const registrants = new MeetingRegistrantsApi(session);

const HOUR = 3600_000;
const schedule = async (fields: Record<string, unknown>) => {
  const start = new Date(Math.ceil((Date.now() + 24 * HOUR) / 60_000) * 60_000);
  const json = {
    title: "Webinar",
    start: start.toISOString(),
    end: new Date(start.getTime() + HOUR).toISOString(),
    ...fields,
  };
  return session.request<{ id: string }>({ method: "POST", path: "meetings", json });
};
const webinar = (autoAcceptRequest = false) =>
  schedule({
    scheduledType: "webinar",
    registration: { autoAcceptRequest, requireFirstName: true, requireLastName: true },
  });
const person = (name: string) => ({ firstName: name, lastName: "Test", email: `${name.toLowerCase()}@example.com` });

it("registers, reads and deletes a registrant of a webinar", async () => {
  const { id: meetingId } = await webinar(true);
  const ada = await registrants.create(meetingId, { ...person("Ada"), jobTitle: "Engineer", sendEmail: false });
  expect(ada).toMatchObject({ ...person("Ada"), jobTitle: "Engineer", status: "approved", id: expect.any(String) });
  expect(sent.at(-1)).toMatch(/^POST .*\/v1\/meetings\/[^/]+\/registrants$/);
  expect(await registrants.get(meetingId, ada.id)).toMatchObject({ id: ada.id, email: "ada@example.com" });
  await registrants.delete(meetingId, ada.id);
  await expect(registrants.get(meetingId, ada.id)).rejects.toMatchObject({ status: 404 });
});

it("registers many at once and lists them across pages", async () => {
  const { id: meetingId } = await webinar(true);
  const items = Array.from({ length: 12 }, (_, i) => person(`P${String(i).padStart(2, "0")}`));
  const created = await registrants.createMany(meetingId, items);
  expect(created.map((r) => r.email)).toEqual(items.map((item) => item.email));
  expect(sent.at(-1)).toMatch(/\/registrants\/bulkInsert$/);
  const sizes: number[] = [];
  for await (const page of registrants.list(meetingId, { max: 5 }).pages()) sizes.push(page.items.length);
  expect(sizes).toEqual([5, 5, 2]);
  expect(await registrants.list(meetingId, { email: "p03@example.com" }).toArray()).toHaveLength(1);
});

it("approves, rejects and cancels registrations, which changes their status", async () => {
  const { id: meetingId } = await webinar(false);
  const [a, b, c] = await registrants.createMany(meetingId, [person("A"), person("B"), person("C")]);
  if (!a || !b || !c) throw new Error("three registrants expected");
  expect([a.status, b.status, c.status]).toEqual(["pending", "pending", "pending"]);

  await registrants.approve(meetingId, [a.id, b.id], { sendEmail: false });
  expect(sent.at(-1)).toMatch(/\/registrants\/approve$/);
  await registrants.reject(meetingId, b.id);
  expect((await registrants.get(meetingId, a.id)).status).toBe("approved");
  expect((await registrants.get(meetingId, b.id)).status).toBe("rejected");

  await registrants.cancel(meetingId, c.id);
  const left = (await registrants.list(meetingId).toArray()).map((r) => r.id);
  expect(left).not.toContain(c.id);
});

it("answers a second registration with 409, a meeting without registration with 400, an unknown one with 404", async () => {
  const { id: webinarId } = await webinar(true);
  await registrants.create(webinarId, person("Twice"));
  await expect(registrants.create(webinarId, person("Twice"))).rejects.toMatchObject({ status: 409 });
  const { id: meetingId } = await schedule({});
  const error = await registrants.create(meetingId, person("Ada")).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(ApiError);
  expect((error as ApiError).status).toBe(400);
  await expect(registrants.list("0123456789abcdef0123456789abcdef").toArray()).rejects.toMatchObject({ status: 404 });
});

it("checks arguments before sending anything", async () => {
  const before = emu.requests.length;
  await expect(registrants.approve("M", [])).rejects.toMatchObject({ argument: "registrantIds" });
  await expect(registrants.createMany("M", [])).rejects.toMatchObject({ argument: "items" });
  // @ts-expect-error email is required
  await expect(registrants.create("M", { firstName: "A", lastName: "B" })).rejects.toMatchObject({ argument: "email" });
  expect(emu.requests.length).toBe(before);
});

it("types results as registrants", () => {
  expectTypeOf(registrants.list("M")).toEqualTypeOf<Paginated<MeetingRegistrant>>();
  expectTypeOf(registrants.createMany).returns.resolves.toEqualTypeOf<MeetingRegistrant[]>();
});
