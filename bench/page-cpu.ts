// Client CPU per 100-message page: @wx/api-messages beside raw undici.request + JSON.parse and the Python
// webexteamssdk, each listing the same room from a page server in its own process. Every sample is a fresh
// client process; the clients alternate, so drift on a noisy machine hits them alike.
//   pnpm bench:page-cpu                     CPU time (user + system), medians of fresh processes
//   pnpm bench:page-cpu --instructions      also instructions per page under valgrind (callgrind), which count
//                                           the same whatever else the machine does: steady-state cost, from the
//                                           difference between a long and a short run of each client. They leave
//                                           out the kernel's work and how fast each instruction runs, and they
//                                           move with load (how a page arrives, when V8 optimizes): run them on a
//                                           quiet machine and read them beside CPU time, which is the figure.
// The Python SDK is measured when `import webexteamssdk` works for $WX_BENCH_PYTHON (default python3),
// e.g. WX_BENCH_PYTHON=/usr/bin/python3 PYTHONPATH=<a webexteamssdk checkout>; otherwise it is reported skipped.
import { execFile, fork } from "node:child_process";
import { randomUUID } from "node:crypto";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { cpus, loadavg } from "node:os";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { median, row } from "./lib.js";

const PAGE_SIZE = 100;
const PAGES = 50;
const PROCESSES = Number(process.env.PROCESSES ?? 7);
const run = promisify(execFile);
const PYTHON = process.env.WX_BENCH_PYTHON ?? "python3";
const RAW = "undici.request + JSON.parse";
const WX = "wx, for await over messages";
const PY = "Python webexteamssdk";

interface Sample {
  first: number;
  warm: number;
}

/** A client as a command line; WARMUP and MEASURED (listings) come in its environment. */
interface Client {
  command: string;
  args: (base: string) => string[];
  /** Listings of the short and the long run whose instruction counts are subtracted (JIT warm-up before both). */
  instructionRuns: [number, number];
}

const pythonClientSource = `
import os, sys, time
started = time.process_time()
from webexteamssdk import WebexTeamsAPI
api = WebexTeamsAPI(access_token="bench-token", base_url=sys.argv[1])
def count_pages():
    n = 0
    for _message in api.messages.list(roomId="ROOM", max=100):
        n += 1
    return n / ${PAGE_SIZE}
pages = count_pages()
first = (time.process_time() - started) * 1e6 / pages
for _ in range(int(os.environ.get("WARMUP", "40"))):
    count_pages()
warm = []
for _ in range(int(os.environ.get("MEASURED", "20"))):
    t = time.process_time()
    pages = count_pages()
    warm.append((time.process_time() - t) * 1e6 / pages)
warm.sort()
print('{"first": %f, "warm": %f}' % (first, warm[len(warm) // 2] if warm else 0))
`;

const nodeClient = (name: string): Client => ({
  command: process.execPath,
  args: (base) => [fileURLToPath(new URL("./page-cpu-client.mjs", import.meta.url)), name, base],
  instructionRuns: [20, 40],
});
const clients: Record<string, Client> = {
  [WX]: nodeClient("wx for-await"),
  "wx, for await over pages()": nodeClient("wx pages"),
  "wx's undici transport alone + JSON.parse": nodeClient("wx transport"),
  [RAW]: nodeClient("undici.request"),
  [PY]: { command: PYTHON, args: (base) => ["-c", pythonClientSource, base], instructionRuns: [1, 4] },
};

if (process.argv[2] === "server") serve();
else await main();

/** Webex-shaped messages (ids, emails, markdown) in pages linked by `rel="next"`, as the service sends them. */
function serve(): void {
  const id = (kind: string) => Buffer.from(`ciscospark://us/${kind}/${randomUUID()}`).toString("base64url");
  const roomId = id("ROOM");
  const pages = Array.from({ length: PAGES }, (_, p) =>
    JSON.stringify({
      items: Array.from({ length: PAGE_SIZE }, (_, i) => ({
        id: id("MESSAGE"),
        roomId,
        roomType: "group",
        text: `Message ${p * PAGE_SIZE + i}: the lunch poll closes at noon, vote for your favourite`,
        markdown: `Message ${p * PAGE_SIZE + i}: the **lunch poll** closes at noon, vote for your favourite`,
        html: `<p>Message ${p * PAGE_SIZE + i}: the <strong>lunch poll</strong> closes at noon, vote for your favourite</p>`,
        personId: id("PEOPLE"),
        personEmail: `person${i}@example.com`,
        created: new Date(Date.UTC(2026, 10, 1) + p * PAGE_SIZE + i).toISOString(),
      })),
    }),
  );
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://x");
    const page = Number(url.searchParams.get("cursor") ?? 0);
    const headers: Record<string, string> = {
      "content-type": "application/json;charset=UTF-8",
      trackingid: `ROUTER_${randomUUID()}`,
    };
    if (page + 1 < PAGES) headers.link = `<${origin}/v1/messages?roomId=ROOM&max=100&cursor=${page + 1}>; rel="next"`;
    res.writeHead(200, headers).end(pages[page]);
  });
  server.keepAliveTimeout = 60_000;
  let origin = "";
  server.listen(0, "127.0.0.1", () => {
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    // Forked by main, it reports over IPC; started by hand (to profile a client against it), on stdout.
    if (process.send) process.send(`${origin}/v1/`);
    else console.log(`${origin}/v1/`);
  });
  process.on("disconnect", () => process.exit(0));
}

async function main(): Promise<void> {
  const server = fork(fileURLToPath(import.meta.url), ["server"], { execArgv: ["--import", "tsx"] });
  const base = await new Promise<string>((resolve, reject) => {
    server.once("message", (message) => resolve(String(message)));
    server.once("exit", (code) => reject(new Error(`page server exited with ${code}`)));
  });
  try {
    const python = await pythonAvailable();
    if (!python.ok) delete clients[PY];
    const samples: Record<string, Sample[]> = Object.fromEntries(Object.keys(clients).map((name) => [name, []]));
    for (let i = 0; i < PROCESSES; i++) {
      for (const [name, client] of Object.entries(clients)) samples[name]?.push(await sample(client, base));
    }
    report(samples);
    if (!python.ok) console.log(`\n${PY}: skipped (${python.reason})`);
    if (process.argv.includes("--instructions")) await reportInstructions(base);
  } finally {
    server.kill();
  }
}

async function sample(client: Client, base: string): Promise<Sample> {
  const { stdout } = await run(client.command, client.args(base), { timeout: 300_000 });
  return JSON.parse(stdout) as Sample;
}

function report(samples: Record<string, Sample[]>): void {
  const of = (name: string, key: keyof Sample) => median((samples[name] ?? []).map((s) => s[key]));
  console.log(
    `\nClient CPU (user + system) per ${PAGE_SIZE}-message page, listing ${PAGES} pages; medians of ${PROCESSES} fresh processes`,
  );
  console.log(
    "warm: median of 20 listings after 40 warm-up ones (2000 pages); first: the client's import and first listing",
  );
  console.log(`(Node ${process.version}, ${cpus().length} CPUs, load ${loadavg()[0]?.toFixed(1)})\n`);
  console.log(row("client", ["warm µs", "vs raw", "first µs", "vs raw"]));
  for (const name of Object.keys(samples)) {
    console.log(
      row(name, [
        of(name, "warm").toFixed(0),
        (of(name, "warm") / of(RAW, "warm")).toFixed(2),
        of(name, "first").toFixed(0),
        (of(name, "first") / of(RAW, "first")).toFixed(2),
      ]),
    );
  }
  if (samples[PY]) console.log(`\n${PY} / wx, warm: ${(of(PY, "warm") / of(WX, "warm")).toFixed(2)}x`);
  console.log(
    `warm µs of every process: ${JSON.stringify(Object.fromEntries(Object.entries(samples).map(([k, v]) => [k, v.map((s) => Math.round(s.warm))])))}`,
  );
}

/** Instructions per page, steady state: (long run - short run) / pages between them, each under callgrind. */
async function reportInstructions(base: string): Promise<void> {
  try {
    await run("valgrind", ["--version"]);
  } catch {
    console.log("\ninstructions: skipped (valgrind is not installed)");
    return;
  }
  console.log(`\nInstructions per ${PAGE_SIZE}-message page under callgrind (every thread counted)\n`);
  console.log(row("client", ["instructions", "vs raw"]));
  const counts: Record<string, number> = {};
  for (const [name, client] of Object.entries(clients)) {
    const [short, long] = client.instructionRuns;
    const total = async (listings: number) => {
      const env = { ...process.env, WARMUP: String(listings), MEASURED: "0" };
      // One V8 thread, so compiling and collecting happen in one order. On a quiet machine the counts then repeat
      // to ~1%; under load the socket hands over a page in more pieces and V8 tiers up differently, so they move.
      const v8Flags = client.command === process.execPath ? ["--single-threaded"] : [];
      const command = [client.command, ...v8Flags, ...client.args(base)];
      const args = ["--tool=callgrind", "--callgrind-out-file=/dev/null", ...command];
      const { stderr } = await run("valgrind", args, { env, timeout: 1_800_000, maxBuffer: 1 << 24 });
      const collected = /Collected : (\d+)/.exec(stderr)?.[1];
      if (!collected) throw new Error(`callgrind printed no count for ${name}`);
      return Number(collected);
    };
    counts[name] = ((await total(long)) - (await total(short))) / ((long - short) * PAGES);
  }
  for (const [name, count] of Object.entries(counts)) {
    console.log(row(name, [Math.round(count).toLocaleString("en-US"), (count / (counts[RAW] ?? 1)).toFixed(3)]));
  }
}

async function pythonAvailable(): Promise<{ ok: true } | { ok: false; reason: string }> {
  try {
    await run(PYTHON, ["-c", "import webexteamssdk"], { timeout: 60_000 });
    return { ok: true };
  } catch (error) {
    const reason = String((error as { stderr?: string }).stderr || (error as Error).message)
      .trim()
      .split("\n")
      .at(-1);
    return { ok: false, reason: `${PYTHON}: ${reason}` };
  }
}
