import { Session } from "@wx/core";
import { afterEach, describe, expect, it } from "vitest";
import { createRefreshingTokenProvider, type OAuthTokens } from "../src/index.js";
import { CLIENT, type FakeWebex, type FakeWebexOptions, startFakeWebex } from "./helpers/fake-webex.js";

const SECOND = 1000;
const DAY = 24 * 3600 * SECOND;
const YEAR = 365 * DAY;
let fake: FakeWebex | undefined;
let session: Session | undefined;
afterEach(async () => {
  await session?.close();
  await fake?.close();
  session = fake = undefined;
});

/**
 * A provider whose stored access token has just expired, against a token endpoint that answers as `options` say,
 * on a clock the test moves. The first call refreshes; what follows depends on the reply.
 */
async function setup(options: FakeWebexOptions) {
  fake = await startFakeWebex(options);
  const issued = fake.issue();
  let clock = Date.now();
  const saved: OAuthTokens[] = [];
  const provider = createRefreshingTokenProvider({
    ...CLIENT,
    baseUrl: fake.baseUrl,
    tokens: { ...issued, expiresAt: clock - 1 },
    now: () => clock,
    onTokens: (tokens) => void saved.push(tokens),
  });
  const current = new Session({ baseUrl: fake.baseUrl, accessToken: provider });
  session = current;
  const server = fake;
  return {
    saved,
    now: () => clock,
    advance: (ms: number) => {
      clock += ms;
    },
    /** Makes `count` API calls, one after another; each must succeed. */
    async calls(count: number) {
      for (let i = 0; i < count; i += 1) await current.request({ path: "people/me" });
    },
    refreshes: () => server.refreshes,
    /** The service stops accepting the access tokens it issued, as after a revocation. */
    revokeAccessTokens: () => server.valid.clear(),
  };
}

describe("expiry on the local clock", () => {
  it("a token endpoint whose Date header says 1970 does not make every call refresh, nor kill the refresh token", async () => {
    const t = await setup({ date: "Thu, 01 Jan 1970 00:00:00 GMT" });
    await t.calls(5);
    expect(t.refreshes()).toBe(1);
    expect(t.saved[0]?.expiresAt?.getTime()).toBe(t.now() + 1209599 * SECOND);
    t.advance(14 * DAY);
    await t.calls(3);
    expect(t.refreshes()).toBe(2);
  });

  it("a token endpoint whose Date header is far in the future does not put off the refresh", async () => {
    const t = await setup({ date: "Fri, 01 Jan 2100 00:00:00 GMT" });
    await t.calls(3);
    expect(t.refreshes()).toBe(1);
    t.advance(14 * DAY);
    await t.calls(3);
    expect(t.refreshes()).toBe(2);
  });
});

describe("token lifetimes that cannot be used as they are", () => {
  it.each([
    ["missing", undefined],
    ["null", null],
    ["zero", 0],
    ["negative", -5],
    ["not a number", "abc"],
    ["an empty string", ""],
  ])("%s: the expiry is unknown, so the token is refreshed only after a 401, and never in a loop", async (_, value) => {
    const t = await setup({ reply: { expires_in: value, refresh_token_expires_in: value } });
    await t.calls(5);
    expect(t.refreshes()).toBe(1); // the stored token had expired
    expect(t.saved[0]?.expiresAt).toBeUndefined();
    expect(t.saved[0]?.refreshTokenExpiresAt).toBeUndefined();
    t.advance(2 * YEAR);
    await t.calls(3);
    expect(t.refreshes()).toBe(1);
    t.revokeAccessTokens();
    await t.calls(3); // one 401, one refresh (the refresh token is not judged dead locally), then fine
    expect(t.refreshes()).toBe(2);
  });

  it.each([
    ["huge", 1e300],
    ["larger than any date", Number.MAX_VALUE],
    ["ten years", 10 * 365 * 24 * 3600],
  ])("%s: clamped to one year, a date that still serializes", async (_, value) => {
    const t = await setup({ reply: { expires_in: value, refresh_token_expires_in: value } });
    await t.calls(5);
    expect(t.refreshes()).toBe(1);
    const [tokens] = t.saved;
    expect(tokens?.expiresIn).toBe(YEAR / SECOND);
    expect(tokens?.expiresAt?.getTime()).toBe(t.now() + YEAR);
    expect(tokens?.refreshTokenExpiresAt?.getTime()).toBe(t.now() + YEAR);
    expect(JSON.parse(JSON.stringify(tokens)).expiresAt).toBe(new Date(t.now() + YEAR).toISOString());
    t.advance(YEAR);
    await t.calls(3);
    expect(t.refreshes()).toBe(2);
  });

  it("a lifetime shorter than refreshBeforeMs is refreshed at half its life, not on every call", async () => {
    const t = await setup({ reply: { expires_in: 60 } }); // refreshBeforeMs is 5 minutes
    await t.calls(5);
    expect(t.refreshes()).toBe(1);
    t.advance(29 * SECOND);
    await t.calls(3);
    expect(t.refreshes()).toBe(1);
    t.advance(2 * SECOND);
    await t.calls(3);
    expect(t.refreshes()).toBe(2);
  });

  it("a numeric string is read as seconds", async () => {
    const t = await setup({ reply: { expires_in: "3600" } });
    await t.calls(2);
    expect(t.saved[0]?.expiresIn).toBe(3600);
    expect(t.saved[0]?.expiresAt?.getTime()).toBe(t.now() + 3600 * SECOND);
  });
});
