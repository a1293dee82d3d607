import type { Extensible } from "./extensible.js";

/** OAuth token response of `POST /access_token` (the API's own snake_case names). */
export interface AccessToken extends Extensible {
  /** The access token. */
  access_token: string;
  /** Seconds until the access token expires (about 14 days). */
  expires_in: number;
  /** The refresh token. */
  refresh_token: string;
  /** Seconds until the refresh token expires (about 90 days). */
  refresh_token_expires_in: number;
  /** Always `Bearer`. */
  token_type?: string;
  /** Granted scopes, space-separated. */
  scope?: string;
  /** OpenID Connect ID token, when `openid` was requested. */
  id_token?: string;
}
