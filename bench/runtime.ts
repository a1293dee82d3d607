// Import cost and transport speed of @wx/core, each against a baseline measured in the same run.
import { execFileSync } from "node:child_process";
import { createRequire } from "node:module";
import { pathToFileURL } from "node:url";
import { fetchTransport, Session, undiciTransport } from "@wx/core";
import { compare, median, row, startLoopbackServer, timeMs } from "./lib.js";

const RUNS = 7;
const resolve = createRequire(import.meta.url).resolve;

/** Milliseconds a fresh Node process spends in `import()` of the given modules (the process start excluded). */
function importMs(specifiers: string[]): number {
  const urls = specifiers.map((s) => pathToFileURL(resolveEsm(s)).href);
  const script = `const t = performance.now(); for (const u of ${JSON.stringify(urls)}) await import(u); console.log(performance.now() - t);`;
  return Number(execFileSync(process.execPath, ["--input-type=module", "-e", script], { encoding: "utf8" }).trim());
}

function resolveEsm(specifier: string): string {
  const main = resolve(specifier);
  return main.endsWith(".cjs") ? main.replace(/\.cjs$/, ".js") : main;
}

const imports: Record<string, string[]> = {
  "@octokit/rest": ["@octokit/rest"],
  undici: ["undici"],
  "@wx/sdk": ["@wx/sdk"],
  "@wx/core + @wx/api-messages": ["@wx/core", "@wx/api-messages"],
};
const importTimes = Object.fromEntries(Object.keys(imports).map((name) => [name, [] as number[]]));
for (let run = 0; run < RUNS; run++) {
  for (const [name, specifiers] of Object.entries(imports)) importTimes[name]?.push(importMs(specifiers));
}
const octokit = median(importTimes["@octokit/rest"] ?? []);
console.log(`\nimport() in a fresh process (medians of ${RUNS}, ms)\n`);
console.log(row("module", ["ms", "vs octokit"]));
for (const [name, all] of Object.entries(importTimes)) {
  console.log(row(name, [median(all).toFixed(1), (median(all) / octokit).toFixed(2)]));
}

const server = await startLoopbackServer();
const requests = 5000;
async function throughput(session: Session): Promise<number> {
  const ms = await timeMs(async () => {
    const inFlight = Array.from({ length: 20 }, async (_, worker) => {
      for (let i = worker; i < requests; i += 20) await session.request({ path: "people/me" });
    });
    await Promise.all(inFlight);
  });
  return (requests / ms) * 1000;
}
const sessions = {
  undici: new Session({ accessToken: "t", baseUrl: `${server.origin}/v1/`, transport: undiciTransport() }),
  fetch: new Session({ accessToken: "t", baseUrl: `${server.origin}/v1/`, transport: fetchTransport() }),
};
await throughput(sessions.undici);
await throughput(sessions.fetch);
const results = await compare(5, {
  undici: () => throughput(sessions.undici),
  fetch: () => throughput(sessions.fetch),
});
console.log(`\n${requests} GETs at concurrency 20 over loopback (medians of 5, requests/s)\n`);
console.log(row("transport", ["req/s", "vs undici"]));
for (const [name, { median: value }] of Object.entries(results)) {
  console.log(row(name, [Math.round(value), (value / (results.undici?.median ?? 1)).toFixed(2)]));
}
await Promise.all(Object.values(sessions).map((s) => s.close()));
server.stop();
