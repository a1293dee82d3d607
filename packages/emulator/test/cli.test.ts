import { type ChildProcess, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it } from "vitest";
import { call } from "./helpers.js";

const packageDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const cli = path.join(packageDir, "dist", "cli.js");
let child: ChildProcess | undefined;

/** turbo may still be building this package when its tests start: wait for the bin to appear. */
async function waitForBuild(): Promise<void> {
  for (let i = 0; i < 300 && !existsSync(cli); i++) await new Promise((r) => setTimeout(r, 100));
  if (!existsSync(cli)) throw new Error(`${cli} is missing: run \`pnpm --filter @wx/emulator build\` first`);
}

function firstLine(proc: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    const lines = createInterface({ input: proc.stdout as NodeJS.ReadableStream });
    lines.once("line", (line) => resolve(line));
    proc.once("exit", (code) => reject(new Error(`wx-emulator exited early with ${code}`)));
  });
}

afterEach(() => {
  if (child && child.exitCode === null) child.kill("SIGKILL");
  child = undefined;
});

describe("wx-emulator CLI", () => {
  it("prints one JSON line with URL and tokens, serves them, and stops on SIGTERM", async () => {
    await waitForBuild();
    child = spawn(process.execPath, [cli, "--port", "0", "--json"], { stdio: ["ignore", "pipe", "pipe"] });
    const info = JSON.parse(await firstLine(child));
    expect(info.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/v1\/$/);
    expect(Object.keys(info.tokens).sort()).toEqual(["admin", "bot", "user"]);
    const me = await call(`${info.url}people/me`, { token: info.tokens.bot });
    expect(me.body.type).toBe("bot");
    const exited = new Promise<number | null>((resolve) => child?.once("exit", (code) => resolve(code)));
    child.kill("SIGTERM");
    expect(await exited).toBe(0);
  });

  it("prints a readable banner without --json and stops on SIGINT", async () => {
    await waitForBuild();
    child = spawn(process.execPath, [cli, "--port", "0", "--host", "127.0.0.1", "--seed", "7"], {
      stdio: ["ignore", "pipe", "pipe"],
    });
    expect(await firstLine(child)).toMatch(/^Webex emulator listening on http:\/\/127\.0\.0\.1:\d+\/v1\/$/);
    const exited = new Promise<unknown>((resolve) => child?.once("exit", (code, signal) => resolve(code ?? signal)));
    child.kill("SIGINT");
    expect(await exited).toBe(0);
  });
});
