import { ApiError, WebexClient } from "@wx/sdk";
import { describe, expect, it } from "vitest";
import { Bot } from "../src/index.js";
import { SECRET, useFixture } from "./helpers.js";

const t = await useFixture();

const instant = async () => {};

function botClient() {
  return new WebexClient({ accessToken: t.emu.tokens.bot, baseUrl: t.emu.url, sleep: instant });
}

/** A bot on a fixed webhook URL whose retries do not wait. */
function retryingBot(options: { webhookRetries?: number } = {}) {
  const client = botClient();
  const bot = new Bot({
    client,
    secret: SECRET,
    webhookUrl: "https://bot.example.com/hook",
    logger: {},
    sleep: instant,
    ...options,
  });
  return { client, bot };
}

function requestsTo(method: string, path: RegExp, from = 0): number {
  return t.emu.requests.slice(from).filter((r) => r.method === method && path.test(r.path)).length;
}

describe("start({ port, webhookUrl }): the webhook URL given at start", () => {
  it("a function of the bound address: a loopback bot on port 0 registers its own port, and events reach it", async () => {
    const client = botClient();
    const seen: string[] = [];
    const bot = new Bot({ client, secret: SECRET, logger: {} });
    bot.onMessage((ctx) => void seen.push(ctx.text));
    const started = await bot.start({
      port: 0,
      host: "127.0.0.1",
      webhookUrl: ({ port }) => `http://127.0.0.1:${port}/webex`,
    });
    expect(started.port).toBeGreaterThan(0);
    expect(started.webhooks.map((w) => w.targetUrl)).toEqual([`http://127.0.0.1:${started.port}/webex`]);
    await t.emu.act(t.emu.tokens.user).postMessage({ toPersonId: t.emu.people.bot.id, text: "over the bound port" });
    await t.settle(bot);
    expect(seen).toEqual(["over the bound port"]);
    await bot.stop();
    await client.close();
  });

  it("a string given at start replaces the constructor's", async () => {
    const client = botClient();
    const bot = new Bot({ client, secret: SECRET, webhookUrl: "https://old.example.com/hook", logger: {} });
    bot.onMessage(() => {});
    const started = await bot.start({ webhookUrl: "https://new.example.com/hook" });
    expect(started.webhooks.map((w) => w.targetUrl)).toEqual(["https://new.example.com/hook"]);
    await bot.stop();
    await client.close();
  });

  it("a function without a port, or a URL that is not http(s), is refused before anything is sent", async () => {
    const client = botClient();
    const bot = new Bot({ client, secret: SECRET, logger: {} });
    bot.onMessage(() => {});
    const before = t.emu.requests.length;
    await expect(bot.start({ webhookUrl: () => "http://127.0.0.1:1/webex" })).rejects.toThrow(
      /webhookUrl as a function needs a port/,
    );
    await expect(bot.start({ webhookUrl: "ftp://example.com" })).rejects.toThrow(/absolute http\(s\) URL/);
    expect(t.emu.requests.length).toBe(before);
    // a function that returns nonsense: the server it opened is closed again and the bot can still start
    await expect(bot.start({ port: 0, webhookUrl: () => "not a url" })).rejects.toThrow(/absolute http\(s\) URL/);
    const started = await bot.start({
      port: 0,
      host: "127.0.0.1",
      webhookUrl: ({ port }) => `http://127.0.0.1:${port}/`,
    });
    expect(started.webhooks).toHaveLength(1);
    await bot.stop();
    await client.close();
  });
});

describe("stop({ removeWebhooks: true })", () => {
  it("deletes the bot's own webhooks and leaves other apps' alone", async () => {
    const client = botClient();
    const url = "https://bot.example.com/hook";
    const make = (name: string, targetUrl: string) =>
      client.webhooks.create({ name, targetUrl, resource: "messages", event: "created", secret: SECRET });
    const otherApp = await make("other app: messages", url);
    const sameNameElsewhere = await make("wx-bot: messages", "https://elsewhere.example.com/hook");
    const bot = new Bot({ client, secret: SECRET, webhookUrl: url, logger: {} });
    bot.onMessage(() => {}).onJoin(() => {});
    const { webhooks } = await bot.start();
    expect(webhooks).toHaveLength(2);
    await bot.stop({ removeWebhooks: true });
    const left = await client.webhooks.list().toArray();
    expect(left.map((w) => w.id).sort()).toEqual([otherApp.id, sameNameElsewhere.id].sort());
    await client.close();
  });

  it("without it, the webhooks stay", async () => {
    const client = botClient();
    const bot = new Bot({ client, secret: SECRET, webhookUrl: "https://bot.example.com/hook", logger: {} });
    bot.onMessage(() => {});
    await bot.start();
    await bot.stop();
    expect(await client.webhooks.list().toArray()).toHaveLength(1);
    await client.close();
  });
});

describe("start() reconciling webhooks through faults", () => {
  it("a 503 on the create, a dropped connection, and a list that fails past core's retries: retried, no duplicates", async () => {
    const { client, bot } = retryingBot();
    bot.onMessage(() => {}).onJoin(() => {});
    t.emu.faults.route("GET", "webhooks", { status: 503 }, { times: 4 }); // core retries 3 times, then gives up
    t.emu.faults.route("POST", "webhooks", { status: 503 }, { times: 1 });
    t.emu.faults.route("POST", "webhooks", { drop: true }, { times: 1 });
    const { webhooks } = await bot.start();
    const listed = await client.webhooks.list().toArray();
    expect(listed.map((w) => w.resource).sort()).toEqual(["memberships", "messages"]);
    expect(webhooks.map((w) => w.id).sort()).toEqual(listed.map((w) => w.id).sort());
    await bot.stop();
    await client.close();
  });

  it("a create that took effect but whose answer was lost is found by the next list, not made twice", async () => {
    const { client, bot } = retryingBot();
    bot.onMessage(() => {});
    t.emu.faults.route("POST", "webhooks", { malformedJson: true }, { times: 1 });
    const { webhooks } = await bot.start();
    const listed = await client.webhooks.list().toArray();
    expect(listed).toHaveLength(1);
    expect(webhooks.map((w) => w.id)).toEqual([listed[0]?.id]);
    expect(requestsTo("POST", /webhooks$/)).toBe(1);
    await bot.stop();
    await client.close();
  });

  it("gives up after webhookRetries, with the last error", async () => {
    const { client, bot } = retryingBot({ webhookRetries: 2 });
    bot.onMessage(() => {});
    t.emu.faults.route("POST", "webhooks", { status: 503 });
    const failure = await bot.start().catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ApiError);
    expect((failure as ApiError).status).toBe(503);
    expect(requestsTo("POST", /webhooks$/)).toBe(3); // the first attempt and two retries
    await bot.stop();
    await client.close();
  });
});
