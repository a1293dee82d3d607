import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { call, useEmulator } from "./helpers.js";

// Holding deliveries back and delivering one again: what a webhook receiver's tests need to meet late,
// reordered and repeated deliveries, as the live service sends them.
const t = useEmulator();

let receiver: Server;
let targetUrl: string;
const received: { text: string; signature: string | undefined }[] = [];

beforeAll(async () => {
  receiver = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const body = JSON.parse(Buffer.concat(chunks).toString());
      received.push({ text: body.data.id, signature: req.headers["x-spark-signature"] as string | undefined });
      res.writeHead(200).end();
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
  targetUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;
});
afterAll(() => new Promise<void>((resolve) => receiver.close(() => resolve())));
beforeEach(() => {
  received.length = 0;
});

async function roomWithHook() {
  const room = (await t.user.post("rooms", { title: "R" })).body;
  await t.user.post("webhooks", { name: "h", targetUrl, resource: "messages", event: "created", secret: "s" });
  return room.id as string;
}

async function post(roomId: string, text: string): Promise<string> {
  return (await t.user.post("messages", { roomId, text })).body.id;
}

describe("holding deliveries", () => {
  it("sends held deliveries late, in the order made or reversed, while later ones go out at once", async () => {
    const roomId = await roomWithHook();
    const held = t.emu.holdDeliveries();
    const first = await post(roomId, "1");
    const second = await post(roomId, "2");
    held.stop();
    const third = await post(roomId, "3");
    await t.emu.flushDeliveries();
    expect(received.map((r) => r.text)).toEqual([third]);
    expect(held.deliveries.map((d) => JSON.parse(d.body).data.id)).toEqual([first, second]);
    expect(held.deliveries.map((d) => d.status)).toEqual([undefined, undefined]);

    await held.release({ reverse: true });
    expect(received.map((r) => r.text)).toEqual([third, second, first]);
    expect(held.deliveries.map((d) => d.status)).toEqual([200, 200]);
    await expect(held.release()).rejects.toThrow("released already");
  });

  it("holds one batch at a time, and reset() drops what is held", async () => {
    const roomId = await roomWithHook();
    const held = t.emu.holdDeliveries();
    expect(() => t.emu.holdDeliveries()).toThrow("already being held");
    await post(roomId, "x");
    t.emu.reset();
    await held.release();
    expect(received).toEqual([]);
    expect(() => t.emu.holdDeliveries().stop()).not.toThrow();
  });
});

describe("redeliver", () => {
  it("sends a delivery again with the same bytes and signature, logged as a new delivery", async () => {
    const roomId = await roomWithHook();
    await post(roomId, "once");
    await t.emu.flushDeliveries();
    const [original] = t.emu.deliveries;
    if (!original) throw new Error("no delivery");
    const again = await t.emu.redeliver(original);
    expect(again).toMatchObject({ body: original.body, headers: original.headers, status: 200 });
    expect(t.emu.deliveries).toHaveLength(2);
    expect(received).toHaveLength(2);
    expect(received[1]).toEqual(received[0]);
  });

  it("refuses a delivery whose webhook is gone", async () => {
    await roomWithHook();
    const roomId = (await t.user.get("rooms")).body.items[0].id;
    await post(roomId, "x");
    await t.emu.flushDeliveries();
    const [delivery] = t.emu.deliveries;
    if (!delivery) throw new Error("no delivery");
    await t.user.delete(`webhooks/${delivery.webhookId}`);
    await expect(t.emu.redeliver(delivery)).rejects.toThrow("no longer exists");
  });
});

describe("over the control API", () => {
  it("holds, releases in reverse and redelivers by log index", async () => {
    const control = t.emu.url.replace(/v1\/$/, "_emulator/");
    const roomId = await roomWithHook();
    expect((await call(`${control}deliveries/hold`, { method: "POST" })).status).toBe(204);
    const first = await post(roomId, "1");
    const second = await post(roomId, "2");
    expect((await call(`${control}deliveries/release`, { method: "POST", json: { reverse: true } })).status).toBe(204);
    expect(received.map((r) => r.text)).toEqual([second, first]);
    const again = await call(`${control}deliveries/redeliver`, { method: "POST", json: { index: 0 } });
    expect(again.status).toBe(200);
    expect(again.body.status).toBe(200);
    expect(received.map((r) => r.text)).toEqual([second, first, first]);
    expect((await call(`${control}deliveries/release`, { method: "POST" })).status).toBe(400);
    expect((await call(`${control}deliveries/redeliver`, { method: "POST", json: { index: 99 } })).status).toBe(400);
  });
});
