import { createHmac } from "node:crypto";
import { ApiError, type Paginated, ValidationError } from "@wx/core";
import type { Webhook } from "@wx/models";
import { expect, expectTypeOf, it } from "vitest";
import { useEmulator } from "../../../testing/emulator-fixture.js";
import { startTestServer } from "../../../testing/test-server.js";
import { WebhooksApi } from "../src/index.js";

const { emu, session, sent, sessionFor } = await useEmulator();
const webhooks = new WebhooksApi(session);
const target = "https://example.com/hook";

it("creates, reads, updates and deletes a webhook", async () => {
  const created = await webhooks.create({
    name: "New messages",
    targetUrl: target,
    resource: "messages",
    event: "created",
    filter: "roomType=group",
    secret: "s3cret",
  });
  expect(created).toMatchObject({
    name: "New messages",
    targetUrl: target,
    resource: "messages",
    event: "created",
    filter: "roomType=group",
    status: "active",
    ownedBy: "creator",
    createdBy: emu.people.user.id,
  });
  expect(await webhooks.get(created.id)).toMatchObject({ id: created.id, secret: "s3cret" });

  const updated = await webhooks.update(created.id, {
    name: "Renamed",
    targetUrl: "https://example.com/other",
    secret: "new-secret",
    status: "active",
  });
  expect(updated).toMatchObject({ id: created.id, name: "Renamed", targetUrl: "https://example.com/other" });
  expect((await webhooks.get(created.id)).secret).toBe("new-secret");

  await webhooks.delete(created.id);
  await expect(webhooks.get(created.id)).rejects.toMatchObject({ status: 404 });
});

it("lists webhooks past several pages, in pages of 100 by default", async () => {
  for (let i = 0; i < 7; i++)
    await webhooks.create({ name: `Hook ${i}`, targetUrl: target, resource: "rooms", event: "all" });
  const sizes: number[] = [];
  for await (const page of webhooks.list({ max: 3 }).pages()) sizes.push(page.items.length);
  expect(sizes).toEqual([3, 3, 1]);
  expect((await webhooks.list().toArray()).map((hook) => hook.name).sort()).toEqual(
    Array.from({ length: 7 }, (_, i) => `Hook ${i}`),
  );
  expect(sent.at(-1)).toMatch(/\/v1\/webhooks\?max=100$/);
});

it("lists the organization's webhooks with ownedBy: org", async () => {
  const admin = new WebhooksApi(sessionFor(emu.tokens.admin));
  await admin.create({ name: "Org wide", targetUrl: target, resource: "memberships", event: "all", ownedBy: "org" });
  await admin.create({ name: "Mine", targetUrl: target, resource: "memberships", event: "all" });
  const orgWide = await admin.list({ ownedBy: "org" }).toArray();
  expect(orgWide.map((hook) => [hook.name, hook.ownedBy])).toEqual([["Org wide", "org"]]);
});

it("reports someone else's webhook as a 404 ApiError with the tracking id", async () => {
  const admin = new WebhooksApi(sessionFor(emu.tokens.admin));
  const theirs = await admin.create({ name: "Theirs", targetUrl: target, resource: "rooms", event: "created" });
  const error = await webhooks.delete(theirs.id).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(ApiError);
  expect(error).toMatchObject({ status: 404 });
  expect((error as ApiError).trackingId).toBeTruthy();
  expect(await admin.get(theirs.id)).toMatchObject({ id: theirs.id });
});

it("checks required fields before sending anything", async () => {
  const before = emu.requests.length;
  const fields = { name: "n", targetUrl: target, resource: "messages", event: "created" } as const;
  // @ts-expect-error targetUrl is required
  await expect(webhooks.create({ ...fields, targetUrl: undefined })).rejects.toMatchObject({ argument: "targetUrl" });
  // @ts-expect-error event is required
  await expect(webhooks.create({ ...fields, event: undefined })).rejects.toMatchObject({ argument: "event" });
  // @ts-expect-error name and targetUrl are required on update
  await expect(webhooks.update("w", { secret: "x" })).rejects.toBeInstanceOf(ValidationError);
  expect(emu.requests.length).toBe(before);
});

it("types resource and event with the API's enums", () => {
  const check = (api: WebhooksApi) => {
    // @ts-expect-error not a webhook resource
    void api.create({ name: "n", targetUrl: target, resource: "message", event: "created" });
    // @ts-expect-error not a webhook event
    void api.create({ name: "n", targetUrl: target, resource: "messages", event: "create" });
    // @ts-expect-error ownedBy is creator or org
    void api.list({ ownedBy: "me" });
  };
  expect(check).toBeTypeOf("function");
  expectTypeOf(webhooks.list()).toEqualTypeOf<Paginated<Webhook>>();
  expectTypeOf(webhooks.get).returns.resolves.toEqualTypeOf<Webhook>();
});

it("gets events delivered to the target URL, signed with the secret", async () => {
  const receiver = await startTestServer((_req, res) => res.end());
  try {
    const hook = await webhooks.create({
      name: "Deliver",
      targetUrl: `${receiver.origin}/webex`,
      resource: "messages",
      event: "created",
      secret: "shh",
    });
    const room = await session.request<{ id: string }>({ method: "POST", path: "rooms", json: { title: "Hooked" } });
    const message = await emu.act(emu.tokens.user).postMessage({ roomId: room.id, text: "hi" });
    await emu.flushDeliveries();

    expect(receiver.requests).toHaveLength(1);
    const [delivery] = receiver.requests;
    const envelope = JSON.parse(delivery?.body.toString() ?? "{}");
    expect(envelope).toMatchObject({ id: hook.id, resource: "messages", event: "created", data: { id: message.id } });
    const expected = createHmac("sha1", "shh")
      .update(delivery?.body ?? "")
      .digest("hex");
    expect(delivery?.headers["x-spark-signature"]).toBe(expected);
  } finally {
    await receiver.close();
  }
});
