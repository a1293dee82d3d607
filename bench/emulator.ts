/**
 * Emulator benchmark: GET /people/me throughput (against a bare node:http baseline serving the same
 * bytes), paging 10 000 messages, early-vs-late page cost in a 100 000-message room, and heap per
 * stored message. Medians of 5 runs.
 *
 *   pnpm bench:emulator
 *
 * The servers run in child processes so the load generator does not share their thread.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { dirname, join } from "node:path";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { createEmulator } from "@wx/emulator";
import { Pool, request } from "undici";
import { median } from "./lib.js";

const RUNS = 5;
const REQUESTS_PER_RUN = 6000;
const CONCURRENCY = 32;
const here = dirname(fileURLToPath(import.meta.url));
const cli = join(here, "../packages/emulator/dist/cli.js");

const fmt = (n: number, digits = 0) =>
  n.toLocaleString("en-US", { maximumFractionDigits: digits, minimumFractionDigits: digits });

function firstLine(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    createInterface({ input: child.stdout as NodeJS.ReadableStream }).once("line", resolve);
    child.once("exit", (code) => reject(new Error(`child exited with ${code}`)));
  });
}

async function startEmulatorProcess(): Promise<{ child: ChildProcess; url: string; tokens: Record<string, string> }> {
  const child = spawn(process.execPath, [cli, "--port", "0", "--json", "--seed", "1"], {
    stdio: ["ignore", "pipe", "inherit"],
  });
  const { url, tokens } = JSON.parse(await firstLine(child));
  return { child, url, tokens };
}

/** A bare node:http server answering every request with the same body and headers: the ceiling. */
const baselineSource = `
const { createServer } = require("node:http");
const body = Buffer.from(process.argv[1]);
const server = createServer((req, res) => {
  res.writeHead(200, { "Content-Type": "application/json;charset=UTF-8", "Cache-Control": "no-cache",
    Trackingid: "ROUTER_00000000-0000-0000-0000-000000000000", "Content-Length": body.length });
  res.end(body);
});
server.listen(0, "127.0.0.1", () => console.log("http://127.0.0.1:" + server.address().port + "/v1/"));
process.on("SIGTERM", () => process.exit(0));`;

async function startBaselineProcess(body: string): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, ["-e", baselineSource, body], { stdio: ["ignore", "pipe", "inherit"] });
  return { child, url: await firstLine(child) };
}

async function throughput(url: string, token: string): Promise<number> {
  const target = new URL(url);
  const pool = new Pool(target.origin, { connections: CONCURRENCY });
  const path = `${target.pathname}people/me`;
  const headers = { authorization: `Bearer ${token}` };
  const one = async () => {
    const res = await pool.request({ method: "GET", path, headers });
    await res.body.arrayBuffer();
    if (res.statusCode !== 200) throw new Error(`status ${res.statusCode}`);
  };
  const burst = async (n: number) => {
    let left = n;
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (left-- > 0) await one();
      }),
    );
  };
  await burst(1000); // warm-up
  const started = performance.now();
  await burst(REQUESTS_PER_RUN);
  const seconds = (performance.now() - started) / 1000;
  await pool.close();
  return REQUESTS_PER_RUN / seconds;
}

async function api(url: string, token: string, method = "GET", json?: unknown) {
  const res = await request(url, {
    method: method as "GET",
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
    body: json === undefined ? undefined : JSON.stringify(json),
  });
  const text = await res.body.text();
  const link = res.headers.link as string | undefined;
  return {
    status: res.statusCode,
    body: text ? JSON.parse(text) : {},
    next: link ? /^<([^>]+)>/.exec(link)?.[1] : undefined,
  };
}

async function seededRoom(url: string, token: string, count: number): Promise<string> {
  const room = (await api(`${url}rooms`, token, "POST", { title: `Bench ${count}` })).body;
  const control = url.replace(/v1\/$/, "_emulator/");
  await request(`${control}seed/messages`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ roomId: room.id, count, text: "Benchmark message {i}" }),
  }).then((r) => r.body.dump());
  return room.id;
}

async function walkAll(
  url: string,
  token: string,
  roomId: string,
): Promise<{ ms: number; items: number; pages: number }> {
  let next: string | undefined = `${url}messages?roomId=${roomId}&max=100`;
  let items = 0;
  let pages = 0;
  const started = performance.now();
  while (next) {
    const page = await api(next, token);
    items += page.body.items.length;
    pages++;
    next = page.next;
  }
  return { ms: performance.now() - started, items, pages };
}

/** Median latency of fetching one 100-item page at `pageUrl`, over many fetches. */
async function pageLatency(pageUrl: string, token: string, repeats = 300): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < repeats; i++) {
    const started = performance.now();
    await api(pageUrl, token);
    times.push(performance.now() - started);
  }
  return median(times);
}

async function lastPageUrl(url: string, token: string, roomId: string): Promise<string> {
  let current = `${url}messages?roomId=${roomId}&max=100`;
  let next: string | undefined = current;
  while (next) {
    current = next;
    next = (await api(current, token)).next;
  }
  return current;
}

function gcFunction(): () => void {
  const existing = (globalThis as { gc?: () => void }).gc;
  if (existing) return existing;
  setFlagsFromString("--expose-gc");
  return runInNewContext("gc") as () => void;
}

async function memoryPerMessage(count: number): Promise<number> {
  const gc = gcFunction();
  const emu = await createEmulator({ seed: 3 });
  const room = await api(`${emu.url}rooms`, emu.tokens.user, "POST", { title: "Memory" });
  gc();
  const before = process.memoryUsage().heapUsed;
  emu.seedMessages({ roomId: room.body.id, count, text: (i) => `Benchmark message ${i + 1}` });
  gc();
  const after = process.memoryUsage().heapUsed;
  await emu.close();
  return (after - before) / count;
}

async function main(): Promise<void> {
  const emulator = await startEmulatorProcess();
  const me = (await api(`${emulator.url}people/me`, emulator.tokens.user)).body;
  const baseline = await startBaselineProcess(JSON.stringify(me));
  try {
    const emuRps: number[] = [];
    const baseRps: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      emuRps.push(await throughput(emulator.url, emulator.tokens.user as string));
      baseRps.push(await throughput(baseline.url, "unused"));
    }

    const token = emulator.tokens.user as string;
    const room10k = await seededRoom(emulator.url, token, 10_000);
    const walks: number[] = [];
    let pages = 0;
    for (let run = 0; run < RUNS; run++) {
      const walk = await walkAll(emulator.url, token, room10k);
      if (walk.items !== 10_000) throw new Error(`walked ${walk.items} messages`);
      walks.push(walk.ms);
      pages = walk.pages;
    }

    const room100k = await seededRoom(emulator.url, token, 100_000);
    const early = `${emulator.url}messages?roomId=${room100k}&max=100`;
    const late = await lastPageUrl(emulator.url, token, room100k);
    const earlyMs: number[] = [];
    const lateMs: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      earlyMs.push(await pageLatency(early, token));
      lateMs.push(await pageLatency(late, token));
    }

    const bytes: number[] = [];
    for (let run = 0; run < RUNS; run++) bytes.push(await memoryPerMessage(100_000));

    const walkMs = median(walks);
    const figures = {
      peopleMe: { emulatorRps: Math.round(median(emuRps)), baselineRps: Math.round(median(baseRps)) },
      paging10k: {
        pages,
        medianMs: Math.round(walkMs),
        pagesPerSecond: Math.round(pages / (walkMs / 1000)),
        messagesPerSecond: Math.round(10_000 / (walkMs / 1000)),
      },
      pageCost100k: {
        firstPageMs: Number(median(earlyMs).toFixed(3)),
        lastPageMs: Number(median(lateMs).toFixed(3)),
        messagesBeforeLastPage: 99_900,
      },
      memory100k: {
        bytesPerMessage: Math.round(median(bytes)),
        totalMB: Number(((median(bytes) * 100_000) / 1048576).toFixed(1)),
      },
    };
    console.log(`@wx/emulator benchmark (medians of ${RUNS} runs, Node ${process.version})`);
    console.log(
      `GET /people/me            ${fmt(figures.peopleMe.emulatorRps)} req/s   (bare node:http baseline ${fmt(figures.peopleMe.baselineRps)} req/s; target >= 3,000)`,
    );
    console.log(
      `page 10,000 messages      ${fmt(walkMs)} ms for ${pages} pages of 100   (${fmt(figures.paging10k.pagesPerSecond)} pages/s, ${fmt(figures.paging10k.messagesPerSecond)} messages/s)`,
    );
    console.log(
      `page cost, 100k messages  first page ${fmt(median(earlyMs), 2)} ms   last page (99,900 before it) ${fmt(median(lateMs), 2)} ms`,
    );
    console.log(
      `memory, 100k messages     ${fmt(figures.memory100k.bytesPerMessage)} bytes/message   (${figures.memory100k.totalMB} MB heap)`,
    );
    console.log(JSON.stringify(figures));
  } finally {
    emulator.child.kill("SIGTERM");
    baseline.child.kill("SIGTERM");
  }
}

await main();
