export { type AccessTokenGetFields, type AccessTokenRefreshFields, AccessTokensApi } from "./access-tokens-api.js";
export { type AuthorizeUrlOptions, authorizeUrl } from "./authorize-url.js";
export type { ConnectionOptions } from "./connection.js";
export { GuestIssuerApi, type GuestJwtClaims, signGuestJwt } from "./guest-issuer-api.js";
export { createPkce, type Pkce } from "./pkce.js";
export {
  createRefreshingTokenProvider,
  type RefreshingTokenProvider,
  type RefreshingTokenProviderOptions,
  type StoredTokens,
  type TokenStore,
} from "./refreshing-token-provider.js";
export {
  type ExchangeCodeOptions,
  exchangeCode,
  type OAuthTokens,
  type RefreshTokenOptions,
  refreshToken,
} from "./token-endpoint.js";
