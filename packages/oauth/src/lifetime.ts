/** The longest token lifetime believed: a longer one is cut to this, so expiry dates stay dates. */
export const MAX_LIFETIME_SECONDS = 365 * 24 * 3600;

/**
 * A token lifetime from the token reply (`expires_in`, `refresh_token_expires_in`): seconds as a positive number
 * or a string of digits, at most a year. `undefined` when the reply has none that can be used (missing, zero,
 * negative, not a number): the expiry is then unknown, which is safe (a 401 still triggers a refresh), while
 * guessing "already expired" would refresh on every call.
 */
export function lifetimeSeconds(value: unknown): number | undefined {
  const seconds = typeof value === "string" && /^\d+$/.test(value) ? Number(value) : value;
  if (typeof seconds !== "number" || !(seconds > 0)) return undefined;
  return Math.min(seconds, MAX_LIFETIME_SECONDS);
}
