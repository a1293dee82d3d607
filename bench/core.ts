// Session vs raw undici.request against a minimal loopback server, measured in the same run.
// Run: pnpm bench:core   (node --expose-gc --import tsx bench/core.ts)
import { Session } from "@wx/core";
import { Agent, request } from "undici";
import { compare, row, startLoopbackServer, timeMs } from "./lib.js";

const RUNS = 5;
const SEQUENTIAL = 10_000;
const CONCURRENT = 10_000;
const CONCURRENCY = 50;

const server = await startLoopbackServer();
const base = `${server.origin}/v1/`;
const session = new Session({ accessToken: "bench-token", baseUrl: base });
const raw = new Agent({ keepAliveTimeout: 30_000 });
const headers = { authorization: "Bearer bench-token", accept: "application/json" };

async function rawGet(url: string) {
  const res = await request(url, { headers, dispatcher: raw });
  return { status: res.statusCode, body: await res.body.json(), link: res.headers.link };
}

async function inParallel(total: number, width: number, fn: () => Promise<unknown>) {
  let started = 0;
  await Promise.all(
    Array.from({ length: width }, async () => {
      while (started++ < total) await fn();
    }),
  );
}

async function rawPaginate(): Promise<number> {
  let count = 0;
  let url: string | undefined = `${base}items`;
  while (url) {
    const page: { body: unknown; link: unknown } = await rawGet(url);
    count += (page.body as { items: unknown[] }).items.length;
    url = /<([^>]+)>;\s*rel="next"/.exec(String(page.link ?? ""))?.[1];
  }
  return count;
}

// warm up both clients
for (let i = 0; i < 500; i++) {
  await session.request({ path: "ping" });
  await rawGet(`${base}ping`);
}

const results = await compare(RUNS, {
  "sequential raw": () =>
    timeMs(async () => {
      for (let i = 0; i < SEQUENTIAL; i++) await rawGet(`${base}ping`);
    }),
  "sequential session": () =>
    timeMs(async () => {
      for (let i = 0; i < SEQUENTIAL; i++) await session.request({ path: "ping" });
    }),
  "concurrent raw": () => timeMs(() => inParallel(CONCURRENT, CONCURRENCY, () => rawGet(`${base}ping`))),
  "concurrent session": () =>
    timeMs(() => inParallel(CONCURRENT, CONCURRENCY, () => session.request({ path: "ping" }))),
  "paginate raw": () => timeMs(rawPaginate),
  "paginate session": () =>
    timeMs(async () => {
      for await (const _item of session.paginate("items")) {
      }
    }),
});

// heap growth across 100 000 items: sample the heap while iterating, after forcing GC at the start
const gc = (globalThis as { gc?: () => void }).gc;
gc?.();
const heapBefore = process.memoryUsage().heapUsed;
let heapPeak = heapBefore;
let items = 0;
for await (const _item of session.paginate("items")) {
  if (++items % 5000 === 0) heapPeak = Math.max(heapPeak, process.memoryUsage().heapUsed);
}
gc?.();
const heapAfter = process.memoryUsage().heapUsed;

const ms = (name: string) => results[name]?.median ?? Number.NaN;
console.log(`\n@wx/core Session vs raw undici.request (medians of ${RUNS} runs, loopback server in its own process)\n`);
console.log(row("case", ["raw ms", "session ms", "ratio", "target"]));
console.log(
  row(`${SEQUENTIAL} sequential GETs (time)`, [
    ms("sequential raw").toFixed(0),
    ms("sequential session").toFixed(0),
    (ms("sequential session") / ms("sequential raw")).toFixed(3),
    "<= 1.15",
  ]),
);
console.log(
  row(`${CONCURRENT} GETs at concurrency ${CONCURRENCY} (throughput)`, [
    ms("concurrent raw").toFixed(0),
    ms("concurrent session").toFixed(0),
    (ms("concurrent raw") / ms("concurrent session")).toFixed(3),
    ">= 0.9",
  ]),
);
console.log(
  row("100 000 items over 1 000 pages (time)", [
    ms("paginate raw").toFixed(0),
    ms("paginate session").toFixed(0),
    (ms("paginate session") / ms("paginate raw")).toFixed(3),
    "<= 1.2",
  ]),
);
console.log(
  `\nheap while iterating ${items} items: before ${(heapBefore / 1e6).toFixed(1)} MB, peak ${(heapPeak / 1e6).toFixed(1)} MB (growth ${((heapPeak - heapBefore) / 1e6).toFixed(1)} MB, target < 20 MB), after GC ${(heapAfter / 1e6).toFixed(1)} MB${gc ? "" : " (run with --expose-gc for exact figures)"}`,
);
console.log(
  `all runs (ms): ${JSON.stringify(Object.fromEntries(Object.entries(results).map(([k, v]) => [k, v.all.map(Math.round)])))}`,
);

await session.close();
await raw.close();
server.stop();
