import type { IncomingMessage } from "node:http";
import { WebexClient } from "@wx/sdk";
import { request } from "undici";
import { describe, expect, it } from "vitest";
import { Bot, BotError } from "../src/index.js";
import { SECRET, serve, useFixture } from "./helpers.js";

const t = await useFixture();

function botOptions() {
  return { client: { accessToken: t.emu.tokens.bot, baseUrl: t.emu.url }, secret: SECRET, logger: {} };
}

async function hookTo(targetUrl: string) {
  const client = new WebexClient({ accessToken: t.emu.tokens.bot, baseUrl: t.emu.url });
  await client.webhooks.create({ name: "manual", targetUrl, resource: "messages", event: "created", secret: SECRET });
  await client.close();
}

async function get(url: string) {
  const response = await request(url);
  return { status: response.statusCode, body: await response.body.text() };
}

describe("the bot's own server", () => {
  it("serves the webhook on any path and GET /healthz while running; stop() closes it", async () => {
    const seen: string[] = [];
    const bot = new Bot(botOptions()).onMessage((ctx) => void seen.push(ctx.text));
    const { port, webhooks } = await bot.start({ port: 0, host: "127.0.0.1" });
    expect(webhooks).toEqual([]); // no webhookUrl: nothing registered
    const origin = `http://127.0.0.1:${port}`;
    expect(await get(`${origin}/healthz`)).toEqual({ status: 200, body: '{"status":"ok"}' });
    await hookTo(`${origin}/any/path`);
    await t.emu.act(t.emu.tokens.user).postMessage({ toPersonId: t.emu.people.bot.id, text: "over its server" });
    await t.emu.flushDeliveries();
    await bot.idle();
    expect(seen).toEqual(["over its server"]);
    await bot.stop();
    await expect(get(`${origin}/healthz`)).rejects.toThrow();
    await expect(bot.start()).rejects.toThrow(BotError);
  });
});

describe("fetchHandler", () => {
  it("takes web Requests with the same rules: 200 and handled, 401 for a bad signature", async () => {
    const seen: string[] = [];
    const bot = new Bot(botOptions()).onMessage((ctx) => void seen.push(ctx.text));
    const statuses: number[] = [];
    const receiver = await serve(async (req, res) => {
      const response = await bot.fetchHandler(toRequest(req, await readAll(req)));
      statuses.push(response.status);
      res.writeHead(response.status, Object.fromEntries(response.headers)).end(await response.text());
    });
    await bot.start();
    await hookTo(receiver.url);
    await t.emu.act(t.emu.tokens.user).postMessage({ toPersonId: t.emu.people.bot.id, text: "via fetch" });
    await t.emu.flushDeliveries();
    await bot.idle();
    const [delivery] = t.emu.deliveries;
    const forged = await request(receiver.url, {
      method: "POST",
      body: delivery?.body,
      headers: { "content-type": "application/json", "x-spark-signature": "0".repeat(40) },
    });
    await forged.body.dump();
    await bot.idle();
    expect(statuses).toEqual([200, 401]);
    expect(seen).toEqual(["via fetch"]);
    await bot.stop();
    await receiver.close();
  });
});

describe("start and stop", () => {
  it("answers 503 before start() and after stop(), and stop() finishes the events in flight first", async () => {
    let releaseHandler!: () => void;
    const handlerHeld = new Promise<void>((resolve) => {
      releaseHandler = resolve;
    });
    let handlerStarted!: () => void;
    const started = new Promise<void>((resolve) => {
      handlerStarted = resolve;
    });
    const finished: string[] = [];
    const bot = new Bot(botOptions()).onMessage(async (ctx) => {
      handlerStarted();
      await handlerHeld;
      finished.push(ctx.text);
    });
    const receiver = await serve(bot.handler);
    await hookTo(receiver.url);
    const act = t.emu.act(t.emu.tokens.user);
    await act.postMessage({ toPersonId: t.emu.people.bot.id, text: "too early" });
    await t.emu.flushDeliveries();
    await bot.start();
    await act.postMessage({ toPersonId: t.emu.people.bot.id, text: "in flight" });
    await started;
    const stopping = bot.stop();
    await act.postMessage({ toPersonId: t.emu.people.bot.id, text: "while stopping" });
    await t.emu.flushDeliveries();
    expect(finished).toEqual([]);
    releaseHandler();
    await stopping;
    expect(finished).toEqual(["in flight"]);
    expect(t.emu.deliveries.map((d) => d.status)).toEqual([503, 200, 503]);
    await receiver.close();
  });

  it("a stop() during start() waits for it, then stops: the bot does not end up running", async () => {
    const bot = new Bot(botOptions()).onMessage(() => {});
    const starting = bot.start({ port: 0, host: "127.0.0.1" });
    await bot.stop();
    const { port } = await starting;
    await expect(get(`http://127.0.0.1:${port}/healthz`)).rejects.toThrow();
    const receiver = await serve(bot.handler);
    await hookTo(receiver.url);
    await t.emu.act(t.emu.tokens.user).postMessage({ toPersonId: t.emu.people.bot.id, text: "anyone?" });
    await t.emu.flushDeliveries();
    expect(t.emu.deliveries.map((d) => d.status)).toEqual([503]);
    await receiver.close();
  });

  it("refuses bad options before anything is sent", () => {
    const client = { accessToken: "t", baseUrl: t.emu.url };
    expect(() => new Bot({ client } as never)).toThrow(/secret is required/);
    expect(() => new Bot({ client, secret: [] })).toThrow(/secret is required/);
    expect(() => new Bot({ client: undefined as never, secret: "s" })).toThrow(/client/);
    expect(() => new Bot({ client, secret: "s", webhookUrl: "/relative" })).toThrow(/webhookUrl/);
    expect(() => new Bot({ client, secret: "s", concurrency: 0 })).toThrow(/concurrency/);
    expect(() => new Bot({ client, secret: "s", allowedDomains: ["a@b.c"] })).toThrow(/allowedDomains/);
    expect(() => new Bot({ client, secret: "s", allowedEmails: ["nobody"] })).toThrow(/allowedEmails/);
    const bot = new Bot({ client, secret: "s" });
    expect(() => bot.hears("", () => {})).toThrow(/hears/);
    expect(() => bot.command("two words", () => {})).toThrow(/one word/);
    expect(() => bot.onCardSubmit({} as never, () => {})).toThrow(/Adaptive Card/);
    expect(() => bot.on("meetings" as never, "created" as never, () => {})).toThrow(/resource/);
    expect(t.emu.requests).toEqual([]);
  });
});

function readAll(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => resolve(Buffer.concat(chunks)));
    req.on("error", reject);
  });
}

function toRequest(req: IncomingMessage, body: Buffer): Request {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) if (typeof value === "string") headers.set(name, value);
  return new Request(`http://127.0.0.1${req.url}`, { method: req.method, headers, body: new Uint8Array(body) });
}
