import { environment } from "./environment.js";
import { AccessTokenError } from "./errors.js";

/**
 * Supplies the access token for each request, so tokens can be refreshed. When the service answers 401,
 * the session calls `invalidate(token)` (if present), asks again, and replays the request once.
 */
export interface TokenProvider {
  (): string | Promise<string>;
  invalidate?(rejectedToken: string): void | Promise<void>;
}

export type TokenSource = string | TokenProvider;

export const TOKEN_ENV_VARS = ["WEBEX_ACCESS_TOKEN", "WEBEX_TEAMS_ACCESS_TOKEN"] as const;

/** The token given, else the first environment variable set, else an AccessTokenError saying how to give one. */
export function resolveAccessToken(accessToken: TokenSource | undefined, env = environment()): TokenSource {
  if (typeof accessToken === "function") return accessToken;
  if (typeof accessToken === "string") {
    if (accessToken.trim()) return accessToken.trim();
    throw new AccessTokenError("accessToken is an empty string");
  }
  for (const name of TOKEN_ENV_VARS) {
    const value = env[name]?.trim();
    if (value) return value;
  }
  throw new AccessTokenError(
    "No Webex access token: pass { accessToken } (a string or an async token provider), or set the WEBEX_ACCESS_TOKEN environment variable (WEBEX_TEAMS_ACCESS_TOKEN is read too).",
  );
}

export async function currentToken(token: TokenSource): Promise<string> {
  if (typeof token === "string") return token;
  let value: string;
  try {
    value = await token();
  } catch (error) {
    if (error instanceof AccessTokenError) throw error;
    throw new AccessTokenError("The access token provider failed", { cause: error });
  }
  if (typeof value !== "string" || !value) throw new AccessTokenError("The access token provider returned no token");
  return value;
}

/** Where a session's token comes from, for error messages: the option, a provider, or which environment variable. */
export function describeTokenOrigin(accessToken: TokenSource | undefined, env = environment()): string {
  if (typeof accessToken === "function") return "the token provider";
  if (typeof accessToken === "string") return "the accessToken option";
  const name = TOKEN_ENV_VARS.find((variable) => env[variable]?.trim());
  return `the ${name ?? "accessToken"} environment variable`;
}
