import {
  type CallOptions,
  MalformedResponseError,
  type RawResponse,
  redactHeaders,
  requireString,
  type Session,
} from "@wx/core";
import type { AccessToken } from "@wx/models";
import { type ConnectionOptions, withSession } from "./connection.js";
import { withoutSecrets } from "./without-secrets.js";

/**
 * Tokens from `POST /access_token`: the API's own fields (`access_token`, `expires_in`, …, plus any new ones)
 * and their camelCase twins, with expiry instants computed from the response's `Date` header.
 */
export interface OAuthTokens extends AccessToken {
  accessToken: string;
  /** Seconds the access token lived for when issued (about 14 days). */
  expiresIn: number;
  refreshToken: string;
  /** Seconds the refresh token lived for when issued (about 90 days). */
  refreshTokenExpiresIn: number;
  tokenType?: string;
  /** When the access token expires, on the service's clock (issue time from the `Date` header + `expires_in`). */
  expiresAt: Date;
  /** When the refresh token expires, on the service's clock. */
  refreshTokenExpiresAt: Date;
}

export interface ExchangeCodeOptions extends ConnectionOptions {
  clientId: string;
  clientSecret: string;
  /** The `code` query parameter Webex appended to your redirect URI. */
  code: string;
  /** The same redirect URI as in the authorize URL. */
  redirectUri: string;
  /** The PKCE verifier, when the authorize URL carried a code challenge. */
  codeVerifier?: string;
  signal?: AbortSignal;
}

export interface RefreshTokenOptions extends ConnectionOptions {
  clientId: string;
  clientSecret: string;
  refreshToken: string;
  signal?: AbortSignal;
}

/** Trades the authorization code from the redirect for tokens (`grant_type=authorization_code`). */
export async function exchangeCode(options: ExchangeCodeOptions): Promise<OAuthTokens> {
  const { clientId, clientSecret, code, redirectUri, codeVerifier, signal, ...connection } = options ?? {};
  const form = {
    grant_type: "authorization_code",
    client_id: requireString("clientId", clientId),
    client_secret: requireString("clientSecret", clientSecret),
    code: requireString("code", code),
    redirect_uri: requireString("redirectUri", redirectUri),
    code_verifier: codeVerifier === undefined ? undefined : requireString("codeVerifier", codeVerifier),
  };
  return withSession(connection, (session) =>
    postTokenForm(session, form, { signal, timeoutMs: connection.timeoutMs }),
  );
}

/** Gets a fresh access token with a refresh token (`grant_type=refresh_token`). */
export async function refreshToken(options: RefreshTokenOptions): Promise<OAuthTokens> {
  const { clientId, clientSecret, refreshToken, signal, ...connection } = options ?? {};
  const form = {
    grant_type: "refresh_token",
    client_id: requireString("clientId", clientId),
    client_secret: requireString("clientSecret", clientSecret),
    refresh_token: requireString("refreshToken", refreshToken),
  };
  return withSession(connection, (session) =>
    postTokenForm(session, form, { signal, timeoutMs: connection.timeoutMs }),
  );
}

/** POSTs the form to `access_token` with no Authorization header; secrets never reach a thrown error. */
async function postTokenForm(
  session: Session,
  form: Record<string, string | undefined>,
  callOptions: CallOptions,
): Promise<OAuthTokens> {
  let raw: RawResponse;
  try {
    raw = await session.requestRaw({ ...callOptions, method: "POST", path: "access_token", form, auth: false });
  } catch (error) {
    throw withoutSecrets(error, [form.client_secret, form.code, form.refresh_token, form.code_verifier]);
  }
  return toOAuthTokens(raw);
}

/** Builds `OAuthTokens` from a token response; expiries count from the service's `Date` header. */
export function toOAuthTokens(raw: RawResponse): OAuthTokens {
  const body = (raw.body && typeof raw.body === "object" ? raw.body : {}) as Record<string, unknown>;
  const accessToken = body.access_token;
  const refreshToken = body.refresh_token;
  const expiresIn = Number(body.expires_in);
  const refreshTokenExpiresIn = Number(body.refresh_token_expires_in);
  const missing = [
    typeof accessToken === "string" && accessToken ? "" : "access_token",
    typeof refreshToken === "string" && refreshToken ? "" : "refresh_token",
    Number.isFinite(expiresIn) ? "" : "expires_in",
    Number.isFinite(refreshTokenExpiresIn) ? "" : "refresh_token_expires_in",
  ].filter(Boolean);
  if (missing.length) {
    // The body may hold live tokens, so the error keeps none of it.
    throw new MalformedResponseError(
      `token response lacks ${missing.join(", ")}`,
      { method: "POST", url: raw.url.href, headers: {} },
      { status: raw.status, headers: redactHeaders(raw.headers), body: "[token response omitted]" },
    );
  }
  const issuedAt = issuedAtMs(raw.headers.date);
  return {
    ...body,
    access_token: accessToken as string,
    expires_in: expiresIn,
    refresh_token: refreshToken as string,
    refresh_token_expires_in: refreshTokenExpiresIn,
    accessToken: accessToken as string,
    expiresIn,
    refreshToken: refreshToken as string,
    refreshTokenExpiresIn,
    ...(typeof body.token_type === "string" ? { tokenType: body.token_type } : {}),
    expiresAt: new Date(issuedAt + expiresIn * 1000),
    refreshTokenExpiresAt: new Date(issuedAt + refreshTokenExpiresIn * 1000),
  };
}

/** The service's time of issue; the local clock only when the `Date` header is missing or unreadable. */
function issuedAtMs(dateHeader: string | undefined): number {
  const parsed = dateHeader ? Date.parse(dateHeader) : Number.NaN;
  return Number.isNaN(parsed) ? Date.now() : parsed;
}
