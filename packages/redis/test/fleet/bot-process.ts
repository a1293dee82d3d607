// One bot instance of the fleet tests, in its own process: started by fleet.test.ts with `fork`, its settings
// as JSON in argv[2]. It reports each event it handles to the parent over IPC; a message "hold <tag>" keeps its
// handler running until the parent sends { go: tag }, so a test can kill it or race others mid-handler.
// Message handlers also append "start"/"end" to a Redis list (JOURNAL_KEY): one order for the whole fleet,
// which the parent's view (three IPC channels) is not. A FleetCall makes it call the API and report "called".
import { Bot } from "@wx/bot";
import { createRefreshingTokenProvider } from "@wx/oauth";
import { createClient } from "redis";
import { redisRateLimiter, redisStore, redisTokenStore } from "../../src/index.js";
import { POLL_CARD } from "./poll-card.js";
import { type FleetBotSettings, type FleetCall, type FleetReport, JOURNAL_KEY, type JournalLine } from "./protocol.js";

const settings = JSON.parse(process.argv[2] ?? "{}") as FleetBotSettings;
const report = (line: FleetReport) => process.send?.(line);
const goes = new Map<string, () => void>();
process.on("message", (message: { go?: string } & Partial<FleetCall>) => {
  if (typeof message.go === "string") goes.get(message.go)?.();
  if (message.call) void call(message.call);
});

function waitForGo(tag: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no go for "${tag}" within 60 s`)), 60_000);
    goes.set(tag, () => {
      clearTimeout(timer);
      goes.delete(tag);
      resolve();
    });
  });
}

const journal = createClient({ url: settings.redisUrl });
journal.on("error", (error: Error) => report({ kind: "error", instance: settings.instance, message: error.message }));
await journal.connect();
const write = (line: JournalLine) => journal.rPush(JOURNAL_KEY, JSON.stringify(line));

const store = redisStore({ redis: settings.redisUrl, prefix: settings.prefix, timeoutMs: settings.storeTimeoutMs });
const rateLimiter =
  settings.rateLimiterPrefix === undefined
    ? undefined
    : redisRateLimiter({ redis: settings.redisUrl, prefix: settings.rateLimiterPrefix });
const tokenStore = settings.oauth && redisTokenStore({ redis: settings.redisUrl, key: settings.oauth.tokensKey });
const tokenProvider =
  settings.oauth &&
  createRefreshingTokenProvider({
    clientId: settings.oauth.clientId,
    clientSecret: settings.oauth.clientSecret,
    store: tokenStore,
    baseUrl: settings.apiUrl,
  });
const bot = new Bot<{ room: { votes: number } }>({
  client: { accessToken: tokenProvider ?? settings.token, baseUrl: settings.apiUrl, rateLimiter },
  secret: settings.secret,
  store,
  roomLockLeaseMs: settings.roomLockLeaseMs,
  logger: {
    debug(message, fields) {
      if (message.includes("seen before")) {
        report({ kind: "skipped", instance: settings.instance, deliveryId: String(fields?.deliveryId) });
      }
    },
  },
});
bot.onError((error) => {
  report({
    kind: "error",
    instance: settings.instance,
    message: error instanceof Error ? error.message : String(error),
  });
});
bot.onMessage(async (ctx) => {
  const line = { instance: settings.instance, deliveryId: ctx.event.deliveryId, roomId: ctx.roomId, text: ctx.text };
  await write({ at: "start", instance: settings.instance, roomId: ctx.roomId, text: ctx.text });
  report({ kind: "started", ...line });
  const hold = /^hold (\S+)/.exec(ctx.text);
  if (hold) await waitForGo(hold[1] as string);
  await write({ at: "end", instance: settings.instance, roomId: ctx.roomId, text: ctx.text });
  report({ kind: "handled", ...line });
});
bot.onCardSubmit(POLL_CARD, async (ctx) => {
  const votes = await ctx.state.room.update("votes", (count) => (count ?? 0) + 1);
  report({ kind: "voted", instance: settings.instance, deliveryId: ctx.event.deliveryId, votes });
});

async function call({ tag, personId }: FleetCall["call"]): Promise<void> {
  let error: string | undefined;
  try {
    await bot.client.people.get(personId);
  } catch (failure) {
    error = failure instanceof Error ? failure.message : String(failure);
  }
  const token = tokenProvider ? await tokenProvider() : settings.token;
  report({ kind: "called", instance: settings.instance, tag, token, error });
}

const { port } = await bot.start({ port: 0, host: "127.0.0.1" });
report({ kind: "ready", instance: settings.instance, port: port as number });
process.once("SIGTERM", async () => {
  await bot.stop();
  await store.close();
  await rateLimiter?.close();
  await tokenStore?.close();
  await journal.close();
  process.disconnect?.();
});
