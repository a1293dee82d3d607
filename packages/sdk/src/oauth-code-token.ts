import type { SessionOptions } from "@wx/core";
import { createRefreshingTokenProvider, exchangeCode, type OAuthTokens, type RefreshingTokenProvider } from "@wx/oauth";

/**
 * The Python SDK's `WebexTeamsAPI(client_id=…, client_secret=…, oauth_code=…, redirect_uri=…)`: the code is
 * exchanged on the first request (a constructor cannot wait), and the token is refreshed from then on.
 */
export function tokenFromOAuthCode(
  options: Omit<SessionOptions, "accessToken" | "objectFactory"> & {
    clientId: string;
    clientSecret: string;
    code: string;
    redirectUri: string;
    onTokens?: (tokens: OAuthTokens) => void | Promise<void>;
  },
): RefreshingTokenProvider {
  const { clientId, clientSecret, code, redirectUri, onTokens, ...connection } = options;
  return createRefreshingTokenProvider({
    ...connection,
    clientId,
    clientSecret,
    onTokens,
    store: {
      load: async () => {
        const tokens = await exchangeCode({ ...connection, clientId, clientSecret, code, redirectUri });
        await onTokens?.(tokens);
        return tokens;
      },
      // refreshed tokens reach the caller through onTokens
      save: async () => {},
    },
  });
}
