// @wx/bot: events per second through one bot process over loopback, and its added latency per event beside a
// hand-written @wx/webhooks handler, medians of 5 runs. The measuring code is packages/bot/bench/events.ts (it
// imports @wx/bot, which bench/ does not depend on); this starts it in its own process.
// Run from the repo root: pnpm bench:bot
import { fork } from "node:child_process";
import { once } from "node:events";

const run = fork(new URL("../packages/bot/bench/events.ts", import.meta.url), process.argv.slice(2), {
  execArgv: ["--import", "tsx"],
  stdio: "inherit",
});
const [code] = await once(run, "exit");
process.exitCode = typeof code === "number" ? code : 1;
