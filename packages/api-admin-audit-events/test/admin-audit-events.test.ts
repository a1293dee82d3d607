import { ApiError, type Paginated, Session, ValidationError } from "@wx/core";
import type { AdminAuditEvent } from "@wx/models";
import { expect, expectTypeOf, it } from "vitest";
import { useEmulator } from "../../../testing/emulator-fixture.js";
import { json, startTestServer } from "../../../testing/test-server.js";
import { AdminAuditEventsApi } from "../src/index.js";

const { emu, session, sent, sessionFor } = await useEmulator({ as: "admin" });
const audit = new AdminAuditEventsApi(session);
const hourAgo = () => new Date(Date.now() - 3_600_000);
const soon = () => new Date(Date.now() + 60_000);

/** Admin actions the service audits: creating people. */
async function createPeople(count: number): Promise<void> {
  for (let i = 0; i < count; i++) {
    const person = { emails: [`p${i}@emulated.example.com`], displayName: `Person ${i}` };
    await session.request({ method: "POST", path: "people", json: person });
  }
}

it("lists what admins did, with the descriptive data", async () => {
  await createPeople(1);
  const [event, ...rest] = await audit.list({ orgId: emu.org.id, from: hourAgo(), to: soon() }).toArray();
  expect(rest).toEqual([]);
  expect(event).toMatchObject({
    actorId: emu.people.admin.id,
    data: { eventCategory: "USERS", actorEmail: "admin@emulated.example.com", targetName: "Person 0" },
  });
  expect(sent.at(-1)).toMatch(/adminAudit\/events\?max=100&offset=0&orgId=[^&]+&from=[^&]+Z&to=[^&]+Z$/);
});

it("follows the service's next links past several pages", async () => {
  await createPeople(7);
  const list = audit.list({ orgId: emu.org.id, from: hourAgo(), to: soon(), max: 3 });
  const sizes: number[] = [];
  for await (const page of list.pages()) sizes.push(page.items.length);
  expect(sizes).toEqual([3, 3, 1]);
  expect(new Set((await list.toArray()).map((event) => event.data.targetName)).size).toBe(7);
});

it("skips events with offset and keeps only one actor's with actorId", async () => {
  await createPeople(5);
  const base = { orgId: emu.org.id, from: hourAgo().toISOString(), to: soon().toISOString() };
  expect(await audit.list({ ...base, offset: 2 }).toArray()).toHaveLength(3);
  expect(await audit.list({ ...base, actorId: emu.people.admin.id as string }).toArray()).toHaveLength(5);
  expect(await audit.list({ ...base, actorId: emu.people.user.id as string }).toArray()).toHaveLength(0);
});

it("refuses a non-admin with a 403 ApiError carrying the tracking id", async () => {
  const user = new AdminAuditEventsApi(sessionFor(emu.tokens.user));
  const error = await user
    .list({ orgId: emu.org.id, from: hourAgo(), to: soon() })
    .toArray()
    .catch((e: unknown) => e);
  expect(error).toBeInstanceOf(ApiError);
  expect(error).toMatchObject({ status: 403 });
  expect((error as ApiError).trackingId).toBeTruthy();
});

it("checks orgId, from and to before sending anything", () => {
  const before = emu.requests.length;
  const from = hourAgo();
  const to = soon();
  // @ts-expect-error orgId is required
  expect(() => audit.list({ from, to })).toThrow(ValidationError);
  // @ts-expect-error from is required
  expect(() => audit.list({ orgId: emu.org.id, to })).toThrow(expect.objectContaining({ argument: "from" }));
  expect(() => audit.list({ orgId: emu.org.id, from, to: "" })).toThrow(expect.objectContaining({ argument: "to" }));
  // @ts-expect-error filters are required
  expect(() => audit.list()).toThrow(expect.objectContaining({ argument: "orgId" }));
  expect(emu.requests.length).toBe(before);
});

it("returns the single page the service sends when it gives no next link", async () => {
  const server = await startTestServer((_req, res) => json(res, 200, { items: [{ id: "a" }, { id: "b" }] }));
  const local = new Session({ accessToken: "t", baseUrl: server.baseUrl });
  try {
    const api = new AdminAuditEventsApi(local);
    const items = await api
      .list({ orgId: "o", from: new Date(0), to: "2024-01-01T00:00:00.000Z", eventCategories: ["LOGINS", "USERS"] })
      .toArray();
    expect(items.map((event) => event.id)).toEqual(["a", "b"]);
    expect(server.requests.map((request) => request.url)).toEqual([
      "/v1/adminAudit/events?max=100&offset=0&orgId=o&from=1970-01-01T00%3A00%3A00.000Z" +
        "&to=2024-01-01T00%3A00%3A00.000Z&eventCategories=LOGINS&eventCategories=USERS",
    ]);
  } finally {
    await local.close();
    await server.close();
  }
});

it("types results as admin audit events", () => {
  expectTypeOf(audit.list({ orgId: "o", from: new Date(), to: new Date() })).toEqualTypeOf<
    Paginated<AdminAuditEvent>
  >();
});
