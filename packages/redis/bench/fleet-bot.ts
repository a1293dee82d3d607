// One bot process of the fleet benchmark (fleet.ts starts it with `fork`): a bot on the shared Redis
// (`redisStore`) or alone (`memoryStore`) that replies to every message, and tells the parent each time it has.
import { Bot, memoryStore } from "@wx/bot";
import { redisStore } from "../src/index.js";

export interface FleetBotArgs {
  apiUrl: string;
  token: string;
  secret: string;
  /** Absent: `memoryStore()`. */
  redisUrl?: string;
}

const args = JSON.parse(process.argv[2] ?? "{}") as FleetBotArgs;
const shared = args.redisUrl === undefined ? undefined : redisStore({ redis: args.redisUrl, prefix: "bench:" });
const store = shared ?? memoryStore();
const bot = new Bot({
  client: { accessToken: args.token, baseUrl: args.apiUrl },
  secret: args.secret,
  store,
  logger: {},
});
bot.onMessage(async (ctx) => {
  await ctx.reply("ok");
  process.send?.("handled");
});
bot.onError((error) => {
  console.error(error);
  process.exitCode = 1;
});
const { port } = await bot.start({ port: 0, host: "127.0.0.1" });
process.send?.({ port });
process.once("SIGTERM", async () => {
  await bot.stop();
  await shared?.close();
  process.disconnect?.();
});
