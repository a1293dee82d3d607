// What the fleet test and its bot processes (bot-process.ts) say to each other.

export interface FleetBotSettings {
  instance: number;
  apiUrl: string;
  token: string;
  secret: string;
  redisUrl: string;
  prefix: string;
  roomLockLeaseMs?: number;
  /** The store's `timeoutMs`. */
  storeTimeoutMs?: number;
  /** Give the client a `redisRateLimiter` with this prefix. */
  rateLimiterPrefix?: string;
  /** Take the token from `createRefreshingTokenProvider` over a `redisTokenStore` at `tokensKey` (not `token`). */
  oauth?: { clientId: string; clientSecret: string; tokensKey: string };
}

/** Parent to instance: `GET /people/{personId}` with the bot's client, answered by a "called" report. */
export interface FleetCall {
  call: { tag: string; personId: string };
}

export const JOURNAL_KEY = "fleet:journal";

/** One line of the journal: a message handler of some instance starting or ending. */
export interface JournalLine {
  at: "start" | "end";
  instance: number;
  roomId: string;
  text: string;
}

/** What an instance tells the parent. */
export type FleetReport =
  | { kind: "ready"; instance: number; port: number }
  | { kind: "started"; instance: number; deliveryId: string; roomId: string; text: string }
  | { kind: "handled"; instance: number; deliveryId: string; roomId: string; text: string }
  | { kind: "voted"; instance: number; deliveryId: string; votes: number }
  | { kind: "skipped"; instance: number; deliveryId: string }
  | { kind: "error"; instance: number; message: string }
  /** A FleetCall done: `error` when it failed; `token` is the access token the client holds afterwards. */
  | { kind: "called"; instance: number; tag: string; token: string; error?: string };
