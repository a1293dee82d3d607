import { WebexClient } from "@wx/sdk";
import { describe, expect, it } from "vitest";
import { Bot, memoryStore } from "../src/index.js";
import { recordingLogger, SECRET, serve, useFixture } from "./helpers.js";

const t = await useFixture({ webhookFailureThreshold: 3 });

/** The API calls that change webhooks, since `from` (an index into the emulator's request log). */
function webhookWrites(from: number): string[] {
  return t.emu.requests
    .slice(from)
    .filter((r) => r.path.includes("/webhooks") && r.method !== "GET")
    .map((r) => r.method);
}

function botClient() {
  return new WebexClient({ accessToken: t.emu.tokens.bot, baseUrl: t.emu.url });
}

describe("start() keeps the bot's webhooks", () => {
  it("creates one webhook per resource its handlers need, with the secret; a second start changes nothing", async () => {
    const { bot, url } = await t.startBot((bot) => {
      bot.hears("hi", () => {});
      bot.onCardSubmit({ type: "AdaptiveCard", body: [{ type: "Input.Text", id: "name" }] } as const, () => {});
      bot.onJoin(() => {});
      bot.onLeave(() => {});
    });
    const client = botClient();
    const webhooks = await client.webhooks.list().toArray();
    expect(webhooks.map((w) => [w.name, w.resource, w.event, w.targetUrl, w.secret, w.status]).sort()).toEqual([
      ["wx-bot: attachmentActions", "attachmentActions", "created", url, SECRET, "active"],
      ["wx-bot: memberships", "memberships", "all", url, SECRET, "active"],
      ["wx-bot: messages", "messages", "created", url, SECRET, "active"],
    ]);

    const before = t.emu.requests.length;
    const again = new Bot({ client, secret: SECRET, webhookUrl: url, logger: {} });
    again
      .hears("hi", () => {})
      .onCardSubmit({ type: "AdaptiveCard" }, () => {})
      .onJoin(() => {})
      .onLeave(() => {});
    const started = await again.start();
    expect(started.webhooks.map((w) => w.id).sort()).toEqual(webhooks.map((w) => w.id).sort());
    expect(webhookWrites(before)).toEqual([]);
    await again.stop();
    await client.close();
    await bot.stop();
  });

  it("re-activates a webhook Webex disabled after failed deliveries, so events flow again", async () => {
    const client = botClient();
    const seen: string[] = [];
    const log = recordingLogger();
    const receiver = await serve((_req, res) => res.writeHead(500).end());
    const restarted = new Bot({ client, secret: SECRET, webhookUrl: receiver.url, logger: log });
    restarted.onMessage((ctx) => void seen.push(ctx.text));
    receiver.use(restarted.handler);
    const webhook = await client.webhooks.create({
      name: "wx-bot: messages",
      targetUrl: receiver.url,
      resource: "messages",
      event: "created",
      secret: SECRET,
    });
    // the bot is not started yet, so every delivery is answered 503, until Webex disables the webhook
    const act = t.emu.act(t.emu.tokens.user);
    for (let i = 0; i < 3; i++) await act.postMessage({ toPersonId: t.emu.people.bot.id, text: `lost ${i}` });
    await t.emu.flushDeliveries();
    expect(t.emu.deliveries.map((d) => d.status)).toEqual([503, 503, 503]);
    expect((await client.webhooks.get(webhook.id)).status).toBe("inactive");

    await restarted.start();
    expect((await client.webhooks.get(webhook.id)).status).toBe("active");
    expect(log.has("info", "re-activated webhook")).toBe(true);
    await act.postMessage({ toPersonId: t.emu.people.bot.id, text: "back" });
    await t.settle(restarted);
    expect(seen).toEqual(["back"]);
    await restarted.stop();
    await receiver.close();
    await client.close();
  });

  it("deletes its own duplicates and webhooks no handler needs, and leaves other apps' webhooks alone", async () => {
    const client = botClient();
    const { url } = await t.startBot(() => {}, { mount: "none" });
    const make = (name: string, resource: "messages" | "rooms", targetUrl = url) =>
      client.webhooks.create({ name, targetUrl, resource, event: "created", secret: SECRET });
    const ours1 = await make("wx-bot: messages", "messages", "https://bot.example.com/hook");
    await make("wx-bot: messages", "messages", "https://bot.example.com/hook");
    await make("wx-bot: rooms", "rooms", "https://bot.example.com/hook");
    const otherApp = await make("other app", "messages", "https://other.example.com/hook");
    const sameUrlOtherName = await make("hand made", "messages", "https://bot.example.com/hook");

    const log: string[] = [];
    const bot = new Bot({
      client,
      secret: SECRET,
      webhookUrl: "https://bot.example.com/hook",
      logger: { info: (m) => log.push(m), warn: (m) => log.push(m) },
    });
    bot.onMessage(() => {});
    await bot.start();
    const left = await client.webhooks.list().toArray();
    expect(left.map((w) => w.id).sort()).toEqual([ours1.id, otherApp.id, sameUrlOtherName.id].sort());
    expect(log.some((line) => line.includes("other webhooks also post to https://bot.example.com/hook"))).toBe(true);
    await bot.stop();
    await client.close();
  });

  it("puts the current secret on its webhook when the bot's secret changed", async () => {
    const client = botClient();
    const webhook = await client.webhooks.create({
      name: "wx-bot: messages",
      targetUrl: "https://bot.example.com/hook",
      resource: "messages",
      event: "created",
      secret: "old-secret",
    });
    const bot = new Bot({
      client,
      secret: ["new-secret", "old-secret"],
      webhookUrl: "https://bot.example.com/hook",
      logger: {},
    });
    bot.onMessage(() => {});
    await bot.start();
    expect((await client.webhooks.get(webhook.id)).secret).toBe("new-secret");
    await bot.stop();
    await client.close();
  });

  it("creates each webhook once when several bot processes sharing a store start at the same moment", async () => {
    const store = memoryStore(); // one store for all three, as a fleet shares one Redis
    const clients = [botClient(), botClient(), botClient()];
    const bots = clients.map((client) => {
      const bot = new Bot({ client, secret: SECRET, webhookUrl: "https://fleet.example.com/hook", store, logger: {} });
      return bot.onMessage(() => {}).onCardSubmit({ type: "AdaptiveCard" }, () => {});
    });
    const before = t.emu.requests.length;
    const started = await Promise.all(bots.map((bot) => bot.start()));
    const webhooks = await clients[0]?.webhooks.list().toArray();
    expect(webhooks?.map((w) => w.name).sort()).toEqual(["wx-bot: attachmentActions", "wx-bot: messages"]);
    expect(webhookWrites(before)).toEqual(["POST", "POST"]);
    for (const result of started)
      expect(result.webhooks.map((w) => w.id).sort()).toEqual(webhooks?.map((w) => w.id).sort());
    for (const bot of bots) await bot.stop();
    for (const client of clients) await client.close();
  });
});
