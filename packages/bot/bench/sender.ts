// Posts signed deliveries for the benchmark, from its own process. `load` gives it the bodies and signatures
// once; each `go` keeps `inFlight` POSTs going to `url` until every one was answered 200 (a 503 is posted
// again 20 ms later, as Webex delivers again later), then reports how many were refused.
import { setTimeout } from "node:timers/promises";
import { Agent, request } from "undici";

type Job = { type: "load"; bodies: string[]; signatures: string[] } | { type: "go"; url: string; inFlight: number };

const agent = new Agent({ connections: 256, keepAliveTimeout: 60_000 });

let bodies: string[] = [];
let signatures: string[] = [];

process.on("message", async (job: Job) => {
  if (job.type === "load") {
    ({ bodies, signatures } = job);
    return void process.send?.("loaded");
  }
  let next = 0;
  let refused = 0;
  const worker = async () => {
    while (next < bodies.length) {
      const i = next++;
      for (;;) {
        const response = await request(job.url, {
          method: "POST",
          body: bodies[i],
          headers: { "content-type": "application/json", "x-spark-signature": signatures[i] as string },
          dispatcher: agent,
        });
        await response.body.dump();
        if (response.statusCode === 200) break;
        if (response.statusCode !== 503) throw new Error(`delivery answered ${response.statusCode}`);
        refused++;
        // Webex delivers a refused event again later; a short pause keeps the refusals from taking the bot's CPU
        await setTimeout(20);
      }
    }
  };
  await Promise.all(Array.from({ length: job.inFlight }, worker));
  process.send?.({ refused });
});
process.on("disconnect", () => process.exit(0));
process.send?.("ready");
