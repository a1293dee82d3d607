// @wx/redis: events per second of a 3-process bot fleet sharing redisStore beside one process with memoryStore,
// same run, medians of 5 runs. The measuring code is packages/redis/bench/fleet.ts (it imports @wx/redis and
// @wx/bot, which bench/ does not depend on); this starts it in its own process.
// Run from the repo root: pnpm bench:fleet
import { fork } from "node:child_process";
import { once } from "node:events";

const run = fork(new URL("../packages/redis/bench/fleet.ts", import.meta.url), process.argv.slice(2), {
  execArgv: ["--import", "tsx"],
  stdio: "inherit",
});
const [code] = await once(run, "exit");
process.exitCode = typeof code === "number" ? code : 1;
