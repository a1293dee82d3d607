// @wx/redis: added latency per request of redisRateLimiter beside no limiter, same run, medians of 5 runs. The
// measuring code is packages/redis/bench/rate-limiter.ts (it imports @wx/redis, which bench/ does not depend on);
// this starts it in its own process. Run from the repo root: pnpm bench:redis
import { fork } from "node:child_process";
import { once } from "node:events";

const run = fork(new URL("../packages/redis/bench/rate-limiter.ts", import.meta.url), process.argv.slice(2), {
  execArgv: ["--import", "tsx"],
  stdio: "inherit",
});
const [code] = await once(run, "exit");
process.exitCode = typeof code === "number" ? code : 1;
