import { inspect } from "node:util";
import { AccessTokenError, ApiError, Session } from "@wx/core";
import { afterEach, describe, expect, it } from "vitest";
import { createRefreshingTokenProvider, type OAuthTokens, type StoredTokens } from "../src/index.js";
import { CLIENT, type FakeWebex, startFakeWebex } from "./helpers/fake-webex.js";

const HOUR = 3_600_000;
let fake: FakeWebex | undefined;
let session: Session | undefined;
afterEach(async () => {
  await session?.close();
  await fake?.close();
  session = fake = undefined;
});

async function setup(options: { tokens?: Partial<StoredTokens>; now?: () => number } = {}) {
  fake = await startFakeWebex();
  const issued = fake.issue();
  const saved: OAuthTokens[] = [];
  const provider = createRefreshingTokenProvider({
    clientId: CLIENT.clientId,
    clientSecret: CLIENT.clientSecret,
    baseUrl: fake.baseUrl,
    tokens: { ...issued, expiresAt: Date.now() + 14 * 24 * HOUR, ...options.tokens },
    onTokens: (tokens) => {
      saved.push(tokens);
    },
    now: options.now,
  });
  session = new Session({ baseUrl: fake.baseUrl, accessToken: provider });
  return { fake, provider, session, saved, issued };
}

const me = (s: Session) => s.request<{ token: string }>({ path: "people/me" });

describe("createRefreshingTokenProvider", () => {
  it("uses the current token while it is fresh", async () => {
    const { fake, session, issued } = await setup();
    expect((await me(session)).token).toBe(issued.accessToken);
    expect(fake.refreshes).toBe(0);
  });

  it("refreshes shortly before expiry, and reports the new tokens", async () => {
    let clock = Date.now();
    const { fake, session, saved } = await setup({ tokens: { expiresAt: clock + HOUR }, now: () => clock });
    clock += HOUR - 4 * 60_000; // inside the default 5-minute window
    expect((await me(session)).token).toBe("access-2");
    expect(fake.refreshes).toBe(1);
    expect(saved.map((t) => t.accessToken)).toEqual(["access-2"]);
    expect(saved[0]?.expiresAt).toBeInstanceOf(Date);
  });

  it("after a 401 refreshes once and replays the request", async () => {
    const { fake, session, issued, saved } = await setup();
    fake.valid.delete(issued.accessToken); // revoked on the server before its expiry
    expect((await me(session)).token).toBe("access-2");
    expect(fake.refreshes).toBe(1);
    expect(saved).toHaveLength(1);
    const calls = fake.requests.map((r) => `${r.url} ${r.headers.authorization ?? "-"}`);
    expect(calls).toEqual([
      `/v1/people/me Bearer ${issued.accessToken}`,
      "/v1/access_token -",
      "/v1/people/me Bearer access-2",
    ]);
  });

  it("shares one refresh among ten requests that all got a 401", async () => {
    const { fake, session, issued } = await setup();
    fake.valid.delete(issued.accessToken);
    const results = await Promise.all(Array.from({ length: 10 }, () => me(session)));
    expect(results.every((r) => r.token === "access-2")).toBe(true);
    expect(fake.refreshes).toBe(1);
  });

  it("shares one refresh among ten requests made after expiry", async () => {
    let clock = Date.now();
    const { fake, session } = await setup({ tokens: { expiresAt: clock + HOUR }, now: () => clock });
    clock += 2 * HOUR;
    await Promise.all(Array.from({ length: 10 }, () => me(session)));
    expect(fake.refreshes).toBe(1);
    expect(fake.requests.filter((r) => r.url === "/v1/people/me")).toHaveLength(10);
  });

  it("ignores a 401 for a token that was already replaced", async () => {
    const { fake, provider, session } = await setup();
    await provider.refresh();
    provider.invalidate("access-1");
    expect((await me(session)).token).toBe("access-2");
    expect(fake.refreshes).toBe(1);
  });

  it("says to sign in again once the refresh token is revoked, and stops calling the server", async () => {
    const { fake, session, issued } = await setup();
    fake.revoked.add(issued.refreshToken);
    fake.valid.delete(issued.accessToken);
    const error = await me(session).catch((e) => e);
    expect(error).toBeInstanceOf(AccessTokenError);
    expect(error.message).toMatch(/refresh token has expired or was revoked; sign the user in again/);
    expect(error.cause).toBeInstanceOf(ApiError);
    for (const text of [JSON.stringify(error), inspect(error, { depth: 10 }), JSON.stringify(error.cause)]) {
      expect(text).not.toContain(issued.refreshToken);
      expect(text).not.toContain(CLIENT.clientSecret);
    }
    const requestsBefore = fake.requests.length;
    await expect(me(session)).rejects.toThrow(AccessTokenError);
    expect(fake.requests.length).toBe(requestsBefore); // neither the rejected token nor the refresh token is sent again
  });

  it("still asks the service about a refresh token past its stored expiry, which may be wrong", async () => {
    let clock = Date.now();
    const { fake, session } = await setup({
      tokens: { expiresAt: clock + HOUR, refreshTokenExpiresAt: clock + 2 * HOUR },
      now: () => clock,
    });
    clock += 3 * HOUR; // a clock that jumped, or an expiry stored from a server clock that was off
    expect((await me(session)).token).toBe("access-2");
    expect(fake.refreshes).toBe(1);
  });

  it("keeps using a still-valid token when an early refresh fails for a passing reason", async () => {
    const clock = Date.now();
    const provider = createRefreshingTokenProvider({
      ...CLIENT,
      baseUrl: "http://127.0.0.1:1/v1/", // nothing listens: the refresh cannot connect
      maxRetries: 0,
      tokens: { accessToken: "still-valid", refreshToken: "r-token", expiresAt: clock + 60_000 },
      now: () => clock,
    });
    expect(await provider()).toBe("still-valid");
    provider.invalidate("still-valid"); // after a 401 the old token is no use: the failure shows
    await expect(provider()).rejects.toThrow(/ECONNREFUSED|failed/);
  });

  it("loads tokens from a store on first use and saves refreshed ones", async () => {
    fake = await startFakeWebex();
    const issued = fake.issue();
    const stored: unknown[] = [];
    const store = {
      load: async () => ({ ...issued, expiresAt: new Date(0).toISOString() }),
      save: async (tokens: OAuthTokens) => {
        stored.push(JSON.parse(JSON.stringify(tokens)));
      },
    };
    const provider = createRefreshingTokenProvider({ ...CLIENT, baseUrl: fake.baseUrl, store });
    expect(await provider()).toBe("access-2");
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({ accessToken: "access-2", refreshToken: issued.refreshToken });
    expect(typeof (stored[0] as { expiresAt: unknown }).expiresAt).toBe("string");
  });

  it("needs tokens or a store, and client credentials", () => {
    expect(() => createRefreshingTokenProvider({ ...CLIENT })).toThrow(AccessTokenError);
    expect(() =>
      createRefreshingTokenProvider({ ...CLIENT, clientSecret: "", tokens: { accessToken: "a", refreshToken: "r" } }),
    ).toThrow(expect.objectContaining({ argument: "clientSecret" }));
  });
});
