import { ApiError, type Paginated } from "@wx/core";
import type { Event } from "@wx/models";
import { beforeEach, expect, expectTypeOf, it } from "vitest";
import { useEmulator } from "../../../testing/emulator-fixture.js";
import { EventsApi } from "../src/index.js";

const { emu, session, sent, sessionFor } = await useEmulator({ as: "admin" });
const events = new EventsApi(session);
const user = sessionFor(emu.tokens.user);
let roomId: string;

beforeEach(async () => {
  roomId = (await user.request<{ id: string }>({ method: "POST", path: "rooms", json: { title: "Audited" } })).id;
});

const post = (text: string) => emu.act(emu.tokens.user).postMessage({ roomId, text });

it("lists compliance events with the message text, filtered by resource, type and actor", async () => {
  await post("first words");
  const messages = await events
    .list({ resource: "messages", type: "created", actorId: emu.people.user.id as string })
    .toArray();
  expect(messages).toHaveLength(1);
  expect(messages[0]).toMatchObject({
    resource: "messages",
    type: "created",
    actorId: emu.people.user.id,
    orgId: emu.org.id,
    data: { roomId, text: "first words" },
  });
  const rooms = await events.list({ resource: "rooms" }).toArray();
  expect(rooms.map((event) => [event.resource, event.type, event.data.id])).toEqual([["rooms", "created", roomId]]);
  expect(await events.list({ actorId: emu.people.admin.id as string }).toArray()).toEqual([]);
});

it("gets one event by id", async () => {
  await post("hello");
  const [latest] = await events.list({ resource: "messages" }).first(1);
  expect(await events.get(latest?.id as string)).toEqual(latest);
});

it("lists events past several pages", async () => {
  for (let i = 0; i < 12; i++) await post(`message ${i}`);
  const sizes: number[] = [];
  for await (const page of events.list({ resource: "messages", max: 5 }).pages()) sizes.push(page.items.length);
  expect(sizes).toEqual([5, 5, 2]);
  const texts = (await events.list({ resource: "messages", max: 5 }).toArray()).map((event) => event.data.text);
  expect(new Set(texts).size).toBe(12);
});

it("takes from and to as a Date or an ISO string", async () => {
  await post("in range");
  const hourAgo = new Date(Date.now() - 3_600_000);
  const soon = new Date(Date.now() + 1000);
  expect(await events.list({ resource: "messages", from: hourAgo, to: soon }).toArray()).toHaveLength(1);
  expect(await events.list({ resource: "messages", to: hourAgo.toISOString() }).toArray()).toHaveLength(0);
  expect(await events.list({ resource: "messages", from: "2020-01-01T00:00:00.000Z", max: 2 }).toArray()).toHaveLength(
    1,
  );
  expect(sent[0]).toContain(`from=${encodeURIComponent(hourAgo.toISOString())}&to=`);
  expect(sent.at(-1)).toContain("from=2020-01-01T00%3A00%3A00.000Z&max=2");
});

it("refuses a non-admin with a 403 ApiError carrying the tracking id", async () => {
  const asUser = new EventsApi(user);
  const error = await asUser
    .list()
    .toArray()
    .catch((e: unknown) => e);
  expect(error).toBeInstanceOf(ApiError);
  expect(error).toMatchObject({ status: 403, statusText: "Forbidden" });
  expect((error as ApiError).trackingId).toBeTruthy();
  await expect(asUser.get("any")).rejects.toMatchObject({ status: 403 });
});

it("reports an unknown event as a 404 ApiError", async () => {
  const error = await events.get("no-such-event").catch((e: unknown) => e);
  expect(error).toBeInstanceOf(ApiError);
  expect((error as ApiError).status).toBe(404);
  expect((error as ApiError).trackingId).toBeTruthy();
});

it("types filters with the API's enums and results as events", () => {
  const check = (api: EventsApi) => {
    // @ts-expect-error not an event resource
    void api.list({ resource: "message" });
    // @ts-expect-error from is a Date or a string
    void api.list({ from: 1700000000 });
  };
  expect(check).toBeTypeOf("function");
  expectTypeOf(events.list()).toEqualTypeOf<Paginated<Event>>();
  expectTypeOf(events.get).returns.resolves.toEqualTypeOf<Event>();
});

it("refuses a from/to that is not a time before sending anything", () => {
  expect(() => events.list({ from: "last tuesday" })).toThrow(/from must be a valid Date or ISO 8601 string/);
  expect(() => events.list({ to: new Date(Number.NaN) })).toThrow(/to must be a valid Date/);
  expect(sent).toEqual([]);
});
