import {
  type CallOptions,
  MalformedResponseError,
  type RawResponse,
  redactHeaders,
  requireString,
  type Session,
} from "@wx/core";
import type { AccessToken, Extensible } from "@wx/models";
import { type ConnectionOptions, withSession } from "./connection.js";
import { lifetimeSeconds } from "./lifetime.js";
import { withoutReplyBody } from "./without-reply-body.js";

/**
 * Tokens from `POST /access_token`: the API's own fields (`access_token`, `expires_in`, …, plus any new ones)
 * and their camelCase twins, with expiry instants on the local clock. The `AccessToken` model, except that the
 * lifetimes may be absent.
 */
export interface OAuthTokens extends Extensible {
  access_token: string;
  refresh_token: string;
  token_type?: string;
  scope?: AccessToken["scope"];
  id_token?: AccessToken["id_token"];
  accessToken: string;
  /**
   * Seconds the access token lives for, as issued (about 14 days), cut to one year at most. Absent (here and in
   * `expires_in`) when the reply had no usable value (missing, zero, negative, not a number): expiry unknown.
   */
  expiresIn?: number;
  expires_in?: number;
  refreshToken: string;
  /** Seconds the refresh token lives for, as issued (about 90 days); absent like `expiresIn`. */
  refreshTokenExpiresIn?: number;
  refresh_token_expires_in?: number;
  tokenType?: string;
  /** When the access token expires, on the local clock: when the request was sent, plus `expiresIn`. */
  expiresAt?: Date;
  /** When the refresh token expires, on the local clock. */
  refreshTokenExpiresAt?: Date;
}

/** What the token calls take besides the grant: where to send it, and the clock expiries are computed on. */
interface TokenCallOptions extends ConnectionOptions {
  signal?: AbortSignal;
  /** The clock, in epoch milliseconds, that `expiresAt` is computed on. Default `Date.now`. */
  now?: () => number;
}

export interface ExchangeCodeOptions extends TokenCallOptions {
  clientId: string;
  clientSecret: string;
  /** The `code` query parameter Webex appended to your redirect URI. */
  code: string;
  /** The same redirect URI as in the authorize URL. */
  redirectUri: string;
  /** The PKCE verifier, when the authorize URL carried a code challenge. */
  codeVerifier?: string;
}

export interface RefreshTokenOptions extends TokenCallOptions {
  clientId: string;
  clientSecret: string;
  refreshToken: string;
}

/** Trades the authorization code from the redirect for tokens (`grant_type=authorization_code`). */
export async function exchangeCode(options: ExchangeCodeOptions): Promise<OAuthTokens> {
  const { clientId, clientSecret, code, redirectUri, codeVerifier, signal, now, ...connection } = options ?? {};
  const form = {
    grant_type: "authorization_code",
    client_id: requireString("clientId", clientId),
    client_secret: requireString("clientSecret", clientSecret),
    code: requireString("code", code),
    redirect_uri: requireString("redirectUri", redirectUri),
    code_verifier: codeVerifier === undefined ? undefined : requireString("codeVerifier", codeVerifier),
  };
  return withSession(connection, (session) =>
    postTokenForm(session, form, { signal, timeoutMs: connection.timeoutMs }, now),
  );
}

/** Gets a fresh access token with a refresh token (`grant_type=refresh_token`). */
export async function refreshToken(options: RefreshTokenOptions): Promise<OAuthTokens> {
  const { clientId, clientSecret, refreshToken, signal, now, ...connection } = options ?? {};
  const form = {
    grant_type: "refresh_token",
    client_id: requireString("clientId", clientId),
    client_secret: requireString("clientSecret", clientSecret),
    refresh_token: requireString("refreshToken", refreshToken),
  };
  return withSession(connection, (session) =>
    postTokenForm(session, form, { signal, timeoutMs: connection.timeoutMs }, now),
  );
}

/**
 * POSTs the form to `access_token` with no Authorization header. Its secrets go to core as the call's `secrets`,
 * so they are redacted from every error, rate-limit warning, retry event and log line, even if the server echoes them.
 */
async function postTokenForm(
  session: Session,
  form: Record<string, string | undefined>,
  callOptions: CallOptions,
  now: () => number = Date.now,
): Promise<OAuthTokens> {
  // The token was issued after this instant, so counting its lifetime from here errs early, never late.
  const sentAt = now();
  const secrets = formSecrets([form.client_secret, form.code, form.refresh_token, form.code_verifier]);
  let raw: RawResponse;
  try {
    raw = await session.requestRaw({
      ...callOptions,
      method: "POST",
      path: "access_token",
      form,
      auth: false,
      secrets,
    });
  } catch (error) {
    throw withoutReplyBody(error);
  }
  return toOAuthTokens(raw, sentAt);
}

/** Each secret as given and as it reads URL-encoded in the form body, which is what a server echoing the form sends. */
function formSecrets(values: readonly (string | undefined)[]): string[] {
  const present = values.filter((value): value is string => !!value);
  return present.flatMap((value) => [value, new URLSearchParams({ v: value }).toString().slice(2)]);
}

/**
 * Builds `OAuthTokens` from a token response, with expiries counted from `sentAt` on the local clock (the
 * response's `Date` header is not used: a server clock off by years must not make tokens look dead or immortal).
 */
export function toOAuthTokens(raw: RawResponse, sentAt: number): OAuthTokens {
  const body = (raw.body && typeof raw.body === "object" ? raw.body : {}) as Record<string, unknown>;
  const {
    access_token: accessToken,
    refresh_token: refreshToken,
    expires_in,
    refresh_token_expires_in,
    ...rest
  } = body;
  const missing = [
    typeof accessToken === "string" && accessToken ? "" : "access_token",
    typeof refreshToken === "string" && refreshToken ? "" : "refresh_token",
  ].filter(Boolean);
  if (missing.length) {
    // The body may hold live tokens, so the error keeps none of it.
    throw new MalformedResponseError(
      `token response lacks ${missing.join(", ")}`,
      { method: "POST", url: raw.url.href, headers: {} },
      { status: raw.status, headers: redactHeaders(raw.headers), body: "[token response omitted]" },
    );
  }
  const expiresIn = lifetimeSeconds(expires_in);
  const refreshTokenExpiresIn = lifetimeSeconds(refresh_token_expires_in);
  return {
    ...rest,
    access_token: accessToken as string,
    refresh_token: refreshToken as string,
    accessToken: accessToken as string,
    refreshToken: refreshToken as string,
    ...(typeof body.token_type === "string" ? { tokenType: body.token_type } : {}),
    ...(expiresIn === undefined
      ? {}
      : { expires_in: expiresIn, expiresIn, expiresAt: new Date(sentAt + expiresIn * 1000) }),
    ...(refreshTokenExpiresIn === undefined
      ? {}
      : {
          refresh_token_expires_in: refreshTokenExpiresIn,
          refreshTokenExpiresIn,
          refreshTokenExpiresAt: new Date(sentAt + refreshTokenExpiresIn * 1000),
        }),
  };
}
