import { expect, it } from "vitest";
import { useEmulator } from "../../../testing/emulator-fixture.js";
import { MeetingRegistrantsApi } from "../src/index.js";

const { emu, session, sent } = await useEmulator();
const registrants = new MeetingRegistrantsApi(session);

const HOUR = 3600_000;
async function webinar(): Promise<string> {
  const start = new Date(Math.ceil((Date.now() + 24 * HOUR) / 60_000) * 60_000);
  const json = {
    title: "Webinar",
    start: start.toISOString(),
    end: new Date(start.getTime() + HOUR).toISOString(),
    scheduledType: "webinar",
    registration: { autoAcceptRequest: false, requireFirstName: true, requireLastName: true },
  };
  return (await session.request<{ id: string }>({ method: "POST", path: "meetings", json })).id;
}
const person = (firstName: string) => ({
  firstName,
  lastName: "Test",
  email: `${firstName.toLowerCase()}@example.com`,
});

it("queries registrants by email and status, in the order asked", async () => {
  const meetingId = await webinar();
  const [, bob] = await registrants.createMany(meetingId, [person("Cy"), person("Bob"), person("Al"), person("Di")]);
  await registrants.approve(meetingId, bob?.id ?? "", { sendEmail: false });

  const emails = ["al@example.com", "cy@example.com", "bob@example.com", "nobody@example.com"];
  const pending = await registrants.query(meetingId, { emails, status: "pending", orderBy: "firstName" });
  expect(pending.map((r) => r.firstName)).toEqual(["Al", "Cy"]);
  expect(sent.at(-1)).toMatch(/^POST .*\/v1\/meetings\/[^/]+\/registrants\/query\?max=100$/);

  const all = await registrants.query(meetingId, { emails, orderBy: "firstName", orderType: "DESC" });
  expect(all.map((r) => r.firstName)).toEqual(["Cy", "Bob", "Al"]);
});

it("deletes registrants in one batch", async () => {
  const meetingId = await webinar();
  const [a, b, c] = await registrants.createMany(meetingId, [person("A"), person("B"), person("C")]);
  await registrants.bulkDelete(meetingId, [a?.id ?? "", b?.id ?? ""], { sendEmail: false });
  expect(sent.at(-1)).toMatch(/^POST .*\/registrants\/bulkDelete$/);
  const left = await registrants.list(meetingId).toArray();
  expect(left.map((r) => r.id)).toEqual([c?.id]);
  await expect(registrants.bulkDelete(meetingId, a?.id ?? "")).rejects.toMatchObject({ status: 404 });
});

it("checks the query's emails and the ids before sending anything", async () => {
  const before = emu.requests.length;
  await expect(registrants.query("M", { emails: [] })).rejects.toMatchObject({ argument: "emails" });
  const many = Array.from({ length: 101 }, (_, i) => `p${i}@example.com`);
  await expect(registrants.query("M", { emails: many })).rejects.toThrow(/1 to 100 emails/);
  await expect(registrants.query("M", { emails: ["a@example.com", " "] })).rejects.toMatchObject({
    argument: "emails[1]",
  });
  await expect(registrants.bulkDelete("M", [])).rejects.toMatchObject({ argument: "registrantIds" });
  expect(emu.requests.length).toBe(before);
});
