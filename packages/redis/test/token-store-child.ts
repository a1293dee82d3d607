// One process of the token-store tests, started by token-store.test.ts with `fork`; settings in argv[2].
// "refresh": loads the stored (expired) tokens, says "ready", and on "go" asks its provider for a token.
// "hold-lock": takes the refresh lock, says "locked" and never lets go (the test kills it).
import { createRefreshingTokenProvider } from "@wx/oauth";
import { redisTokenStore } from "../src/index.js";

export interface ChildSettings {
  mode: "refresh" | "hold-lock";
  redisUrl: string;
  key: string;
  baseUrl: string;
  leaseMs?: number;
}
export type ChildMessage = { ready: true } | { locked: true } | { token: string } | { error: string };

const settings = JSON.parse(process.argv[2] ?? "{}") as ChildSettings;
const say = (message: ChildMessage) => process.send?.(message);
const store = redisTokenStore({ redis: settings.redisUrl, key: settings.key, leaseMs: settings.leaseMs });

if (settings.mode === "hold-lock") {
  await store.withRefreshLock(() => {
    say({ locked: true });
    return new Promise<never>(() => {});
  });
} else {
  const tokens = await store.load();
  if (!tokens) throw new Error("no tokens stored");
  const provider = createRefreshingTokenProvider({
    clientId: "client",
    clientSecret: "client-secret",
    baseUrl: settings.baseUrl,
    tokens,
    store,
  });
  process.once("message", async () => {
    try {
      say({ token: await provider() });
    } catch (error) {
      say({ error: String(error) });
    } finally {
      await store.close();
      process.disconnect();
    }
  });
  say({ ready: true });
}
