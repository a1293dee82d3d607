// @wx/redis's fleet benchmark: events per second handled by 3 bot processes sharing `redisStore` behind a
// round-robin proxy, beside 1 bot process with `memoryStore` (the baseline), measured in the same run, medians
// of several runs. Everything is on 127.0.0.1: a real redis-server, the emulator (in this process: it is the
// Webex API the bots fetch from and reply to, and it sends the deliveries, one at a time per webhook as it
// does), and the bots in their own processes. Each event: a message in one of ROOMS rooms, delivered, deduped,
// its room locked, the message fetched, a reply posted. The messages are posted before the clock starts, with
// their deliveries held; the time runs from releasing them to the last reply.
// Run from the repo root: pnpm bench:fleet (bench/redis-fleet.ts starts this file). FLEET_EVENTS, FLEET_ROOMS
// and FLEET_RUNS change the event count, the rooms and the number of runs.
import { type ChildProcess, fork } from "node:child_process";
import { once } from "node:events";
import { loadavg } from "node:os";
import { createEmulator, type Emulator } from "@wx/emulator";
import { roundRobinProxy } from "../test/fleet/round-robin-proxy.js";
import { startRedisServer } from "../test/redis-server.js";
import type { FleetBotArgs } from "./fleet-bot.js";

const EVENTS = Number(process.env.FLEET_EVENTS ?? 600);
const ROOMS = Number(process.env.FLEET_ROOMS ?? 30);
const RUNS = Number(process.env.FLEET_RUNS ?? 5);
const SECRET = "bench-secret";

const redis = await startRedisServer();
const emu = await createEmulator({ port: 0 });
const cases: Record<string, () => Promise<number>> = {
  "1 process, memoryStore (baseline)": () => measure(1, undefined),
  "1 process, redisStore": () => measure(1, redis.url),
  "3 processes, redisStore, round robin": () => measure(3, redis.url),
};
const rates: Record<string, number[]> = Object.fromEntries(Object.keys(cases).map((name) => [name, []]));
const loads: number[] = [];
try {
  for (let run = 0; run < RUNS; run++) {
    for (const [name, measureCase] of Object.entries(cases)) {
      rates[name]?.push(await measureCase());
      loads.push(loadavg()[0] as number);
      process.stderr.write(`run ${run + 1}/${RUNS}: ${name}: ${rates[name]?.at(-1)?.toFixed(0)} events/s\n`);
    }
  }
} finally {
  await emu.close();
  await redis.stop();
}

console.log(`${EVENTS} events over ${ROOMS} rooms; medians of ${RUNS} runs; load average ${median(loads).toFixed(1)}`);
const baseline = median(rates["1 process, memoryStore (baseline)"] ?? []);
console.log(`${"".padEnd(40)}${"events/s".padStart(10)}${"ratio".padStart(8)}   all runs`);
for (const [name, all] of Object.entries(rates)) {
  const rate = median(all);
  const runs = all.map((value) => value.toFixed(0)).join(" ");
  console.log(`${name.padEnd(40)}${rate.toFixed(0).padStart(10)}${(rate / baseline).toFixed(2).padStart(8)}   ${runs}`);
}

/** Starts `size` bots, sends EVENTS messages, and returns events per second from the first post to the last reply. */
async function measure(size: number, redisUrl: string | undefined): Promise<number> {
  emu.reset();
  await redis.flushAll();
  let handled = 0;
  let allHandled: () => void = () => undefined;
  let timer: NodeJS.Timeout | undefined;
  const done = new Promise<void>((resolve, reject) => {
    allHandled = resolve;
    timer = setTimeout(
      () => reject(new Error(`bench: ${handled} of ${EVENTS} events handled after 10 minutes`)),
      600_000,
    );
  });
  const bots = await Promise.all(Array.from({ length: size }, () => startBot(emu, redisUrl)));
  for (const bot of bots) {
    bot.child.on("message", (message) => {
      if (message === "handled" && ++handled === EVENTS) allHandled();
    });
  }
  const proxy = await roundRobinProxy(bots.map((bot) => `http://127.0.0.1:${bot.port}/`));
  const user = emu.act(emu.tokens.user);
  const rooms: string[] = [];
  for (let n = 0; n < ROOMS; n++) rooms.push(await roomWithBot(emu, n));
  const markdown = (n: number) => `<@personId:${emu.people.bot.id}|${emu.people.bot.displayName}> event ${n}`;
  await api(emu, emu.tokens.bot, "webhooks", {
    name: "bench",
    targetUrl: proxy.url,
    resource: "messages",
    event: "created",
    secret: SECRET,
  });
  // The messages are posted first with their deliveries held, so the time is the fleet's: from sending the
  // first delivery to the last reply.
  const held = emu.holdDeliveries();
  for (let n = 0; n < EVENTS; n++) {
    await user.postMessage({ roomId: rooms[n % ROOMS] as string, markdown: markdown(n) });
  }
  const started = performance.now();
  const sent = held.release();
  await Promise.all([done, sent]).finally(() => clearTimeout(timer));
  const seconds = (performance.now() - started) / 1000;
  await Promise.all(
    bots.map(async (bot) => {
      const exited = once(bot.child, "exit");
      bot.child.kill("SIGTERM");
      await exited;
    }),
  );
  await proxy.close();
  return EVENTS / seconds;
}

async function startBot(
  emulator: Emulator,
  redisUrl: string | undefined,
): Promise<{ child: ChildProcess; port: number }> {
  const args: FleetBotArgs = { apiUrl: emulator.url, token: emulator.tokens.bot, secret: SECRET, redisUrl };
  const child = fork(new URL("./fleet-bot.ts", import.meta.url), [JSON.stringify(args)], {
    execArgv: ["--import", "tsx"],
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  const [message] = (await once(child, "message")) as [{ port: number }];
  return { child, port: message.port };
}

/** A group room of the user's with the bot in it (the bot gets the messages that mention it). */
async function roomWithBot(emulator: Emulator, n: number): Promise<string> {
  const room = (await api(emulator, emulator.tokens.user, "rooms", { title: `room ${n}` })) as { id: string };
  await api(emulator, emulator.tokens.user, "memberships", { roomId: room.id, personId: emulator.people.bot.id });
  return room.id;
}

async function api(emulator: Emulator, token: string, path: string, json: unknown): Promise<unknown> {
  const response = await fetch(new URL(path, emulator.url), {
    method: "POST",
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
    body: JSON.stringify(json),
  });
  if (!response.ok) throw new Error(`POST ${path}: ${response.status} ${await response.text()}`);
  return response.json();
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}
