// Issue 13's fleet assertions on shared limits: three bot processes (test/fleet) with a `redisRateLimiter` stop for
// one 429 together, and with a `createRefreshingTokenProvider` over one `redisTokenStore` refresh once together.
import { createEmulator, type Emulator, type Exchange } from "@wx/emulator";
import { exchangeCode } from "@wx/oauth";
import { createClient } from "redis";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { redisTokenStore } from "../src/index.js";
import { type Fleet, startFleet } from "./fleet/fleet.js";
import type { FleetReport } from "./fleet/protocol.js";
import { hasRedisServer, NEEDS_REDIS, useRedisServer } from "./redis-server.js";

const PREFIX = "fleet-limits:";
const RATE_PREFIX = "fleet-limits:rate:";
const TOKENS_KEY = "fleet-limits:tokens";
// Long enough that the test sees the pause key in Redis even when the machine starves it for seconds.
const RETRY_AFTER_S = 6;
const POLL_LIMIT_MS = 60_000;

type Called = Extract<FleetReport, { kind: "called" }>;
const calledWith =
  (tag: string) =>
  (report: FleetReport): report is Called =>
    report.kind === "called" && report.tag === tag;

describe.skipIf(!hasRedisServer)(`three bot processes sharing limits${NEEDS_REDIS}`, { timeout: 240_000 }, () => {
  const redis = useRedisServer();
  let emu: Emulator;
  let fleet: Fleet | undefined;
  const exchanges: Exchange[] = [];
  /** The three seeded people: instance i calls GET /people/{ids[i]}, so the log tells the instances apart. */
  const personIds = () => [emu.people.admin.id, emu.people.user.id, emu.people.bot.id];
  const calls = (tag: string) => (fleet as Fleet).reports.filter(calledWith(tag));
  const allCalled = (tag: string) => (fleet as Fleet).waitFor(`3 "${tag}" calls`, () => calls(tag).length >= 3);

  beforeAll(async () => {
    emu = await createEmulator({ port: 0, onExchange: (exchange) => exchanges.push(exchange) });
  });
  beforeEach(async () => {
    emu.reset();
    exchanges.length = 0;
    await redis.server.flushAll();
  });
  afterEach(async () => {
    await fleet?.stop();
    fleet = undefined;
  });
  afterAll(async () => {
    await emu?.close();
  });

  it("one 429 pauses all three: none calls with that token again before its Retry-After has passed", async () => {
    fleet = await startFleet({ emu, redisUrl: redis.server.url, prefix: PREFIX, rateLimiterPrefix: RATE_PREFIX });
    const ids = personIds();
    emu.faults.route("GET", `people/${ids[0]}`, { status: 429, retryAfter: RETRY_AFTER_S }, { times: 1 });
    fleet.call(0, "after 429", ids[0] as string);
    // Instances 1 and 2 call only once instance 0 has told Redis of its 429: what is under test is that they then
    // wait, not how fast the news travels.
    await untilPaused(redis.server.url);
    fleet.call(1, "after 429", ids[1] as string);
    fleet.call(2, "after 429", ids[2] as string);
    await allCalled("after 429");

    expect(calls("after 429").map((call) => call.error)).toEqual([undefined, undefined, undefined]);
    const log = emu.requests;
    const tooMany = log.findIndex((entry) => entry.status === 429);
    expect(log[tooMany]?.path).toBe(`/v1/people/${ids[0]}`);
    const resumeAt = Date.parse((log[tooMany] as (typeof log)[number]).at) + RETRY_AFTER_S * 1000;
    const after = log.slice(tooMany + 1);
    // All three were active after the 429, each with its own call answered...
    expect(after.filter((entry) => entry.status === 200).map((entry) => entry.path)).toEqual(
      expect.arrayContaining(ids.map((id) => `/v1/people/${id}`)),
    );
    expect(after).toHaveLength(3);
    // ...and none of those requests reached the emulator before the 429's Retry-After had passed.
    for (const entry of after)
      expect(Date.parse(entry.at), `${entry.path} at ${entry.at}`).toBeGreaterThanOrEqual(resumeAt);
  });

  it("one token refresh for the whole fleet: three 401s, one refresh-token grant, all on the new token", async () => {
    const { clientId, clientSecret, redirectUri } = emu.integration;
    const code = emu.authorize({ personId: emu.people.bot.id });
    const first = await exchangeCode({ baseUrl: emu.url, clientId, clientSecret, redirectUri, code });
    const store = redisTokenStore({ redis: redis.server.url, key: TOKENS_KEY });
    await store.save(first);
    await store.close();
    fleet = await startFleet({
      emu,
      redisUrl: redis.server.url,
      prefix: PREFIX,
      oauth: { clientId, clientSecret, tokensKey: TOKENS_KEY },
    });
    const ids = personIds();
    // Every instance started on the first token; now the service refuses it, so each one's next call gets a 401.
    emu.expireAccessToken(first.accessToken);
    const logBefore = emu.requests.length;
    for (const [instance, id] of ids.entries()) fleet.call(instance, "after expiry", id);
    await allCalled("after expiry");

    const refreshes = exchanges.filter(
      (exchange) => exchange.path === "/v1/access_token" && exchange.requestBody.grant_type === "refresh_token",
    );
    expect(refreshes).toHaveLength(1);
    const refreshed = JSON.parse(String(refreshes[0]?.responseBody)) as { access_token: string };
    expect(refreshed.access_token).not.toBe(first.accessToken);
    const called = calls("after expiry");
    expect(called.map((call) => call.error)).toEqual([undefined, undefined, undefined]);
    expect(called.map((call) => call.token)).toEqual([
      refreshed.access_token,
      refreshed.access_token,
      refreshed.access_token,
    ]);
    const apiCalls = emu.requests.slice(logBefore).filter((entry) => entry.path.startsWith("/v1/people/"));
    expect(apiCalls.filter((entry) => entry.status === 401)).toHaveLength(3);
    expect(apiCalls.filter((entry) => entry.status === 200).map((entry) => entry.path)).toEqual(
      expect.arrayContaining(ids.map((id) => `/v1/people/${id}`)),
    );
  });
});

/** Resolves once a 429 pause key is in Redis; rejects after POLL_LIMIT_MS. */
async function untilPaused(url: string): Promise<void> {
  const client = createClient({ url });
  await client.connect();
  try {
    const giveUpAt = Date.now() + POLL_LIMIT_MS;
    while ((await client.keys(`${RATE_PREFIX}pause:*`)).length === 0) {
      if (Date.now() > giveUpAt) throw new Error(`no pause key under ${RATE_PREFIX} within ${POLL_LIMIT_MS} ms`);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  } finally {
    await client.close();
  }
}
