// Client CPU per 100-message page: @wx/api-messages beside raw undici.request + JSON.parse and the Python
// webexteamssdk, each listing the same room from a page server in its own process. Every sample is a fresh
// client process; the clients alternate, so drift on a noisy machine hits them alike.
//   pnpm bench:page-cpu
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

interface Sample {
  first: number;
  warm: number;
}

const pythonClientSource = `
import sys, time
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
for _ in range(40):
    count_pages()
warm = []
for _ in range(20):
    t = time.process_time()
    pages = count_pages()
    warm.append((time.process_time() - t) * 1e6 / pages)
warm.sort()
print('{"first": %f, "warm": %f}' % (first, warm[10]))
`;

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
    const clients: Record<string, () => Promise<Sample>> = {
      "wx, for await over messages": () => nodeClient("wx for-await", base),
      "wx, for await over pages()": () => nodeClient("wx pages", base),
      "wx's undici transport alone + JSON.parse": () => nodeClient("wx transport", base),
      [RAW]: () => nodeClient("undici.request", base),
    };
    if (python.ok) clients["Python webexteamssdk"] = () => pythonClient(base);
    const samples: Record<string, Sample[]> = Object.fromEntries(Object.keys(clients).map((name) => [name, []]));
    for (let i = 0; i < PROCESSES; i++) {
      for (const [name, sample] of Object.entries(clients)) samples[name]?.push(await sample());
    }
    report(samples);
    if (!python.ok) console.log(`\nPython webexteamssdk: skipped (${python.reason})`);
  } finally {
    server.kill();
  }
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
  if (samples["Python webexteamssdk"]) {
    console.log(`\nPython / wx, warm: ${(of("Python webexteamssdk", "warm") / of(WX, "warm")).toFixed(2)}x`);
  }
  console.log(
    `warm µs of every process: ${JSON.stringify(Object.fromEntries(Object.entries(samples).map(([k, v]) => [k, v.map((s) => Math.round(s.warm))])))}`,
  );
}

async function nodeClient(client: string, base: string): Promise<Sample> {
  const script = fileURLToPath(new URL("./page-cpu-client.mjs", import.meta.url));
  const { stdout } = await run(process.execPath, [script, client, base], { timeout: 120_000 });
  return JSON.parse(stdout) as Sample;
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

async function pythonClient(base: string): Promise<Sample> {
  const { stdout } = await run(PYTHON, ["-c", pythonClientSource, base], { timeout: 300_000 });
  return JSON.parse(stdout) as Sample;
}
