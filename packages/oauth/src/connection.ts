import { AccessTokenError, Session, type SessionOptions } from "@wx/core";

/**
 * Where the OAuth calls go: an existing `session` (its proxy, TLS, timeouts, retries and rate-limit handling
 * apply), or the options of a short-lived session built for the call and closed afterwards.
 */
export interface ConnectionOptions extends Omit<SessionOptions, "accessToken" | "objectFactory"> {
  session?: Session;
}

/** Runs `use` with the caller's session, or with a temporary one that is closed afterwards. */
export async function withSession<T>(connection: ConnectionOptions, use: (session: Session) => Promise<T>): Promise<T> {
  const { session, ...sessionOptions } = connection;
  if (session) return use(session);
  const temporary = new Session({ ...sessionOptions, accessToken: noAccessToken });
  try {
    return await use(temporary);
  } finally {
    await temporary.close();
  }
}

// OAuth endpoints are called with `auth: false`, so this provider is never asked for a token.
function noAccessToken(): string {
  throw new AccessTokenError("OAuth endpoint sessions send no access token");
}
