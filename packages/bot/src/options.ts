import { type Logger, type Sleep, sleep, WebexClient, type WebexClientOptions } from "@wx/sdk";
import type { BotStore } from "./store.js";

export interface BotOptions {
  /** The bot account's client, or the options to make one (`{ accessToken }`); one made here is closed by `stop()`. */
  client: WebexClient | WebexClientOptions;
  /** Public URL Webex posts to: `start()` keeps the bot's webhooks there. Without it (and without `start({
   * webhookUrl })`), `start()` registers nothing. */
  webhookUrl?: string;
  /** Set on the webhooks the bot registers and checked on every delivery (401 otherwise). While rotating,
   * `[new, old]`: the first is registered, any is accepted. */
  secret: string | readonly string[];
  /** Where deliveries seen, state and room locks are kept. Default `memoryStore()`. */
  store?: BotStore;
  /** Only people with these email domains reach the handlers; others are dropped with a log line. */
  allowedDomains?: readonly string[];
  /** Only these people (and `allowedDomains`) reach the handlers. */
  allowedEmails?: readonly string[];
  /** Events handled at once (1–1000). Default 8. One room's events are always handled one after another. */
  concurrency?: number;
  /** Events that may wait besides the `concurrency` being handled; beyond that deliveries are answered 503 and
   * Webex delivers them again. Default 1000. */
  maxQueuedEvents?: number;
  /** Where the bot's lines go (a `@wx/core` `Logger`). Default: the console, without debug lines. */
  logger?: Logger;
  /** Its webhooks are named `<webhookName>: <resource>`. Default `"wx-bot"`. */
  webhookName?: string;
  /** How long a delivery is remembered, so a re-delivery is skipped. Default 24 hours. */
  dedupTtlMs?: number;
  /** How long a state value lives after its last write. Default 30 days. */
  stateTtlMs?: number;
  /** The lease of a room's lock: the longest one event of a room may hold others of it back. Default 2 minutes. */
  roomLockLeaseMs?: number;
  /** How long an event waits for its room's lock (held by another process) before it fails. Default 2 minutes. */
  roomLockWaitMs?: number;
  /** Times `start()` reconciles its webhooks again after a failure that may be passing (5xx, 429, connection,
   * timeout). Each try lists first, so a create that did land is found, never made twice. Default 4. */
  webhookRetries?: number;
  /** Waits between those tries (full-jitter backoff). Default: a timer; tests pass an instant one. */
  sleep?: Sleep;
}

export interface ResolvedBotOptions {
  client: WebexClient;
  ownsClient: boolean;
  webhookUrl: string | undefined;
  secrets: readonly string[];
  concurrency: number;
  maxQueuedEvents: number;
  webhookName: string;
  dedupTtlMs: number;
  stateTtlMs: number;
  roomLockLeaseMs: number;
  roomLockWaitMs: number;
  webhookRetries: number;
  sleep: Sleep;
}

const HOUR = 3_600_000;

/** Checks the options once, in the constructor: a bad option is a `TypeError` before anything is sent. */
export function resolveBotOptions(options: BotOptions): ResolvedBotOptions {
  if (typeof options !== "object" || options === null) throw new TypeError("new Bot: options are required");
  const { client, ownsClient } = clientOf(options.client);
  return {
    client,
    ownsClient,
    webhookUrl: webhookUrlOf(options.webhookUrl, "new Bot: options.webhookUrl"),
    secrets: secretsOf(options.secret),
    concurrency: whole("concurrency", options.concurrency, 8, 1, 1000),
    maxQueuedEvents: whole("maxQueuedEvents", options.maxQueuedEvents, 1000, 1, 1_000_000),
    webhookName: webhookNameOf(options.webhookName),
    dedupTtlMs: whole("dedupTtlMs", options.dedupTtlMs, 24 * HOUR, 1, 365 * 24 * HOUR),
    stateTtlMs: whole("stateTtlMs", options.stateTtlMs, 30 * 24 * HOUR, 1, 3650 * 24 * HOUR),
    roomLockLeaseMs: whole("roomLockLeaseMs", options.roomLockLeaseMs, 2 * 60_000, 1, 24 * HOUR),
    roomLockWaitMs: whole("roomLockWaitMs", options.roomLockWaitMs, 2 * 60_000, 0, 24 * HOUR),
    webhookRetries: whole("webhookRetries", options.webhookRetries, 4, 0, 20),
    sleep: sleepOf(options.sleep),
  };
}

function clientOf(client: BotOptions["client"]): { client: WebexClient; ownsClient: boolean } {
  if (client instanceof WebexClient) return { client, ownsClient: false };
  if (isClientLike(client)) return { client: client as WebexClient, ownsClient: false };
  if (typeof client === "object" && client !== null) return { client: new WebexClient(client), ownsClient: true };
  throw new TypeError("new Bot: options.client must be a WebexClient or its options ({ accessToken })");
}

/** A WebexClient from another copy of @wx/sdk (`instanceof` fails across copies). */
function isClientLike(value: unknown): boolean {
  const candidate = value as Partial<WebexClient> | undefined;
  return typeof candidate?.session === "object" && typeof candidate.messages?.create === "function";
}

/** `url` if it is an absolute http(s) URL; `label` names it in the TypeError otherwise. */
export function webhookUrlOf(url: unknown, label: string): string | undefined {
  if (url === undefined) return undefined;
  let parsed: URL | undefined;
  try {
    parsed = typeof url === "string" ? new URL(url) : undefined;
  } catch {
    parsed = undefined;
  }
  if (parsed === undefined || (parsed.protocol !== "https:" && parsed.protocol !== "http:")) {
    throw new TypeError(`${label} must be an absolute http(s) URL, got ${JSON.stringify(url)}`);
  }
  return url as string;
}

function sleepOf(given: unknown): Sleep {
  if (given === undefined) return sleep;
  if (typeof given !== "function") throw new TypeError("new Bot: options.sleep must be a function");
  return given as Sleep;
}

function secretsOf(secret: unknown): readonly string[] {
  const list = typeof secret === "string" ? [secret] : secret;
  if (!Array.isArray(list) || list.length === 0 || list.some((item) => typeof item !== "string" || item === "")) {
    throw new TypeError(
      "new Bot: options.secret is required: a non-empty string (or several while rotating); it signs every delivery",
    );
  }
  return list;
}

function webhookNameOf(name: unknown): string {
  if (name === undefined) return "wx-bot";
  if (typeof name !== "string" || name.trim() === "" || name.includes(": ")) {
    throw new TypeError('new Bot: options.webhookName must be a non-empty string without ": "');
  }
  return name;
}

function whole(name: string, value: unknown, fallback: number, min: number, max: number): number {
  if (value === undefined) return fallback;
  if (typeof value !== "number" || !Number.isSafeInteger(value) || value < min || value > max) {
    throw new TypeError(`new Bot: options.${name} must be a whole number from ${min} to ${max}, got ${String(value)}`);
  }
  return value;
}
