import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
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

function start(args: string[]): ChildProcess {
  child = spawn(process.execPath, [cli, ...args], { stdio: ["ignore", "pipe", "pipe"] });
  return child;
}

/** Everything the process writes, and its exit code, once it exits. */
function exitOf(proc: ChildProcess): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    let stdout = "";
    let stderr = "";
    proc.stdout?.on("data", (chunk: Buffer) => {
      stdout += chunk.toString();
    });
    proc.stderr?.on("data", (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    proc.once("close", (code) => resolve({ code, stdout, stderr }));
  });
}

/** Banner lines up to the last one, "Press Ctrl+C to stop.". */
function banner(proc: ChildProcess): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const seen: string[] = [];
    const lines = createInterface({ input: proc.stdout as NodeJS.ReadableStream });
    lines.on("line", (line) => {
      seen.push(line);
      if (line.startsWith("Press Ctrl+C")) resolve(seen);
    });
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

  it("turns on the rate limiter with --rate-limit N (requests per minute per token)", async () => {
    await waitForBuild();
    const info = JSON.parse(await firstLine(start(["--port", "0", "--json", "--rate-limit", "2"])));
    const statuses: number[] = [];
    let retryAfter: string | undefined;
    for (let i = 0; i < 3; i++) {
      const res = await call(`${info.url}people/me`, { token: info.tokens.user });
      statuses.push(res.status);
      retryAfter = res.headers["retry-after"];
    }
    expect(statuses).toEqual([200, 200, 429]);
    expect(Number(retryAfter)).toBeGreaterThanOrEqual(1);
    // The limit is per token: another one is not affected.
    expect((await call(`${info.url}people/me`, { token: info.tokens.bot })).status).toBe(200);
  });

  it("refuses a --rate-limit that is not a positive whole number", async () => {
    await waitForBuild();
    for (const value of ["0", "-5", "1.5", "lots"]) {
      const { code, stderr } = await exitOf(start(["--port", "0", `--rate-limit=${value}`]));
      expect(code).toBe(1);
      expect(stderr).toContain(`Invalid --rate-limit: ${value}`);
    }
  });

  it("guards the control API with --control-key when listening beyond loopback", async () => {
    await waitForBuild();
    const info = JSON.parse(
      await firstLine(start(["--port", "0", "--host", "0.0.0.0", "--json", "--control-key", "k3y"])),
    );
    const state = `http://127.0.0.1:${new URL(info.url).port}/_emulator/state`;
    expect((await call(state)).status).toBe(401);
    const res = await call(state, { headers: { "x-emulator-key": "k3y" } });
    expect(res.status).toBe(200);
    expect(res.body.tokens).toEqual(info.tokens);
  });

  it("says in the banner when the control API is off or needs the key", async () => {
    await waitForBuild();
    const off = await banner(start(["--port", "0", "--host", "0.0.0.0"]));
    expect(off).toContain("  control API: off (listening beyond loopback without --control-key)");
    child?.kill("SIGKILL");
    const keyed = await banner(start(["--port", "0", "--control-key", "k3y"]));
    expect(keyed.find((line) => line.includes("control API"))).toMatch(/_emulator\/state \(X-Emulator-Key required\)$/);
  });

  it("seeds the org from --seed file.json, and refuses a file it cannot read or use", async () => {
    await waitForBuild();
    const dir = mkdtempSync(path.join(tmpdir(), "wx-seed-"));
    const file = path.join(dir, "org.json");
    const seed = {
      random: 5,
      org: { displayName: "Acme" },
      people: [{ key: "carol", displayName: "Carol Chef", email: "carol@acme.example", roles: ["Full Administrator"] }],
    };
    writeFileSync(file, JSON.stringify(seed));
    const info = JSON.parse(await firstLine(start(["--port", "0", "--json", "--seed", file])));
    expect(Object.keys(info.tokens).sort()).toEqual(["admin", "bot", "carol", "user"]);
    const me = await call(`${info.url}people/me`, { token: info.tokens.carol });
    expect(me.body).toMatchObject({ displayName: "Carol Chef", emails: ["carol@acme.example"] });
    const orgs = await call(`${info.url}organizations`, { token: info.tokens.carol });
    expect(orgs.body.items[0].displayName).toBe("Acme");
    child?.kill("SIGKILL");
    const again = JSON.parse(await firstLine(start(["--port", "0", "--json", "--seed", "5"])));
    expect(again.tokens.user).toBe(info.tokens.user);
    child?.kill("SIGKILL");

    writeFileSync(path.join(dir, "bad.json"), "{not json");
    writeFileSync(path.join(dir, "wrong.json"), JSON.stringify({ people: [{ displayName: "X", roles: ["Boss"] }] }));
    for (const [name, message] of [
      ["missing.json", "cannot read"],
      ["bad.json", "is not JSON"],
      ["wrong.json", "unknown role Boss"],
    ]) {
      const { code, stderr } = await exitOf(start(["--port", "0", "--seed", path.join(dir, name as string)]));
      expect(code).toBe(1);
      expect(stderr).toContain(message);
    }
  });

  it("documents --rate-limit and --control-key in --help", async () => {
    await waitForBuild();
    const { code, stdout } = await exitOf(start(["--help"]));
    expect(code).toBe(0);
    expect(stdout).toContain("--rate-limit N");
    expect(stdout).toContain("--control-key KEY");
    expect(stdout).toContain("--seed FILE.json");
  });
});
