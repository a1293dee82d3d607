#!/usr/bin/env node
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { isLoopbackHost } from "./control-access.js";
import { createEmulator } from "./emulator.js";
import type { Emulator, OrgSeed } from "./types.js";

const USAGE = `Usage: wx-emulator [options]
  --port N            TCP port (default 8642; 0 picks a free one)
  --host HOST         interface to listen on (default 127.0.0.1)
  --seed N            same seed, same IDs, tokens and faults
  --seed FILE.json    the org to seed: people, roles, licences (see the README; "random" is N)
  --json              print one JSON line {"url", "tokens"} instead of the banner
  --rate-limit N      answer 429 with Retry-After beyond N requests per minute per token
  --control-key KEY   require KEY in the X-Emulator-Key header of control API requests
                      (needed for the control API when --host is not loopback)
  --help              show this help
`;

/** `--seed N` is the random seed; anything else names a JSON file with the org seed. */
function readSeed(value: string | undefined): number | OrgSeed | undefined {
  if (value === undefined) return undefined;
  if (/^\d+$/.test(value)) return wholeNumber("seed", value, 0);
  let text: string;
  try {
    text = readFileSync(value, "utf8");
  } catch (error) {
    throw new Error(`Invalid --seed: cannot read ${value} (${(error as NodeJS.ErrnoException).code ?? "error"})`);
  }
  try {
    return JSON.parse(text) as OrgSeed;
  } catch {
    throw new Error(`Invalid --seed: ${value} is not JSON`);
  }
}

/** A whole number from `min` up, or an error naming the flag. */
function wholeNumber(flag: string, value: string, min: number, max = Number.MAX_SAFE_INTEGER): number {
  const number = Number(value);
  if (!/^\d+$/.test(value) || number < min || number > max) throw new Error(`Invalid --${flag}: ${value}`);
  return number;
}

/** `wx-emulator --port 8642 --host 127.0.0.1 [--json] [--seed N|FILE] [--rate-limit N] [--control-key KEY]`: runs until SIGINT/SIGTERM. */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: "string", default: "8642" },
      host: { type: "string", default: "127.0.0.1" },
      seed: { type: "string" },
      json: { type: "boolean", default: false },
      "rate-limit": { type: "string" },
      "control-key": { type: "string" },
      help: { type: "boolean", default: false },
    },
  });
  if (values.help) {
    process.stdout.write(USAGE);
    return;
  }
  const port = wholeNumber("port", values.port, 0, 65535);
  const rateLimit = values["rate-limit"];
  const controlKey = values["control-key"];
  if (controlKey === "") throw new Error("Invalid --control-key: it must not be empty");
  let emu: Emulator | undefined;
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    (emu ? emu.close() : Promise.resolve()).then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  // Listen before printing anything, so a signal right after the banner is never missed.
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
  emu = await createEmulator({
    port,
    host: values.host,
    seed: readSeed(values.seed),
    rateLimit: rateLimit === undefined ? undefined : { perMinute: wholeNumber("rate-limit", rateLimit, 1) },
    controlKey,
  });
  if (values.json) {
    process.stdout.write(`${JSON.stringify({ url: emu.url, tokens: emu.tokens })}\n`);
  } else {
    const controlApi = emu.url.replace(/v1\/$/, "_emulator/state");
    const lines = [
      `Webex emulator listening on ${emu.url}`,
      `  admin token: ${emu.tokens.admin}`,
      `  user token:  ${emu.tokens.user}`,
      `  bot token:   ${emu.tokens.bot}`,
      controlKey !== undefined
        ? `  control API: ${controlApi} (X-Emulator-Key required)`
        : isLoopbackHost(values.host)
          ? `  control API: ${controlApi}`
          : "  control API: off (listening beyond loopback without --control-key)",
      "Press Ctrl+C to stop.",
    ];
    process.stdout.write(`${lines.join("\n")}\n`);
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`wx-emulator: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
