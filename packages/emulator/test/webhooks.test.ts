import { createHmac } from "node:crypto";
import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { type Body, expectWebexError, useEmulator } from "./helpers.js";

const t = useEmulator({ webhookFailureThreshold: 5 });

interface Received {
  headers: IncomingHttpHeaders;
  raw: Buffer;
  body: Body;
}

let receiver: Server;
let targetUrl: string;
const received: Received[] = [];
let answerStatus = 200;

beforeAll(async () => {
  receiver = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const raw = Buffer.concat(chunks);
      received.push({ headers: req.headers, raw, body: JSON.parse(raw.toString()) });
      res.writeHead(answerStatus).end();
    });
  });
  await new Promise<void>((r) => receiver.listen(0, "127.0.0.1", r));
  targetUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;
});
afterAll(() => new Promise<void>((r) => receiver.close(() => r())));
beforeEach(() => {
  received.length = 0;
  answerStatus = 200;
});

async function hook(client: typeof t.user, fields: Record<string, unknown>) {
  const res = await client.post("webhooks", { name: "hook", targetUrl, ...fields });
  expect(res.status).toBe(200);
  return res.body;
}

describe("webhooks", () => {
  it("supports CRUD with validation", async () => {
    const created = await hook(t.user, { resource: "messages", event: "created", secret: "s3cret" });
    expect(created).toMatchObject({
      resource: "messages",
      event: "created",
      status: "active",
      secret: "s3cret",
      ownedBy: "creator",
    });
    expect((await t.user.get(`webhooks/${created.id}`)).body.id).toBe(created.id);
    expectWebexError(await t.admin.get(`webhooks/${created.id}`), 404);
    const updated = await t.user.put(`webhooks/${created.id}`, { name: "renamed", targetUrl, resource: "rooms" });
    expect(updated.body).toMatchObject({ name: "renamed", resource: "messages" });
    expectWebexError(await t.user.put(`webhooks/${created.id}`, { targetUrl }), 400);
    expectWebexError(await t.user.post("webhooks", { name: "x", resource: "messages", event: "created" }), 400);
    expectWebexError(
      await t.user.post("webhooks", { name: "x", targetUrl: "ftp://x", resource: "messages", event: "created" }),
      400,
    );
    expectWebexError(await t.user.post("webhooks", { name: "x", targetUrl, resource: "nope", event: "created" }), 400);
    expectWebexError(
      await t.user.post("webhooks", {
        name: "x",
        targetUrl,
        resource: "messages",
        event: "created",
        filter: "roomId=nope",
      }),
      400,
    );
    expect((await t.user.delete(`webhooks/${created.id}`)).status).toBe(204);
    expectWebexError(await t.user.get(`webhooks/${created.id}`), 404);
  });

  it("POSTs a signed envelope with metadata only for messages:created", async () => {
    const webhook = await hook(t.user, { resource: "messages", event: "created", secret: "s3cret" });
    const room = (await t.user.post("rooms", { title: "R" })).body;
    const msg = (await t.user.post("messages", { roomId: room.id, text: "secret text" })).body;
    await t.emu.flushDeliveries();
    expect(received).toHaveLength(1);
    const [delivery] = received as [Received];
    const expected = createHmac("sha1", "s3cret").update(delivery.raw).digest("hex");
    expect(delivery.headers["x-spark-signature"]).toBe(expected);
    expect(delivery.body).toMatchObject({
      id: webhook.id,
      name: "hook",
      targetUrl,
      resource: "messages",
      event: "created",
      orgId: t.emu.org.id,
      createdBy: t.emu.people.user.id,
      ownedBy: "creator",
      status: "active",
      actorId: t.emu.people.user.id,
      data: { id: msg.id, roomId: room.id, roomType: "group", personId: t.emu.people.user.id },
    });
    expect(delivery.body.data.text).toBeUndefined();
    expect(t.emu.deliveries).toEqual([
      expect.objectContaining({ webhookId: webhook.id, targetUrl, body: delivery.raw.toString(), status: 200 }),
    ]);
  });

  it("honours event, filter and the all firehose", async () => {
    const room = (await t.user.post("rooms", { title: "R" })).body;
    const other = (await t.user.post("rooms", { title: "Other" })).body;
    await hook(t.user, { resource: "messages", event: "deleted" });
    await hook(t.user, { resource: "messages", event: "all", filter: `roomId=${room.id}` });
    await hook(t.user, { resource: "all", event: "all" });
    const msg = (await t.user.post("messages", { roomId: room.id, text: "x" })).body;
    await t.user.post("messages", { roomId: other.id, text: "y" });
    await t.user.delete(`messages/${msg.id}`);
    await t.user.post("memberships", { roomId: room.id, personId: t.emu.people.admin.id });
    await t.emu.flushDeliveries();
    const seen = received.map((r) => `${r.body.name}:${r.body.resource}:${r.body.event}:${r.body.filter ?? ""}`);
    expect(seen.filter((s) => s.startsWith("hook:messages:deleted"))).toHaveLength(3);
    expect(seen.filter((s) => s.includes(`roomId=${room.id}`))).toHaveLength(2);
    expect(received.filter((r) => r.body.resource === "memberships")).toHaveLength(1);
    expect(received.filter((r) => r.body.resource === "messages" && !r.body.filter)).toHaveLength(4);
  });

  it("matches mentionedPeople=me and hasFiles filters", async () => {
    const room = (await t.user.post("rooms", { title: "R" })).body;
    await t.user.post("memberships", { roomId: room.id, personId: t.emu.people.admin.id });
    await hook(t.admin, { resource: "messages", event: "created", filter: "mentionedPeople=me" });
    await hook(t.admin, { resource: "messages", event: "created", filter: "hasFiles=true" });
    await t.user.post("messages", { roomId: room.id, text: "nothing" });
    const mention = (
      await t.user.post("messages", { roomId: room.id, markdown: `<@personId:${t.emu.people.admin.id}|Ada>` })
    ).body;
    const file = (await t.user.post("messages", { roomId: room.id, files: ["https://example.com/f.txt"] })).body;
    await t.emu.flushDeliveries();
    expect(received.map((r) => `${r.body.filter}:${r.body.data.id}`)).toEqual([
      `mentionedPeople=me:${mention.id}`,
      `hasFiles=true:${file.id}`,
    ]);
  });

  it("sends messages to bots only when they are mentioned or in direct rooms", async () => {
    await hook(t.bot, { resource: "messages", event: "created" });
    const room = (await t.user.post("rooms", { title: "R" })).body;
    await t.user.post("memberships", { roomId: room.id, personId: t.emu.people.bot.id });
    await t.user.post("messages", { roomId: room.id, text: "not for the bot" });
    const mention = (
      await t.user.post("messages", { roomId: room.id, markdown: `<@personId:${t.emu.people.bot.id}|Bot> hi` })
    ).body;
    const dm = (await t.user.post("messages", { toPersonId: t.emu.people.bot.id, text: "direct" })).body;
    await t.emu.flushDeliveries();
    expect(received.map((r) => r.body.data.id)).toEqual([mention.id, dm.id]);
  });

  it("delivers memberships, rooms and attachment actions with their data", async () => {
    await hook(t.user, { resource: "memberships", event: "all" });
    await hook(t.user, { resource: "rooms", event: "all" });
    await hook(t.user, { resource: "attachmentActions", event: "created" });
    const room = (await t.user.post("rooms", { title: "R" })).body;
    const m = (await t.user.post("memberships", { roomId: room.id, personId: t.emu.people.admin.id })).body;
    await t.user.put(`rooms/${room.id}`, { title: "R2" });
    await t.user.delete(`memberships/${m.id}`);
    const card = {
      contentType: "application/vnd.microsoft.card.adaptive",
      content: { type: "AdaptiveCard", body: [] },
    };
    const msg = (await t.user.post("messages", { roomId: room.id, text: "card", attachments: [card] })).body;
    const action = await t.emu.act(t.emu.tokens.user).submitCard({ messageId: msg.id, inputs: { choice: "a" } });
    await t.emu.flushDeliveries();
    const events = received.map((r) => `${r.body.resource}:${r.body.event}`);
    expect(events).toEqual(
      expect.arrayContaining([
        "rooms:created",
        "rooms:updated",
        "memberships:created",
        "memberships:deleted",
        "attachmentActions:created",
      ]),
    );
    const membershipCreated = received.find((r) => r.body.resource === "memberships" && r.body.data.id === m.id);
    expect(membershipCreated?.body.data).toMatchObject({ roomId: room.id, personId: t.emu.people.admin.id });
    const submitted = received.find((r) => r.body.resource === "attachmentActions");
    expect(submitted?.body.data).toMatchObject({ id: action.id, messageId: msg.id, type: "submit" });
    expect(submitted?.body.data.inputs).toBeUndefined();
  });

  it("only tells a webhook's owner about rooms the owner is in", async () => {
    await hook(t.admin, { resource: "all", event: "all" });
    const room = (await t.user.post("rooms", { title: "Not admin's" })).body;
    await t.user.post("messages", { roomId: room.id, text: "hidden" });
    await t.emu.flushDeliveries();
    expect(received).toHaveLength(0);
  });

  it("logs failures and disables a webhook after repeated failures; PUT status=active re-enables", async () => {
    answerStatus = 500;
    const webhook = await hook(t.user, { resource: "messages", event: "created" });
    const room = (await t.user.post("rooms", { title: "R" })).body;
    for (let i = 0; i < 6; i++) await t.user.post("messages", { roomId: room.id, text: `m${i}` });
    await t.emu.flushDeliveries();
    expect(t.emu.deliveries.filter((d) => d.status === 500).length).toBeGreaterThanOrEqual(5);
    expect((await t.user.get(`webhooks/${webhook.id}`)).body.status).toBe("inactive");
    const before = received.length;
    await t.user.post("messages", { roomId: room.id, text: "while inactive" });
    await t.emu.flushDeliveries();
    expect(received.length).toBe(before);
    const reenabled = await t.user.put(`webhooks/${webhook.id}`, { name: "hook", targetUrl, status: "active" });
    expect(reenabled.body.status).toBe("active");
    await t.user.post("messages", { roomId: room.id, text: "fails again" });
    await t.emu.flushDeliveries();
    expect((await t.user.get(`webhooks/${webhook.id}`)).body.status).toBe("inactive");
  });

  it("records connection errors for unreachable targets", async () => {
    await t.user.post("webhooks", {
      name: "dead",
      targetUrl: "http://127.0.0.1:9/",
      resource: "rooms",
      event: "created",
    });
    await t.user.post("rooms", { title: "R" });
    await t.emu.flushDeliveries();
    expect(t.emu.deliveries[0]?.error).toBeTruthy();
    expect(t.emu.deliveries[0]?.status).toBeUndefined();
  });
});
