import { AccessTokenError, ApiError, requireString, type TokenProvider, ValidationError } from "@wx/core";
import type { ConnectionOptions } from "./connection.js";
import { type OAuthTokens, refreshToken } from "./token-endpoint.js";

/** The tokens the provider starts from; dates may be `Date`s, ISO strings or epoch milliseconds (as stored). */
export interface StoredTokens {
  accessToken: string;
  refreshToken: string;
  /** Unknown: no refresh ahead of time, only after a 401. */
  expiresAt?: Date | string | number;
  /**
   * Not used to refuse a refresh: a refresh token past it is still tried, and only the service's refusal ends
   * it, since a wrong clock or a wrong stored date must not sign the user out.
   */
  refreshTokenExpiresAt?: Date | string | number;
}

/** Where tokens live between runs; `save` is awaited after every refresh. */
export interface TokenStore {
  load(): Promise<StoredTokens | undefined>;
  save(tokens: OAuthTokens): Promise<void>;
  /**
   * Runs `refresh` holding a lock shared by every provider on this store (e.g. `redisTokenStore` across
   * processes), so one refreshes at a time. Inside it the provider loads the tokens again and, when another
   * provider replaced them meanwhile, takes those instead of refreshing. Without it a provider shares refreshes
   * only among its own callers.
   */
  withRefreshLock?<T>(refresh: () => Promise<T>): Promise<T>;
}

export interface RefreshingTokenProviderOptions extends ConnectionOptions {
  clientId: string;
  clientSecret: string;
  /** The tokens to start from; without them, `store.load()` supplies them on first use. */
  tokens?: StoredTokens;
  store?: TokenStore;
  /** Called with the new tokens after each refresh (after `store.save`), so you can persist them. */
  onTokens?: (tokens: OAuthTokens) => void | Promise<void>;
  /** Refresh this long before the access token expires. Default 5 minutes. */
  refreshBeforeMs?: number;
  /** The clock, in epoch milliseconds. Default `Date.now`. */
  now?: () => number;
}

/** A core `TokenProvider` that keeps an OAuth access token fresh. */
export interface RefreshingTokenProvider extends TokenProvider {
  (): Promise<string>;
  /** Called by the session after a 401: the next call refreshes, unless `rejectedToken` was already replaced. */
  invalidate(rejectedToken: string): void;
  /** Refreshes now (sharing a refresh already in flight) and returns the new tokens. */
  refresh(): Promise<OAuthTokens>;
}

interface CurrentTokens {
  accessToken: string;
  refreshToken: string;
  expiresAt: number | undefined;
  /** When to refresh ahead of expiry; unknown with the expiry. */
  refreshAt: number | undefined;
}

const SIGN_IN_AGAIN = "The refresh token has expired or was revoked; sign the user in again";

/**
 * A token provider for `Session` that refreshes the access token `refreshBeforeMs` before it expires and once
 * after a 401, with a single refresh in flight however many requests wait on it.
 */
export function createRefreshingTokenProvider(options: RefreshingTokenProviderOptions): RefreshingTokenProvider {
  const {
    clientId,
    clientSecret,
    tokens,
    store,
    onTokens,
    refreshBeforeMs = 5 * 60_000,
    now = Date.now,
    ...connection
  } = options ?? ({} as RefreshingTokenProviderOptions);
  requireString("clientId", clientId);
  requireString("clientSecret", clientSecret);
  if (!tokens && !store) {
    throw new AccessTokenError("createRefreshingTokenProvider needs tokens, or a store to load them from");
  }
  let current: CurrentTokens | undefined = tokens ? fromStored(tokens, refreshBeforeMs) : undefined;
  let loading: Promise<CurrentTokens> | undefined;
  let refreshing: Promise<OAuthTokens> | undefined;
  let mustRefresh = false;
  let refreshTokenDead = false;

  async function load(): Promise<CurrentTokens> {
    if (current) return current;
    loading ??= (async () => {
      const stored = await store?.load();
      if (!stored) throw new AccessTokenError("The token store has no tokens; sign the user in first");
      current = fromStored(stored, refreshBeforeMs);
      return current;
    })().finally(() => {
      loading = undefined;
    });
    return loading;
  }

  async function doRefresh(): Promise<OAuthTokens> {
    const tokens = await load();
    if (refreshTokenDead) throw new AccessTokenError(SIGN_IN_AGAIN);
    if (!store?.withRefreshLock) return refreshFrom(tokens);
    return store.withRefreshLock(async () => {
      const stored = await store.load();
      if (!stored) return refreshFrom(tokens);
      const latest = fromStored(stored, refreshBeforeMs);
      const replaced = latest.accessToken !== tokens.accessToken;
      if (replaced && (latest.refreshAt === undefined || now() < latest.refreshAt)) {
        current = latest;
        mustRefresh = false;
        return asOAuthTokens(stored, latest);
      }
      // Another provider's refresh may have rotated the refresh token: refresh from the newest one.
      return refreshFrom(replaced ? latest : tokens);
    });
  }

  async function refreshFrom(tokens: CurrentTokens): Promise<OAuthTokens> {
    let fresh: OAuthTokens;
    try {
      fresh = await refreshToken({ ...connection, clientId, clientSecret, refreshToken: tokens.refreshToken, now });
    } catch (error) {
      if (error instanceof ApiError && (error.status === 400 || error.status === 401)) {
        refreshTokenDead = true;
        // The service's reason (already free of secrets) tells a revoked grant from, say, a wrong client secret.
        throw new AccessTokenError(`${SIGN_IN_AGAIN} (token endpoint: ${error.message})`, { cause: error });
      }
      throw error;
    }
    current = fromFresh(fresh, refreshBeforeMs);
    mustRefresh = false;
    await store?.save(fresh);
    await onTokens?.(fresh);
    return fresh;
  }

  function refresh(): Promise<OAuthTokens> {
    refreshing ??= doRefresh().finally(() => {
      refreshing = undefined;
    });
    return refreshing;
  }

  async function accessToken(): Promise<string> {
    const tokens = await load();
    const expiresSoon = tokens.refreshAt !== undefined && now() >= tokens.refreshAt;
    if (!refreshing && !mustRefresh && !expiresSoon) return tokens.accessToken;
    try {
      return (await refresh()).accessToken;
    } catch (error) {
      // A refresh ahead of time that failed for a passing reason (network, 5xx) leaves a token still valid.
      const stillValid = !mustRefresh && tokens.expiresAt !== undefined && now() < tokens.expiresAt;
      if (stillValid && !refreshTokenDead && current === tokens) return tokens.accessToken;
      throw error;
    }
  }

  function invalidate(rejectedToken: string): void {
    if (current && rejectedToken === current.accessToken) mustRefresh = true;
  }

  return Object.assign(accessToken, { invalidate, refresh });
}

/** Tokens another provider refreshed and stored, in the shape a refresh returns. */
function asOAuthTokens(stored: StoredTokens, current: CurrentTokens): OAuthTokens {
  const refreshTokenExpiresAt = toEpochMs("tokens.refreshTokenExpiresAt", stored.refreshTokenExpiresAt);
  return {
    ...(stored as Partial<OAuthTokens>),
    access_token: current.accessToken,
    refresh_token: current.refreshToken,
    accessToken: current.accessToken,
    refreshToken: current.refreshToken,
    expiresAt: current.expiresAt === undefined ? undefined : new Date(current.expiresAt),
    refreshTokenExpiresAt: refreshTokenExpiresAt === undefined ? undefined : new Date(refreshTokenExpiresAt),
  };
}

function fromStored(tokens: StoredTokens, refreshBeforeMs: number): CurrentTokens {
  const expiresAt = toEpochMs("tokens.expiresAt", tokens.expiresAt);
  return {
    accessToken: requireString("tokens.accessToken", tokens.accessToken),
    refreshToken: requireString("tokens.refreshToken", tokens.refreshToken),
    expiresAt,
    refreshAt: expiresAt === undefined ? undefined : expiresAt - refreshBeforeMs,
  };
}

/** Fresh tokens; one that lives less than twice `refreshBeforeMs` is refreshed at half its life, not at every call. */
function fromFresh(tokens: OAuthTokens, refreshBeforeMs: number): CurrentTokens {
  const current = fromStored(tokens, refreshBeforeMs);
  if (current.expiresAt !== undefined && tokens.expiresIn !== undefined) {
    current.refreshAt = current.expiresAt - Math.min(refreshBeforeMs, (tokens.expiresIn * 1000) / 2);
  }
  return current;
}

function toEpochMs(argument: string, value: Date | string | number | undefined): number | undefined {
  if (value === undefined || value === null) return undefined;
  const ms = value instanceof Date ? value.getTime() : typeof value === "number" ? value : Date.parse(value);
  if (Number.isNaN(ms)) throw new ValidationError(`${argument} is not a valid date`, { argument });
  return ms;
}
