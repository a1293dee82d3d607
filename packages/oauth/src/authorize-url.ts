import { DEFAULT_BASE_URL, normalizeBaseUrl, requireString, resolveUrl, ValidationError } from "@wx/core";

export interface AuthorizeUrlOptions {
  clientId: string;
  /** Must match one registered for the integration; the user is sent back here with `?code=…&state=…`. */
  redirectUri: string;
  /** Space-separated string or a list, e.g. `["spark:people_read", "spark:messages_write"]`. */
  scope: string | readonly string[];
  /** An unguessable value tied to the user's browser session; check it on the redirect (CSRF protection). */
  state: string;
  /** From `createPkce()`; sent with `code_challenge_method=S256`. */
  codeChallenge?: string;
  prompt?: "select_account" | "none";
  /** Required by Webex when `openid` is in the scope. */
  nonce?: string;
  /** Defaults to https://webexapis.com/v1/. */
  baseUrl?: string;
}

/** The URL of Webex's consent page (`GET /v1/authorize`, authorization code flow). */
export function authorizeUrl(options: AuthorizeUrlOptions): string {
  const clientId = requireString("clientId", options?.clientId);
  const redirectUri = requireString("redirectUri", options.redirectUri);
  const state = requireString("state", options.state);
  const scope = typeof options.scope === "string" ? options.scope.trim() : options.scope?.join(" ").trim();
  if (!scope) throw new ValidationError("scope is required (e.g. spark:people_read)", { argument: "scope" });
  const url = resolveUrl(normalizeBaseUrl(options.baseUrl ?? DEFAULT_BASE_URL), "authorize");
  const params = url.searchParams;
  params.set("response_type", "code");
  params.set("client_id", clientId);
  params.set("redirect_uri", redirectUri);
  params.set("scope", scope);
  params.set("state", state);
  if (options.codeChallenge !== undefined) {
    params.set("code_challenge", requireString("codeChallenge", options.codeChallenge));
    params.set("code_challenge_method", "S256");
  }
  if (options.prompt !== undefined) params.set("prompt", options.prompt);
  if (options.nonce !== undefined) params.set("nonce", requireString("nonce", options.nonce));
  return url.href;
}
