// @wx/redis: the latency redisRateLimiter adds to each request, beside a Session with no limiter, same run,
// medians of 5 interleaved runs. A real redis-server and the loopback API server each run in their own process.
// Run from the repo root: pnpm bench:redis
import { Session } from "@wx/core";
import { compare, row, startLoopbackServer, timeMs } from "../../../bench/lib.js";
import { redisRateLimiter } from "../src/index.js";
import { hasRedisServer, startRedisServer } from "../test/redis-server.js";

if (!hasRedisServer) throw new Error("bench:redis needs redis-server (apt-get install redis-server)");
const RUNS = 5;
const REQUESTS = 2_000;
const CONCURRENCY = 20;

const api = await startLoopbackServer();
const redis = await startRedisServer();
const baseUrl = `${api.origin}/v1/`;
const pauseOnly = redisRateLimiter({ redis: redis.url, prefix: "bench:pause:" });
const budgeted = redisRateLimiter({
  redis: redis.url,
  prefix: "bench:budget:",
  budget: { requests: 1e9, perMs: 60_000 },
});
const sessions = {
  none: new Session({ accessToken: "bench-token", baseUrl }),
  pause: new Session({ accessToken: "bench-token", baseUrl, rateLimiter: pauseOnly }),
  budget: new Session({ accessToken: "bench-token", baseUrl, rateLimiter: budgeted }),
};

const sequential = (session: Session) =>
  timeMs(async () => {
    for (let i = 0; i < REQUESTS; i++) await session.request({ path: "ping" });
  });
const concurrent = (session: Session) =>
  timeMs(async () => {
    let started = 0;
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (started++ < REQUESTS) await session.request({ path: "ping" });
      }),
    );
  });

for (const session of Object.values(sessions)) for (let i = 0; i < 300; i++) await session.request({ path: "ping" });

try {
  const results = await compare(RUNS, {
    "sequential, no limiter": () => sequential(sessions.none),
    "sequential, redisRateLimiter": () => sequential(sessions.pause),
    "sequential, redisRateLimiter + budget": () => sequential(sessions.budget),
    [`${CONCURRENCY} concurrent, no limiter`]: () => concurrent(sessions.none),
    [`${CONCURRENCY} concurrent, redisRateLimiter`]: () => concurrent(sessions.pause),
    [`${CONCURRENCY} concurrent, redisRateLimiter + budget`]: () => concurrent(sessions.budget),
  });
  const [load] = (await import("node:os")).loadavg();
  console.log(`${REQUESTS} GETs per run, ${RUNS} runs, load average ${load?.toFixed(1)}`);
  console.log(row("case", ["median ms", "µs/request", "added µs", "ratio"]));
  for (const mode of ["sequential", `${CONCURRENCY} concurrent`]) {
    const baseline = results[`${mode}, no limiter`]?.median ?? Number.NaN;
    for (const variant of ["no limiter", "redisRateLimiter", "redisRateLimiter + budget"]) {
      const median = results[`${mode}, ${variant}`]?.median ?? Number.NaN;
      const perRequest = (median * 1000) / REQUESTS;
      const added = ((median - baseline) * 1000) / REQUESTS;
      console.log(
        row(`${mode}, ${variant}`, [
          median.toFixed(0),
          perRequest.toFixed(0),
          added.toFixed(0),
          (median / baseline).toFixed(2),
        ]),
      );
    }
  }
} finally {
  await Promise.all(Object.values(sessions).map((s) => s.close()));
  await pauseOnly.close();
  await budgeted.close();
  await redis.stop();
  api.stop();
}
