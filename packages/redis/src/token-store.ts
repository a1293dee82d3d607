import { randomUUID } from "node:crypto";
import { sleep, ValidationError, WebexError } from "@wx/core";
import type { OAuthTokens, StoredTokens, TokenStore } from "@wx/oauth";
import { connectRedis, positiveWhole, type RedisOption } from "./connect.js";
import { type TokenCipher, tokenCipher } from "./token-store-cipher.js";

export interface RedisTokenStoreOptions {
  /** A connected node-redis client of yours (left open), or a URL (opened here, closed by `close()`). */
  redis: RedisOption;
  /** The Redis key of the tokens; the refresh lock is `<key>:refresh-lock`. */
  key: string;
  /** Encrypts the stored tokens with AES-256-GCM: 32 bytes, or a long random string. Default none (plain JSON). */
  encryptionKey?: Uint8Array | string;
  /** How long the tokens are kept when the refresh token's expiry is unknown. Default 90 days. */
  ttlMs?: number;
  /**
   * The refresh lock's lease: a refresher that dies holds it no longer than this; a live one renews it every third
   * of it until its refresh ends. Default 15 000 ms.
   */
  leaseMs?: number;
  /** How long a provider waits for another process's refresh before it fails. Default 60 000 ms. */
  waitMs?: number;
  /** How often a waiting provider looks at the lock again. Default 100 ms. */
  pollMs?: number;
  /** The longest one Redis command may take (also while Redis is down). Default 2 000 ms. */
  timeoutMs?: number;
}

export interface RedisTokenStore extends Required<Pick<TokenStore, "load" | "save" | "withRefreshLock">> {
  /** Closes the connection when `redis` was a URL. */
  close(): Promise<void>;
}

// Only the holder may release the lock: one whose lease ran out must not end the next holder's.
const RELEASE = `if redis.call("get", KEYS[1]) == ARGV[1] then return redis.call("del", KEYS[1]) end return 0`;
const RENEW = `if redis.call("get", KEYS[1]) == ARGV[1] then return redis.call("pexpire", KEYS[1], ARGV[2]) end return 0`;

/**
 * A `TokenStore` for `createRefreshingTokenProvider` in Redis, for a fleet sharing one OAuth grant: the tokens are
 * kept (encrypted when `encryptionKey` is given) with a time to live, and a refresh takes a lock with a lease
 * (`SET NX PX`, released by compare-and-delete), so one process refreshes and the others read its result.
 */
export function redisTokenStore(options: RedisTokenStoreOptions): RedisTokenStore {
  if (typeof options !== "object" || options === null) {
    throw new ValidationError("redisTokenStore: options are required", { argument: "options" });
  }
  const { key } = options;
  if (typeof key !== "string" || key === "") {
    throw new ValidationError("redisTokenStore: key must be a non-empty string", { argument: "key" });
  }
  const ttlMs = positiveWhole(options.ttlMs ?? 90 * 24 * 3_600_000, "ttlMs");
  const leaseMs = positiveWhole(options.leaseMs ?? 15_000, "leaseMs");
  const waitMs = positiveWhole(options.waitMs ?? 60_000, "waitMs");
  const pollMs = positiveWhole(options.pollMs ?? 100, "pollMs");
  const timeoutMs = positiveWhole(options.timeoutMs ?? 2_000, "timeoutMs");
  const cipher: TokenCipher | undefined =
    options.encryptionKey === undefined ? undefined : tokenCipher(options.encryptionKey, key);
  const connection = connectRedis(options.redis, "redisTokenStore", timeoutMs);
  const lockKey = `${key}:refresh-lock`;

  return {
    async load() {
      const stored = await connection.send(["GET", key]);
      if (typeof stored !== "string") return undefined;
      return parseTokens(cipher ? cipher.open(stored) : stored, key);
    },
    async save(tokens: OAuthTokens) {
      const json = JSON.stringify(tokens);
      await connection.send(["SET", key, cipher ? cipher.seal(json) : json, "PX", String(keepFor(tokens, ttlMs))]);
    },
    async withRefreshLock<T>(refresh: () => Promise<T>): Promise<T> {
      const holder = randomUUID();
      const giveUpAt = performance.now() + waitMs;
      // Each turn takes the lock or waits up to pollMs; waitMs ends the loop.
      while ((await connection.send(["SET", lockKey, holder, "NX", "PX", String(leaseMs)])) !== "OK") {
        const left = giveUpAt - performance.now();
        if (left <= 0) {
          throw new WebexError(
            `redisTokenStore: another process held the refresh lock ${lockKey} for over ${waitMs} ms`,
            {
              code: "timeout",
            },
          );
        }
        const held = Number(await connection.send(["PTTL", lockKey]));
        await sleep(Math.max(1, Math.min(pollMs, left, held > 0 ? held : pollMs)));
      }
      // A refresh slower than the lease keeps it: renewed every third of it while this process lives. A renewal
      // that fails is no failure of the refresh; the lease then ends on its own and another process may take over.
      const renewal = setInterval(
        () => {
          connection.send(["EVAL", RENEW, "1", lockKey, holder, String(leaseMs)]).catch(() => {});
        },
        Math.max(1, Math.floor(leaseMs / 3)),
      );
      renewal.unref?.();
      try {
        return await refresh();
      } finally {
        clearInterval(renewal);
        await connection.send(["EVAL", RELEASE, "1", lockKey, holder]);
      }
    },
    close: () => connection.close(),
  };
}

function parseTokens(json: string, key: string): StoredTokens {
  try {
    return JSON.parse(json) as StoredTokens;
  } catch (error) {
    const hint = json.startsWith("v1:") ? ": it is encrypted, pass its encryptionKey" : "";
    throw new WebexError(`redisTokenStore: the value at ${key} is not stored tokens${hint}`, { cause: error });
  }
}

/** Until the refresh token expires, when known; else `ttlMs`. */
function keepFor(tokens: OAuthTokens, ttlMs: number): number {
  const refreshTokenEnds = tokens.refreshTokenExpiresAt ? new Date(tokens.refreshTokenExpiresAt).getTime() : Number.NaN;
  const left = refreshTokenEnds - Date.now();
  return Number.isFinite(left) && left > 0 ? Math.ceil(left) : ttlMs;
}
