import type { Dispatcher } from "undici";
import type { RateLimitWarning } from "./errors.js";
import type { Hooks } from "./hooks.js";
import type { RateLimiter } from "./rate-limiter.js";
import type { RetryPolicy } from "./retry-policy.js";
import type { Sleep } from "./sleep.js";
import type { TokenSource } from "./token.js";
import type { Transport } from "./transport.js";

/** Receives the session's log lines; tokens never appear in them. Any method may be left out. */
export interface Logger {
  debug?(message: string, fields?: Record<string, unknown>): void;
  info?(message: string, fields?: Record<string, unknown>): void;
  warn?(message: string, fields?: Record<string, unknown>): void;
  error?(message: string, fields?: Record<string, unknown>): void;
}

/** Wraps each parsed result; `kind` names the model (e.g. `room`). The default returns the JSON unchanged. */
export type ObjectFactory = (kind: string, json: Record<string, unknown>) => unknown;

/** Reported before each retry of a failed attempt (5xx, connection failure). */
export interface RetryEvent {
  method: string;
  url: string;
  attempt: number;
  delayMs: number;
  reason: string;
}

export interface SessionOptions {
  /** A token, or a provider called before each request. Defaults to WEBEX_ACCESS_TOKEN, then WEBEX_TEAMS_ACCESS_TOKEN. */
  accessToken?: TokenSource;
  /** Defaults to env WEBEX_BASE_URL (e.g. an emulator's URL), then https://webexapis.com/v1/. */
  baseUrl?: string;
  /** Per-request time without progress before a TimeoutError. Default 60 000. */
  timeoutMs?: number;
  /** Wait `Retry-After` and retry on 429 (default), or throw RateLimitError. */
  waitOnRateLimit?: boolean;
  /** Retries of 5xx answers and connection failures, where repeating cannot duplicate work. Default 3. */
  maxRetries?: number;
  /** How many 429 waits one call may make before its RateLimitError is thrown. Default 10. */
  maxRateLimitRetries?: number;
  /** The most one call may wait on 429s in total, in ms; a wait that would pass it throws at once. Default 20 minutes. */
  maxRateLimitWaitMs?: number;
  /** A limit on each whole call (every attempt, wait and body byte), in ms; past it a TimeoutError. Default none. */
  deadlineMs?: number;
  /** Sockets per origin in the session's own dispatcher (1..256). Default 32. */
  maxSockets?: number;
  /** The largest response body read into memory; a larger one fails with MalformedResponseError. Default 100 MB. */
  maxResponseBytes?: number;
  /** An HTTP(S) proxy URL. Default: HTTPS_PROXY / HTTP_PROXY from the environment, honouring NO_PROXY. */
  proxy?: string | URL;
  /** Skip TLS certificate checks (never in production). */
  disableSslVerify?: boolean;
  /** Usage metadata sent in the User-Agent. Defaults to env BE_GEO_ID. */
  beGeoId?: string;
  /** Usage metadata sent in the User-Agent. Defaults to env WEBEX_PYTHON_SDK_CALLER (the Python SDK's name), then WEBEX_SDK_CALLER. */
  caller?: string;
  /** Your own undici dispatcher; the session then neither configures nor closes it. */
  dispatcher?: Dispatcher;
  /** How bytes move (see `Transport`): default undici on Node. The session does not close one you pass. */
  transport?: Transport;
  /** Use this `fetch` (e.g. `globalThis.fetch`, or an instrumented one) through `fetchTransport`, instead of undici. */
  fetch?: typeof globalThis.fetch;
  /** Where log lines go. Default: none, or stderr at the level env WX_LOG names (debug, info, warn, error). */
  logger?: Logger;
  objectFactory?: ObjectFactory;
  /** Called with each 429 wait before it starts. */
  onRateLimit?: (warning: RateLimitWarning) => void;
  /** Called before each retry of a 5xx or a connection failure. */
  onRetry?: (event: RetryEvent) => void;
  /**
   * Decides after each failed attempt whether to retry and after how long. Default: `defaultRetryPolicy` built from
   * `maxRetries`, `waitOnRateLimit`, `maxRateLimitRetries` and `maxRateLimitWaitMs`.
   */
  retryPolicy?: RetryPolicy;
  /**
   * Paces requests per token across sessions or processes: asked before each attempt that carries a token, told
   * about each 429. Default none: each session only obeys the 429s it gets itself.
   */
  rateLimiter?: RateLimiter;
  /** Code run around every request: `before` (may change headers), `after` (status, headers, timing), `error`. */
  hooks?: Hooks | readonly Hooks[];
  /** How the session waits (rate limits, backoff). Tests pass an instant one. */
  sleep?: Sleep;
}

export type HttpMethod = "GET" | "POST" | "PUT" | "DELETE" | "HEAD" | "PATCH";

/** The last optional argument of every API method. */
export interface CallOptions {
  signal?: AbortSignal;
  timeoutMs?: number;
  /** A limit on the whole call, retries and waits included; overrides the session's. */
  deadlineMs?: number;
  headers?: Readonly<Record<string, string>>;
}
