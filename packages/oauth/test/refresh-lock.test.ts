import { afterEach, describe, expect, it } from "vitest";
import { createRefreshingTokenProvider, type OAuthTokens, type StoredTokens, type TokenStore } from "../src/index.js";
import { CLIENT, type FakeWebex, startFakeWebex } from "./helpers/fake-webex.js";

let fake: FakeWebex | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

/** One store shared by several providers, as a Redis store is shared by processes: a lock that runs one at a time. */
function sharedStore(initial: StoredTokens) {
  let stored: StoredTokens = initial;
  let tail: Promise<unknown> = Promise.resolve();
  const saves: OAuthTokens[] = [];
  const store: TokenStore = {
    load: async () => stored,
    save: async (tokens) => {
      saves.push(tokens);
      stored = JSON.parse(JSON.stringify(tokens));
    },
    withRefreshLock: (refresh) => {
      const run = tail.then(refresh);
      tail = run.catch(() => {});
      return run;
    },
  };
  return { store, saves };
}

describe("a token store with withRefreshLock", () => {
  it("lets one of several providers refresh; the others take the tokens it stored", async () => {
    fake = await startFakeWebex();
    const { store, saves } = sharedStore({ ...fake.issue(), expiresAt: Date.now() - 1000 });
    const providers = [1, 2, 3].map(() => createRefreshingTokenProvider({ ...CLIENT, baseUrl: fake?.baseUrl, store }));
    const tokens = await Promise.all(providers.map((provider) => provider()));
    expect(fake.refreshes).toBe(1);
    expect(tokens).toEqual(["access-2", "access-2", "access-2"]);
    expect(saves).toHaveLength(1);
  });

  it("after a 401 for a token another provider already replaced, takes the stored one without refreshing", async () => {
    fake = await startFakeWebex();
    const { store } = sharedStore({ ...fake.issue(), expiresAt: Date.now() + 3_600_000 });
    const [first, second] = [1, 2].map(() =>
      createRefreshingTokenProvider({ ...CLIENT, baseUrl: fake?.baseUrl, store }),
    );
    expect(await first?.()).toBe("access-1");
    expect(await second?.()).toBe("access-1");
    expect((await first?.refresh())?.accessToken).toBe("access-2");
    second?.invalidate("access-1");
    const adopted = await second?.refresh();
    expect(adopted).toMatchObject({ accessToken: "access-2", access_token: "access-2" });
    expect(adopted?.expiresAt).toBeInstanceOf(Date);
    expect(await second?.()).toBe("access-2");
    expect(fake.refreshes).toBe(1);
  });
});
