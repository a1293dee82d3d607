#!/usr/bin/env node
import { parseArgs } from "node:util";
import { createEmulator } from "./emulator.js";
import type { Emulator } from "./types.js";

/** `wx-emulator --port 8642 --host 127.0.0.1 [--json] [--seed N]`: runs the emulator until SIGINT/SIGTERM. */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: "string", default: "8642" },
      host: { type: "string", default: "127.0.0.1" },
      seed: { type: "string" },
      json: { type: "boolean", default: false },
      help: { type: "boolean", default: false },
    },
  });
  if (values.help) {
    process.stdout.write("Usage: wx-emulator [--port 8642] [--host 127.0.0.1] [--seed N] [--json]\n");
    return;
  }
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`Invalid --port: ${values.port}`);
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
    seed: values.seed === undefined ? undefined : Number(values.seed),
  });
  if (values.json) {
    process.stdout.write(`${JSON.stringify({ url: emu.url, tokens: emu.tokens })}\n`);
  } else {
    const lines = [
      `Webex emulator listening on ${emu.url}`,
      `  admin token: ${emu.tokens.admin}`,
      `  user token:  ${emu.tokens.user}`,
      `  bot token:   ${emu.tokens.bot}`,
      `  control API: ${emu.url.replace(/v1\/$/, "_emulator/state")}`,
      "Press Ctrl+C to stop.",
    ];
    process.stdout.write(`${lines.join("\n")}\n`);
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`wx-emulator: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
