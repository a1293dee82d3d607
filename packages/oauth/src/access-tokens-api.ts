import type { CallOptions, Session } from "@wx/core";
import { exchangeCode, type OAuthTokens, refreshToken } from "./token-endpoint.js";

export interface AccessTokenGetFields {
  clientId: string;
  clientSecret: string;
  code: string;
  redirectUri: string;
  /** The PKCE verifier, when the authorize URL carried a code challenge. */
  codeVerifier?: string;
}

export interface AccessTokenRefreshFields {
  clientId: string;
  clientSecret: string;
  refreshToken: string;
}

/**
 * The token endpoint (`POST /access_token`) over a session, as `accessTokens` on the client. Same results as
 * `exchangeCode` and `refreshToken`, passed through the session's `objectFactory` as kind `accessToken` (the
 * default factory returns them unchanged); the session's own access token is never sent.
 */
export class AccessTokensApi {
  readonly #session: Session;

  constructor(session: Session) {
    this.#session = session;
  }

  /** Trades an authorization code for tokens. */
  async get(fields: AccessTokenGetFields, options: CallOptions = {}): Promise<OAuthTokens> {
    const { clientId, clientSecret, code, redirectUri, codeVerifier } = fields ?? ({} as AccessTokenGetFields);
    const { signal, timeoutMs } = options;
    const tokens = await exchangeCode({
      session: this.#session,
      signal,
      timeoutMs,
      clientId,
      clientSecret,
      code,
      redirectUri,
      codeVerifier,
    });
    return this.#wrap(tokens);
  }

  /** Gets a fresh access token with a refresh token. */
  async refresh(fields: AccessTokenRefreshFields, options: CallOptions = {}): Promise<OAuthTokens> {
    const { clientId, clientSecret, refreshToken: token } = fields ?? ({} as AccessTokenRefreshFields);
    const { signal, timeoutMs } = options;
    const session = this.#session;
    return this.#wrap(await refreshToken({ session, signal, timeoutMs, clientId, clientSecret, refreshToken: token }));
  }

  #wrap(tokens: OAuthTokens): OAuthTokens {
    return this.#session.objectFactory("accessToken", tokens) as OAuthTokens;
  }
}
