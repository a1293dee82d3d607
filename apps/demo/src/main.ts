import { constants } from "node:fs";
import { access } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { parseArgs } from "node:util";
import { runScenario } from "./scenario.js";
import { serveUi } from "./serve.js";
import { openTarget } from "./target.js";

const HELP = `wx demo: a poll bot that shows the whole SDK in one run.

  pnpm demo [-- options]

  --history N        messages seeded before the export (emulator only; default 5000)
  --out FILE         where the room history is exported as JSONL (default: a file in the temp dir)
  --webhook-url URL  public URL forwarding to the bot's local server (live mode)
  --receiver-port N  port of the bot's local server, where the webhooks arrive (default: any)
  --serve            keep running with a web page showing the rooms and messages
  --port N           port of that page (default 8650)

Without WEBEX_ACCESS_TOKEN it runs against the embedded emulator; with it, against Webex.`;

async function main(): Promise<number> {
  const { values } = parseArgs({
    args: withoutLeadingSeparator(process.argv.slice(2)),
    options: {
      history: { type: "string", default: "5000" },
      out: { type: "string" },
      "webhook-url": { type: "string" },
      "receiver-port": { type: "string", default: "0" },
      serve: { type: "boolean", default: false },
      port: { type: "string", default: "8650" },
      help: { type: "boolean", short: "h", default: false },
    },
  });
  if (values.help) {
    console.log(HELP);
    return 0;
  }
  const historySize = Number(values.history);
  if (!Number.isInteger(historySize) || historySize < 0)
    throw new Error(`--history must be a whole number, got ${values.history}`);

  const webhookUrl = values["webhook-url"];
  if (webhookUrl !== undefined && !(URL.canParse(webhookUrl) && /^https?:$/.test(new URL(webhookUrl).protocol)))
    throw new Error(`--webhook-url must be an http(s) URL, got ${webhookUrl}`);

  const exportFile = values.out ?? join(tmpdir(), `wx-demo-history-${process.pid}.jsonl`);
  await access(dirname(exportFile), constants.W_OK).catch(() => {
    throw new Error(`--out: cannot write into ${dirname(exportFile)}`);
  });

  const started = performance.now();
  const target = await openTarget();
  console.log(
    `wx demo against ${target.mode === "emulator" ? `the embedded emulator at ${target.emu?.url}` : "Webex"}\n`,
  );
  try {
    const result = await runScenario(target, {
      historySize,
      exportFile,
      webhookUrl,
      receiverPort: Number(values["receiver-port"]),
      voteTimeoutMs: target.mode === "emulator" ? 15_000 : 120_000,
      log: (line) => console.log(`  - ${line}`),
    });
    console.log("\nthread transcript:");
    const thread = await target.wx.messages.list({ roomId: result.room.id, parentId: result.poll.id }).toArray();
    for (const message of [result.poll, ...thread.reverse()]) {
      console.log(`  ${message.personEmail ?? "?"}: ${message.text ?? ""}`);
    }
    const votes = [...result.tally.values()].reduce((a, b) => a + b, 0);
    console.log(
      `\nsummary: ${result.posted.size} messages posted, ${votes} votes (${[...result.tally].map(([o, n]) => `${o} ${n}`).join(", ")}), ` +
        `${result.webhookEvents} webhook events, ${result.exported} messages exported to ${exportFile} ` +
        `in ${((performance.now() - started) / 1000).toFixed(1)} s`,
    );
    if (values.serve) {
      const ui = await serveUi(target.wx, {
        port: Number(values.port),
        historyBefore: result.intro,
        accessToken: target.accessToken,
      });
      console.log(`\nserving ${ui.url} (Ctrl+C to stop)`);
      await new Promise<void>((resolve) => {
        process.once("SIGINT", resolve);
        process.once("SIGTERM", resolve);
      });
      await ui.close();
    }
    return 0;
  } finally {
    await target.close();
  }
}

/** `pnpm demo -- --help` hands the script `-- --help`: pnpm keeps the `--` it was given. */
function withoutLeadingSeparator(args: string[]): string[] {
  return args[0] === "--" ? args.slice(1) : args;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`\ndemo failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
