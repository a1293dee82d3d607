// `pnpm test`: builds and tests every package with turbo, carrying on past failures, then always prints the
// failures by name and the closing `N passed, N failed, N skipped` line. Exits 1 when turbo or any test failed.
// Extra arguments go to turbo: `pnpm test --filter=@wx/core`.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { delimiter, join, resolve } from "node:path";
import { closing, removeReports, summarise, tasksOf } from "./test-summary.mjs";

const ROOT = resolve(import.meta.dirname, "..");
const RUNS = join(ROOT, ".turbo", "runs");
const env = { ...process.env, PATH: `${join(ROOT, "node_modules", ".bin")}${delimiter}${process.env.PATH ?? ""}` };

/** @param {string[]} args @param {boolean} [capture] */
function turbo(args, capture = false) {
  return spawnSync("turbo", args, { cwd: ROOT, env, stdio: capture ? ["ignore", "pipe", "inherit"] : "inherit" });
}

/** @typedef {{ summary: import("./test-summary.mjs").Summary, turboExitCode: number }} Outcome */

/** @param {string} reason @param {number} turboExitCode @returns {Outcome} */
const failedRun = (reason, turboExitCode) => ({
  summary: { passed: 0, failed: 1, skipped: 0, failures: [reason] },
  turboExitCode,
});

/** @returns {Outcome} */
function buildAndTest() {
  const listed = turbo(["ls", "--output=json"], true);
  if (listed.status !== 0) return failedRun("turbo ls: no package list, so no run", listed.status ?? 1);
  const packages = JSON.parse(listed.stdout.toString()).packages.items;
  removeReports(packages.map((/** @type {{ path: string }} */ pkg) => join(ROOT, pkg.path)));

  const runsBefore = new Set(existsSync(RUNS) ? readdirSync(RUNS) : []);
  const run = turbo(["run", "build", "test", "--continue", "--summarize", ...process.argv.slice(2)]);
  const turboExitCode = run.status ?? 1;
  if (run.error) console.error(`turbo could not run: ${run.error.message}`);
  if (run.signal) console.error(`turbo was killed by ${run.signal}`);

  const ours = (existsSync(RUNS) ? readdirSync(RUNS) : []).filter((file) => !runsBefore.has(file));
  if (ours.length !== 1) return failedRun(`turbo wrote ${ours.length} run summaries, not 1`, turboExitCode);
  const runSummaryFile = join(RUNS, ours[0]);
  const tasks = tasksOf(ROOT, JSON.parse(readFileSync(runSummaryFile, "utf8")));
  rmSync(runSummaryFile);
  return { summary: summarise(ROOT, tasks), turboExitCode };
}

const { summary, turboExitCode } = buildAndTest();
const { lines, exitCode } = closing(summary, turboExitCode);
console.log(`\n${lines.join("\n")}`);
process.exitCode = exitCode;
