import { createEmulator, type Emulator } from "@wx/emulator";
import { request } from "undici";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createWebhookHandler, deliveryKey, isAttachmentActionEvent, isMessageEvent } from "../src/index.js";
import { eventRecorder, serve } from "./helpers.js";

const secret = "emulator-webhook-secret";

describe("deliveries from the Webex emulator", () => {
  let emu: Emulator;
  let receiver: Awaited<ReturnType<typeof serve>>;
  const recorder = eventRecorder();

  beforeAll(async () => {
    emu = await createEmulator({ port: 0 });
    receiver = await serve(createWebhookHandler({ secret, onEvent: recorder.onEvent }));
  });
  afterAll(async () => {
    await receiver?.close();
    await emu?.close();
  });

  async function call(method: "POST" | "GET", path: string, body?: unknown) {
    const response = await request(new URL(path, emu.url), {
      method,
      headers: { authorization: `Bearer ${emu.tokens.user}`, "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const json = (await response.body.json()) as Record<string, unknown>;
    expect(response.statusCode, JSON.stringify(json)).toBe(200);
    return json;
  }

  it("accepts the emulator's signed deliveries and answers 401 to a webhook with another secret", async () => {
    const room = await call("POST", "rooms", { title: "webhook test" });
    const good = await call("POST", "webhooks", {
      name: "right secret",
      targetUrl: `${receiver.url}?hook=good`,
      resource: "messages",
      event: "created",
      filter: `roomId=${room.id}`,
      secret,
    });
    const bad = await call("POST", "webhooks", {
      name: "wrong secret",
      targetUrl: `${receiver.url}?hook=bad`,
      resource: "messages",
      event: "created",
      filter: `roomId=${room.id}`,
      secret: "a-different-secret",
    });

    const next = recorder.next();
    await emu.act(emu.tokens.user).postMessage({ roomId: room.id as string, text: "hello hooks" });
    await emu.flushDeliveries();

    const statusOf = (webhookId: unknown) =>
      emu.deliveries.filter((d) => d.webhookId === webhookId).map((d) => d.status);
    expect(statusOf(good.id)).toEqual([200]);
    expect(statusOf(bad.id)).toEqual([401]);

    const [event, context] = await next;
    expect(context.verified).toBe(true);
    expect(event.id).toBe(good.id);
    expect(isMessageEvent(event, "created")).toBe(true);
    if (isMessageEvent(event, "created")) {
      expect(event.data.roomId).toBe(room.id);
      expect(event.data.text).toBeUndefined(); // metadata only
    }
    expect(recorder.received).toHaveLength(1);
  });
  it("delivers a card submission as a typed attachmentActions event", async () => {
    const room = await call("POST", "rooms", { title: "card test" });
    const hook = await call("POST", "webhooks", {
      name: "cards",
      targetUrl: receiver.url,
      resource: "attachmentActions",
      event: "created",
      secret,
    });
    const card = { type: "AdaptiveCard", version: "1.3", body: [{ type: "Input.Text", id: "answer" }] };
    const message = await emu.act(emu.tokens.user).postMessage({
      roomId: room.id as string,
      text: "fallback",
      attachments: [{ contentType: "application/vnd.microsoft.card.adaptive", content: card }],
    });
    const next = recorder.next();
    await emu.act(emu.tokens.user).submitCard({ messageId: message.id as string, inputs: { answer: "42" } });
    await emu.flushDeliveries();
    const [event] = await next;
    expect(event.id).toBe(hook.id);
    expect(isAttachmentActionEvent(event)).toBe(true);
    if (isAttachmentActionEvent(event)) {
      expect(event.data.messageId).toBe(message.id);
      expect(event.data.type).toBe("submit");
      expect(event.data.inputs).toBeUndefined(); // read them with GET /attachment/actions/{id}
    }
  });

  it("gives a re-delivery of the same event the same deliveryId, and the next event another", async () => {
    const room = await call("POST", "rooms", { title: "dedup test" });
    const hook = await call("POST", "webhooks", {
      name: "dedup",
      targetUrl: receiver.url,
      resource: "messages",
      event: "created",
      filter: `roomId=${room.id}`,
      secret,
    });
    const first = recorder.next();
    await emu.act(emu.tokens.user).postMessage({ roomId: room.id as string, text: "once" });
    await emu.flushDeliveries();
    const [event] = await first;
    expect(event.id).toBe(hook.id); // the envelope id is the webhook's: the same for every delivery

    // Webex retries a delivery with the same bytes; the emulator cannot, so its delivery is posted again.
    const [delivery] = emu.deliveries.filter((d) => d.webhookId === hook.id);
    if (!delivery) throw new Error("the emulator delivered nothing");
    const again = recorder.next();
    const replay = await request(receiver.url, { method: "POST", headers: delivery.headers, body: delivery.body });
    expect(replay.statusCode).toBe(200);
    await replay.body.dump();
    const [redelivered] = await again;

    const second = recorder.next();
    await emu.act(emu.tokens.user).postMessage({ roomId: room.id as string, text: "twice" });
    await emu.flushDeliveries();
    const [other] = await second;

    expect(event.deliveryId).toMatch(/^[A-Za-z0-9_-]{20,}$/);
    expect(redelivered.deliveryId).toBe(event.deliveryId);
    expect(other.deliveryId).not.toBe(event.deliveryId);
    expect(other.id).toBe(event.id);
    expect(deliveryKey(event)).toBe(event.deliveryId);
  });
});
