import { execFile } from "node:child_process";
import { resolve } from "node:path";
import { promisify } from "node:util";
import { expect, it } from "vitest";

const run = promisify(execFile);
const main = resolve(import.meta.dirname, "../src/main.ts");
const env = { ...process.env, WEBEX_ACCESS_TOKEN: "", WEBEX_TEAMS_ACCESS_TOKEN: "" };

it("runs the whole demo against the embedded emulator and exits 0 with a summary", async () => {
  const { stdout } = await run(process.execPath, ["--import", "tsx", main, "--history", "300"], {
    env,
    timeout: 60_000,
  });
  expect(stdout).toContain("against the embedded emulator");
  expect(stdout).toMatch(/summary: 3 messages posted, 4 votes .* 303 messages exported/);
}, 60_000);

it("exits non-zero with a clear message on bad input", async () => {
  const error = await run(process.execPath, ["--import", "tsx", main, "--history", "lots"], {
    env,
    timeout: 30_000,
  }).catch((e) => e);
  expect(error.code).toBe(1);
  expect(error.stderr).toContain("demo failed: --history must be a whole number, got lots");
}, 30_000);

it("refuses an export path it cannot write before doing anything", async () => {
  const args = ["--import", "tsx", main, "--history", "10", "--out", "/no/such/dir/history.jsonl"];
  const error = await run(process.execPath, args, { env, timeout: 60_000 }).catch((e) => e);
  expect(error.code).toBe(1);
  expect(error.stderr).toContain("demo failed: --out: cannot write into /no/such/dir");
  expect(error.stdout).not.toContain("signed in");
}, 60_000);
