/**
 * Emulator benchmark:
 * - throughput of GET /people/me and of a 100-message page (GET /messages?max=100), each beside a bare
 *   node:http server answering the same bytes and headers, in the same run: 11 alternating rounds of
 *   2000 requests (32 in flight), medians over the rounds;
 * - heap after posting 200 000 messages through the API (POST /messages, as clients do);
 * - paging 10 000 messages, early-vs-late page cost in a 100 000-message room, heap per seeded message
 *   (medians of 5 runs).
 *
 *   pnpm bench:emulator
 *
 * The servers run in child processes so the load generator does not share their thread (the 200 000
 * posts go to an in-process emulator, whose heap is what is measured).
 */
import { type ChildProcess, spawn } from "node:child_process";
import { cpus, loadavg } from "node:os";
import { dirname, join } from "node:path";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { createEmulator } from "@wx/emulator";
import { Pool, request } from "undici";
import { median } from "./lib.js";

const RUNS = 5;
/** Alternating emulator/baseline rounds per throughput comparison. */
const ROUNDS = 11;
const POSTED_MESSAGES = Number(process.env.POSTED_MESSAGES ?? 200_000);
const REQUESTS_PER_RUN = 2000;
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

/**
 * A bare node:http server answering every request with the same body and headers (a `Link` header too
 * when given): the ceiling. The body comes on stdin, so a 100-message page fits.
 */
const baselineSource = `
const { createServer } = require("node:http");
const chunks = [];
process.stdin.on("data", (c) => chunks.push(c));
process.stdin.on("end", () => {
  const body = Buffer.concat(chunks);
  const link = process.argv[1];
  const server = createServer((req, res) => {
    const headers = { "Cache-Control": "no-cache", Trackingid: "ROUTER_00000000-0000-0000-0000-000000000000" };
    if (link) headers.Link = link;
    headers["Content-Type"] = "application/json;charset=UTF-8";
    headers["Content-Length"] = body.length;
    res.writeHead(200, headers);
    res.end(body);
  });
  server.listen(0, "127.0.0.1", () => console.log("http://127.0.0.1:" + server.address().port + "/v1/"));
});
process.on("SIGTERM", () => process.exit(0));`;

async function startBaselineProcess(body: string, link = ""): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, ["-e", baselineSource, link], { stdio: ["pipe", "pipe", "inherit"] });
  child.stdin?.end(body);
  return { child, url: await firstLine(child) };
}

/** Requests per second for `GET <url><path>` with 32 requests in flight, after a warm-up. */
async function throughput(url: string, token: string, pathBelowV1: string): Promise<number> {
  const target = new URL(url);
  const pool = new Pool(target.origin, { connections: CONCURRENCY });
  const path = `${target.pathname}${pathBelowV1}`;
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
  await burst(300); // warm-up
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

/** Heap growth (MB) of an in-process emulator after `count` POST /messages through its HTTP API. */
async function memoryOfPostedMessages(count: number): Promise<number> {
  const gc = gcFunction();
  const emu = await createEmulator({ seed: 4 });
  const room = await api(`${emu.url}rooms`, emu.tokens.user, "POST", { title: "Posted" });
  const target = new URL(emu.url);
  const pool = new Pool(target.origin, { connections: 16 });
  const headers = { authorization: `Bearer ${emu.tokens.user}`, "content-type": "application/json" };
  gc();
  const before = process.memoryUsage().heapUsed;
  let next = 0;
  await Promise.all(
    Array.from({ length: 16 }, async () => {
      while (next < count) {
        const i = next++;
        const body = JSON.stringify({ roomId: room.body.id, text: `Benchmark message ${i + 1}` });
        const res = await pool.request({ method: "POST", path: `${target.pathname}messages`, headers, body });
        await res.body.dump();
        if (res.statusCode !== 200) throw new Error(`POST /messages: status ${res.statusCode}`);
      }
    }),
  );
  await pool.close();
  gc();
  const after = process.memoryUsage().heapUsed;
  await emu.close();
  return (after - before) / 1048576;
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

/**
 * Emulator and baseline for one route in alternating rounds (which goes first alternates too), so load
 * from elsewhere on the machine hits both alike; medians over the rounds, and the median of the
 * per-round ratios.
 */
async function compareThroughput(
  emulator: { url: string; token: string },
  baselineUrl: string,
  path: string,
): Promise<{ emulatorRps: number; baselineRps: number; ratio: number; rounds: number }> {
  const emuRps: number[] = [];
  const baseRps: number[] = [];
  const ratios: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    const emulatorFirst = round % 2 === 0;
    const first = emulatorFirst
      ? await throughput(emulator.url, emulator.token, path)
      : await throughput(baselineUrl, "unused", path);
    const second = emulatorFirst
      ? await throughput(baselineUrl, "unused", path)
      : await throughput(emulator.url, emulator.token, path);
    const [emu, base] = emulatorFirst ? [first, second] : [second, first];
    emuRps.push(emu);
    baseRps.push(base);
    ratios.push(emu / base);
  }
  return {
    emulatorRps: Math.round(median(emuRps)),
    baselineRps: Math.round(median(baseRps)),
    ratio: Number(median(ratios).toFixed(2)),
    rounds: ROUNDS,
  };
}

async function main(): Promise<void> {
  const emulator = await startEmulatorProcess();
  const token = emulator.tokens.user as string;
  const children: ChildProcess[] = [emulator.child];
  try {
    const me = await request(`${emulator.url}people/me`, { headers: { authorization: `Bearer ${token}` } });
    const meBaseline = await startBaselineProcess(await me.body.text());
    children.push(meBaseline.child);
    const peopleMe = await compareThroughput({ url: emulator.url, token }, meBaseline.url, "people/me");

    const room1k = await seededRoom(emulator.url, token, 1000);
    const pagePath = `messages?roomId=${room1k}&max=100`;
    const page = await request(`${emulator.url}${pagePath}`, { headers: { authorization: `Bearer ${token}` } });
    const pageBody = await page.body.text();
    const pageBaseline = await startBaselineProcess(pageBody, String(page.headers.link ?? ""));
    children.push(pageBaseline.child);
    const page100 = await compareThroughput({ url: emulator.url, token }, pageBaseline.url, pagePath);

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
    for (const child of children) child.kill("SIGTERM");

    const bytes: number[] = [];
    for (let run = 0; run < RUNS; run++) bytes.push(await memoryPerMessage(100_000));
    const postedMB = await memoryOfPostedMessages(POSTED_MESSAGES);

    const walkMs = median(walks);
    const figures = {
      peopleMe,
      page100: { ...page100, pageBytes: Buffer.byteLength(pageBody) },
      posted: { messages: POSTED_MESSAGES, heapMB: Number(postedMB.toFixed(1)) },
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
    console.log(
      `@wx/emulator benchmark (Node ${process.version}, ${cpus().length} CPUs, load ${loadavg()[0]?.toFixed(1)})`,
    );
    console.log(
      `GET /people/me            ${fmt(peopleMe.emulatorRps)} req/s   bare node:http, same bytes: ${fmt(peopleMe.baselineRps)} req/s   ${peopleMe.ratio}x (median of ${ROUNDS} round ratios; goal >= 0.7x)`,
    );
    console.log(
      `GET 100-message page      ${fmt(page100.emulatorRps)} req/s   bare node:http, same bytes: ${fmt(page100.baselineRps)} req/s   ${page100.ratio}x (goal >= 0.7x; ${fmt(figures.page100.pageBytes)} bytes)`,
    );
    console.log(
      `${fmt(POSTED_MESSAGES)} messages posted  ${figures.posted.heapMB} MB heap   (goal < 150 MB for 200,000)`,
    );
    console.log(
      `page 10,000 messages      ${fmt(walkMs)} ms for ${pages} pages of 100   (${fmt(figures.paging10k.pagesPerSecond)} pages/s, ${fmt(figures.paging10k.messagesPerSecond)} messages/s)`,
    );
    console.log(
      `page cost, 100k messages  first page ${fmt(median(earlyMs), 2)} ms   last page (99,900 before it) ${fmt(median(lateMs), 2)} ms`,
    );
    console.log(
      `memory, 100k seeded       ${fmt(figures.memory100k.bytesPerMessage)} bytes/message   (${figures.memory100k.totalMB} MB heap)`,
    );
    console.log(JSON.stringify(figures));
  } finally {
    for (const child of children) child.kill("SIGTERM");
  }
}

await main();
