import { execFile } from "node:child_process";
import { chmod, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { delimiter, join, resolve } from "node:path";
import { promisify } from "node:util";
import { expect, it } from "vitest";

const run = promisify(execFile);
const main = resolve(import.meta.dirname, "../src/main.ts");
const repoRoot = resolve(import.meta.dirname, "../../..");
const env = { ...process.env, WEBEX_ACCESS_TOKEN: "", WEBEX_TEAMS_ACCESS_TOKEN: "" };

it.each([[["--help"]], [["--", "--help"]]])(
  "prints the options for %j and exits 0 without running",
  async (args) => {
    const { stdout } = await run(process.execPath, ["--import", "tsx", main, ...args], { env, timeout: 30_000 });
    expect(stdout).toContain("wx demo: a poll bot");
    expect(stdout).toContain("--history N");
    expect(stdout).not.toContain("summary:");
  },
  30_000,
);

// The root `demo` script, run as pnpm runs it (arguments appended to its command line), with a `turbo` that
// records what it was given: pass-through arguments in turbo's task hash would rebuild every package.
it.each([[["--help"]], [["--", "--help"]]])(
  "`pnpm demo` %j builds through turbo without the arguments and hands them to the demo",
  async (args) => {
    const script = JSON.parse(await readFile(join(repoRoot, "package.json"), "utf8")).scripts.demo as string;
    const bin = await mkdtemp(join(tmpdir(), "wx-demo-turbo-"));
    try {
      const recorded = join(bin, "turbo-args");
      await writeFile(join(bin, "turbo"), `#!/bin/sh\nprintf '%s\\n' "$@" > "${recorded}"\n`);
      await chmod(join(bin, "turbo"), 0o755);
      const { stdout } = await run("sh", ["-c", `${script} "$@"`, "demo", ...args], {
        cwd: repoRoot,
        env: { ...env, PATH: `${bin}${delimiter}${process.env.PATH}` },
        timeout: 60_000,
      });
      const turboArgs = (await readFile(recorded, "utf8")).trim().split("\n");
      expect(turboArgs.slice(0, 2)).toEqual(["run", "build"]);
      expect(turboArgs).not.toContain("--help");
      expect(stdout).toContain("wx demo: a poll bot");
    } finally {
      await rm(bin, { recursive: true, force: true });
    }
  },
  60_000,
);

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

it("refuses a webhook URL the bot could not register before doing anything", async () => {
  const args = ["--import", "tsx", main, "--webhook-url", "bot.example.com/hook"];
  const error = await run(process.execPath, args, { env, timeout: 30_000 }).catch((e) => e);
  expect(error.code).toBe(1);
  expect(error.stderr).toContain("demo failed: --webhook-url must be an http(s) URL, got bot.example.com/hook");
  expect(error.stdout).not.toContain("signed in");
}, 30_000);

it("refuses an export path it cannot write before doing anything", async () => {
  const args = ["--import", "tsx", main, "--history", "10", "--out", "/no/such/dir/history.jsonl"];
  const error = await run(process.execPath, args, { env, timeout: 60_000 }).catch((e) => e);
  expect(error.code).toBe(1);
  expect(error.stderr).toContain("demo failed: --out: cannot write into /no/such/dir");
  expect(error.stdout).not.toContain("signed in");
}, 60_000);
