// @wx/bot's benchmark: events handled per second by one bot process over loopback, and the framework's added
// latency per event, beside a hand-written @wx/webhooks handler doing the same work in the same run: check the
// signature, skip a re-delivery, fetch the message, match "hello", reply in its thread. The Webex API (answering
// at once) and the sender of the deliveries run in their own processes, so the timings are the bot's own.
// Both answer a delivery before handling it, so the sender runs ahead of the handling: the bot's queue fills and
// it answers 503 (sent again 20 ms later), while the hand-written handler runs every event at once, unbounded.
// Latency is measured one delivery at a time, from sending it to the end of its reply.
// Run from the repo root: pnpm bench:bot (bench/bot.ts starts this file). BOT_EVENTS, BOT_SEQUENTIAL and BOT_RUNS
// change the event counts and the number of runs.
import { type ChildProcess, fork } from "node:child_process";
import { once } from "node:events";
import { createServer, type RequestListener } from "node:http";
import type { AddressInfo } from "node:net";
import { createWebhookHandler, isMessageEvent, sign, WebexClient } from "@wx/sdk";
import { request } from "undici";
import { Bot } from "../src/index.js";

const EVENTS = Number(process.env.BOT_EVENTS ?? 5000);
const ROOMS = 100;
const IN_FLIGHT = 64;
const SEQUENTIAL = Number(process.env.BOT_SEQUENTIAL ?? 300);
const RUNS = Number(process.env.BOT_RUNS ?? 5);
const SECRET = "bench-secret";
const TOKEN = "bench-token";
const HELLO = /(?<![\p{L}\p{N}_])hello(?![\p{L}\p{N}_])/iu;

interface Receiver {
  url: string;
  /** Resolves when `count` more events have been handled to the end (the reply answered). */
  handled(count: number): Promise<void>;
  close(): Promise<void>;
}

type Case = (api: string) => Promise<Receiver>;

const cases: Record<string, Case> = {
  "@wx/bot (concurrency 8, the default)": (api) => botReceiver(api, 8),
  "@wx/bot (concurrency 64)": (api) => botReceiver(api, 64),
  "@wx/bot (concurrency 256)": (api) => botReceiver(api, 256),
  "hand-written @wx/webhooks handler": handWritten,
};

const api = await child<string>("api-server.ts");
const sender = await child<string>("sender.ts");
const deliveries = makeDeliveries("load", EVENTS);
const sequential = makeDeliveries("seq", SEQUENTIAL);
sender.process.send({ type: "load", ...deliveries });
await once(sender.process, "message");

const throughput: Record<string, number[]> = Object.fromEntries(Object.keys(cases).map((name) => [name, []]));
const latency: Record<string, { median: number[]; p95: number[] }> = Object.fromEntries(
  Object.keys(cases).map((name) => [name, { median: [], p95: [] }]),
);
for (let run = 0; run < RUNS; run++) {
  for (const [name, make] of Object.entries(cases)) {
    throughput[name]?.push(await measureThroughput(await make(api.info)));
    const { median, p95 } = await measureLatency(await make(api.info));
    latency[name]?.median.push(median);
    latency[name]?.p95.push(p95);
    process.stderr.write(`run ${run + 1}/${RUNS}: ${name} done\n`);
  }
}
api.process.kill();
sender.process.kill();

console.log(`${EVENTS} events over ${ROOMS} rooms, ${IN_FLIGHT} deliveries in flight; medians of ${RUNS} runs`);
console.log(`${"".padEnd(40)}${"events/s".padStart(10)}${"latency ms".padStart(12)}${"p95 ms".padStart(10)}`);
const baseline = "hand-written @wx/webhooks handler";
for (const name of Object.keys(cases)) {
  const rate = median(throughput[name] ?? []);
  const lat = latency[name] ?? { median: [], p95: [] };
  console.log(
    `${name.padEnd(40)}${rate.toFixed(0).padStart(10)}${median(lat.median).toFixed(3).padStart(12)}${median(lat.p95).toFixed(3).padStart(10)}`,
  );
}
const added = median(latency[Object.keys(cases)[0] as string]?.median ?? []) - median(latency[baseline]?.median ?? []);
console.log(`added latency per event (default bot vs hand-written, sequential): ${(added * 1000).toFixed(0)} µs`);

async function measureThroughput(receiver: Receiver): Promise<number> {
  const started = performance.now();
  const handled = receiver.handled(EVENTS);
  sender.process.send({ type: "go", url: receiver.url, inFlight: IN_FLIGHT });
  const [[report]] = await Promise.all([once(sender.process, "message"), handled]);
  const seconds = (performance.now() - started) / 1000;
  const { refused } = report as { refused: number };
  if (refused > 0) process.stderr.write(`  ${refused} deliveries answered 503 (queue full) and sent again\n`);
  await receiver.close();
  return EVENTS / seconds;
}

/** One delivery at a time, from this process: the time from sending it to the end of its handling. */
async function measureLatency(receiver: Receiver): Promise<{ median: number; p95: number }> {
  const times: number[] = [];
  for (let i = 0; i < SEQUENTIAL; i++) {
    const started = performance.now();
    const handled = receiver.handled(1);
    const response = await request(receiver.url, {
      method: "POST",
      body: sequential.bodies[i],
      headers: { "content-type": "application/json", "x-spark-signature": sequential.signatures[i] as string },
    });
    await response.body.dump();
    await handled;
    times.push(performance.now() - started);
  }
  await receiver.close();
  times.sort((a, b) => a - b);
  return { median: median(times), p95: times[Math.floor(times.length * 0.95)] as number };
}

async function botReceiver(apiUrl: string, concurrency: number): Promise<Receiver> {
  const counter = completions();
  const bot = new Bot({ client: { accessToken: TOKEN, baseUrl: apiUrl }, secret: SECRET, concurrency, logger: {} });
  bot.hears("hello", async (ctx) => {
    await ctx.reply("hi");
    counter.done();
  });
  bot.onError((error) => console.error(error));
  const { port } = await bot.start({ port: 0, host: "127.0.0.1" });
  return { url: `http://127.0.0.1:${port}/`, handled: counter.handled, close: () => bot.stop() };
}

async function handWritten(apiUrl: string): Promise<Receiver> {
  const counter = completions();
  const wx = new WebexClient({ accessToken: TOKEN, baseUrl: apiUrl });
  const me = await wx.people.me();
  const seen = new Set<string>();
  const handler = createWebhookHandler({
    secret: SECRET,
    logger: {},
    onEvent: async (event) => {
      if (seen.has(event.deliveryId)) return;
      seen.add(event.deliveryId);
      if (!isMessageEvent(event, "created") || event.data.personId === me.id) return;
      const message = await wx.messages.get(event.data.id);
      if (HELLO.test(message.text ?? "")) {
        await wx.messages.create({ roomId: message.roomId, parentId: message.id, markdown: "hi" });
      }
      counter.done();
    },
    onError: (error) => console.error(error),
  });
  const server = await serve(handler);
  return {
    url: server.url,
    handled: counter.handled,
    close: async () => {
      await server.close();
      await wx.close();
    },
  };
}

function completions() {
  let count = 0;
  let target = 0;
  let wake: (() => void) | undefined;
  return {
    done() {
      count++;
      if (wake && count >= target) wake();
    },
    handled(more: number): Promise<void> {
      target = count + more;
      return new Promise((resolve) => {
        wake = resolve;
        if (count >= target) resolve();
      });
    },
  };
}

function makeDeliveries(prefix: string, count: number): { bodies: string[]; signatures: string[] } {
  const bodies = Array.from({ length: count }, (_, i) => {
    const roomId = `${prefix}-room-${i % ROOMS}`;
    return JSON.stringify({
      id: "bench-webhook",
      name: "wx-bot: messages",
      targetUrl: "http://127.0.0.1/",
      resource: "messages",
      event: "created",
      orgId: "bench-org",
      createdBy: "bench-bot",
      appId: "bench-app",
      ownedBy: "creator",
      status: "active",
      created: "2026-01-01T00:00:00.000Z",
      actorId: "someone",
      data: { id: `${roomId}:${i}`, roomId, roomType: "direct", personId: "someone", personEmail: "a@b.example" },
    });
  });
  return { bodies, signatures: bodies.map((body) => sign(body, SECRET)) };
}

async function serve(handler: RequestListener): Promise<{ url: string; close(): Promise<void> }> {
  const server = createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

async function child<T>(file: string): Promise<{ process: ChildProcess; info: T }> {
  const started = fork(new URL(`./${file}`, import.meta.url), [], {
    execArgv: ["--import", "tsx"],
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  const [info] = (await once(started, "message")) as [T];
  return { process: started, info };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}
