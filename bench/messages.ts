// MessagesApi vs raw undici: listing 100 000 messages (emulator and a minimal loopback server), and memory
// while uploading a 200 MB file. Servers run in child processes (this file, forked with a role argument),
// so the client's timings and memory are its own.
// Run from the repo root: pnpm bench:messages
import { fork } from "node:child_process";
import { once } from "node:events";
import { createReadStream, createWriteStream } from "node:fs";
import { rm } from "node:fs/promises";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { MessagesApi } from "@wx/api-messages";
import { Session } from "@wx/core";
import { createEmulator } from "@wx/emulator";
import { Agent, type Dispatcher, request } from "undici";
import { compare, row, timeMs } from "./lib.js";

const MESSAGES = 100_000;
const PAGE = 1000; // the emulator's (and the service's) largest page
const RUNS = 5;
const UPLOAD_MB = Number(process.env.UPLOAD_MB ?? 200);
const TOKEN = "bench-token";

interface Target {
  url: string;
  token: string;
  roomId: string;
}

const role = process.argv[2];
if (role === "emulator") await serveEmulator();
else if (role === "pages") await servePages();
else if (role === "discard") await serveDiscard();
else if (role === "upload") await measureUpload(process.argv[3] as UploadClient, process.argv[4] as string);
else await main();

async function main(): Promise<void> {
  console.log(`Listing ${MESSAGES} messages, max=${PAGE}; medians of ${RUNS} runs (ms)`);
  console.log(`${row("", ["median"])}    runs`);
  for (const [name, server] of [
    ["emulator", "emulator"],
    ["loopback pages", "pages"],
  ] as const) {
    const child = await startChild<Target>(server);
    const results = await compareListing(child.info);
    for (const [label, result] of Object.entries(results)) {
      console.log(
        `${row(`${name}: ${label}`, [result.median.toFixed(0)])}    ${result.all.map((v) => v.toFixed(0)).join(" / ")}`,
      );
    }
    const ratio = (results.MessagesApi?.median ?? 0) / (results["raw undici"]?.median ?? 1);
    console.log(row(`${name}: MessagesApi / raw (target <= 1.2)`, [`${ratio.toFixed(2)}x`, ""]));
    child.stop();
  }
  await uploadMemory();
}

async function compareListing(target: Target): Promise<Record<string, { median: number; all: number[] }>> {
  const session = new Session({ accessToken: target.token, baseUrl: target.url });
  const messages = new MessagesApi(session);
  const agent = new Agent({ keepAliveTimeout: 30_000 });
  const headers = { authorization: `Bearer ${target.token}`, accept: "application/json" };

  const viaSdk = async () => {
    let count = 0;
    for await (const _message of messages.list({ roomId: target.roomId, max: PAGE })) count++;
    return count;
  };
  const viaRaw = async () => {
    let count = 0;
    let url: string | undefined = `${target.url}messages?roomId=${encodeURIComponent(target.roomId)}&max=${PAGE}`;
    while (url) {
      const response: Dispatcher.ResponseData = await request(url, { headers, dispatcher: agent });
      if (response.statusCode !== 200) throw new Error(`raw: HTTP ${response.statusCode}`);
      const page = (await response.body.json()) as { items: unknown[] };
      for (const _item of page.items) count++;
      url = /<([^>]+)>;\s*rel="next"/.exec(String(response.headers.link ?? ""))?.[1];
    }
    return count;
  };
  for (const [name, list] of [
    ["MessagesApi", viaSdk],
    ["raw undici", viaRaw],
  ] as const) {
    const count = await list(); // warm-up, and a check that both see every message
    if (count !== MESSAGES) throw new Error(`${name} listed ${count} messages, expected ${MESSAGES}`);
  }
  const results = await compare(RUNS, {
    MessagesApi: () => timeMs(viaSdk),
    "raw undici": () => timeMs(viaRaw),
  });
  await session.close();
  await agent.close();
  return results;
}

type UploadClient = "MessagesApi" | "raw undici";
interface UploadResult {
  ms: number;
  received: number;
  rss: number;
  heapUsed: number;
  external: number;
}

/** Each client uploads the same file from its own fresh process, so neither inherits the other's heap. */
async function uploadMemory(): Promise<void> {
  const path = join(tmpdir(), `wx-bench-upload-${process.pid}.bin`);
  const chunk = Buffer.alloc(1024 * 1024, 7);
  const out = createWriteStream(path);
  for (let i = 0; i < UPLOAD_MB; i++) if (!out.write(chunk)) await once(out, "drain");
  out.end();
  await once(out, "close");
  const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  console.log(`\nUploading a ${UPLOAD_MB} MB file from a path to a server that discards it; growth over the`);
  console.log("process's own baseline, sampled every 20 ms");
  console.log(row("", ["time", "RSS", "heapUsed", "ext+arrBuf"]));
  try {
    for (const client of ["MessagesApi", "raw undici"] as const) {
      const child = await startChild<UploadResult>("upload", [client, path], ["--expose-gc"]);
      const result = child.info;
      child.stop();
      if (result.received < UPLOAD_MB * 1024 * 1024) throw new Error(`${client}: server got ${result.received} bytes`);
      const label =
        client === "raw undici" ? "raw undici (file stream as the whole body)" : "MessagesApi.create (multipart)";
      console.log(row(label, [`${result.ms.toFixed(0)} ms`, mb(result.rss), mb(result.heapUsed), mb(result.external)]));
    }
  } finally {
    await rm(path, { force: true });
  }
}

async function measureUpload(client: UploadClient, path: string): Promise<void> {
  const gc = (globalThis as { gc?: () => void }).gc as () => void;
  const server = await startChild<Target>("discard");
  const url = server.info.url;
  const session = new Session({ accessToken: TOKEN, baseUrl: url });
  const messages = new MessagesApi(session);
  const agent = new Agent();
  const upload = async (file: string): Promise<number> => {
    if (client === "MessagesApi") {
      const sent = await messages.create({ roomId: "R", text: "file", files: [file] });
      return Number((sent as { received?: number }).received);
    }
    const response = await request(`${url}messages`, {
      method: "POST",
      dispatcher: agent,
      headers: { authorization: `Bearer ${TOKEN}`, "content-type": "application/octet-stream" },
      body: createReadStream(file),
    });
    return ((await response.body.json()) as { received: number }).received;
  };
  await upload(fileURLToPath(import.meta.url)); // warm-up: connection, code paths

  gc();
  const base = process.memoryUsage();
  const peak = { ...base };
  const sampler = setInterval(() => {
    const now = process.memoryUsage();
    peak.rss = Math.max(peak.rss, now.rss);
    peak.heapUsed = Math.max(peak.heapUsed, now.heapUsed);
    peak.external = Math.max(peak.external, now.external + now.arrayBuffers);
  }, 20);
  let received = 0;
  const ms = await timeMs(async () => {
    received = await upload(path);
  });
  clearInterval(sampler);
  await session.close();
  await agent.close();
  server.stop();
  process.send?.({
    ms,
    received,
    rss: peak.rss - base.rss,
    heapUsed: peak.heapUsed - base.heapUsed,
    external: peak.external - base.external - base.arrayBuffers,
  } satisfies UploadResult);
}

/** Forks this file with a server role; the child sends back its `Target` once listening. */
async function startChild<T>(
  childRole: string,
  args: string[] = [],
  nodeOptions: string[] = [],
): Promise<{ info: T; stop(): void }> {
  const child = fork(new URL(import.meta.url), [childRole, ...args], {
    execArgv: [...nodeOptions, "--import", "tsx"],
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  const info = await new Promise<T>((resolve, reject) => {
    child.once("message", (message) => resolve(message as T));
    child.once("exit", (code) => reject(new Error(`${childRole} server exited with ${code}`)));
  });
  return { info, stop: () => child.kill() };
}

async function serveEmulator(): Promise<void> {
  const emu = await createEmulator({ port: 0 });
  const session = new Session({ accessToken: emu.tokens.user, baseUrl: emu.url });
  const room = await session.request<{ id: string }>({ method: "POST", path: "rooms", json: { title: "Bench" } });
  await session.close();
  emu.seedMessages({ roomId: room.id, count: MESSAGES });
  process.send?.({ url: emu.url, token: emu.tokens.user, roomId: room.id } satisfies Target);
  process.on("disconnect", () => process.exit(0));
}

/** Pre-built pages of message JSON shaped like the service's, with Link headers. */
async function servePages(): Promise<void> {
  const roomId = "Y2lzY29zcGFyazovL3VzL1JPT00vYmVuY2gtcm9vbQ";
  const pages = Array.from({ length: MESSAGES / PAGE }, (_, p) =>
    JSON.stringify({
      items: Array.from({ length: PAGE }, (_, i) => {
        const n = MESSAGES - p * PAGE - i;
        return {
          id: `Y2lzY29zcGFyazovL3VzL01FU1NBR0UvbWVzc2FnZS0${n}`,
          roomId,
          roomType: "group",
          text: `Message number ${n}`,
          personId: "Y2lzY29zcGFyazovL3VzL1BFT1BMRS9iZW5jaC11c2Vy",
          personEmail: "bench@example.com",
          created: new Date(1_700_000_000_000 + n * 1000).toISOString(),
        };
      }),
    }),
  );
  const server = createServer((req, res) => {
    const query = new URL(req.url ?? "/", "http://x").searchParams;
    const page = Number(query.get("cursor") ?? 0);
    const headers: Record<string, string> = { "content-type": "application/json;charset=UTF-8" };
    if (page + 1 < pages.length) {
      headers.link = `<${origin}/v1/messages?roomId=${roomId}&max=${PAGE}&cursor=${page + 1}>; rel="next"`;
    }
    res.writeHead(200, headers).end(pages[page]);
  });
  const origin = await listen(server);
  process.send?.({ url: `${origin}/v1/`, token: TOKEN, roomId } satisfies Target);
}

/** Accepts any POST, discards the body and answers with a message holding the byte count. */
async function serveDiscard(): Promise<void> {
  const server = createServer(async (req, res) => {
    let received = 0;
    for await (const chunk of req) received += (chunk as Buffer).length;
    res.writeHead(200, { "content-type": "application/json;charset=UTF-8" });
    res.end(JSON.stringify({ id: "M1", roomId: "R", text: "ok", received }));
  });
  const origin = await listen(server);
  process.send?.({ url: `${origin}/v1/`, token: TOKEN, roomId: "R" } satisfies Target);
}

async function listen(server: ReturnType<typeof createServer>): Promise<string> {
  server.keepAliveTimeout = 60_000;
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  process.on("disconnect", () => process.exit(0));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}
