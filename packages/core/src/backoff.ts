/** Full-jitter exponential backoff: a random wait in [0, min(cap, base * 2^attempt)]. */
export function backoffDelay(
  attempt: number,
  baseMs = 500,
  capMs = 20_000,
  random: () => number = Math.random,
): number {
  return Math.round(random() * Math.min(capMs, baseMs * 2 ** attempt));
}
