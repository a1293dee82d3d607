import { Readable } from "node:stream";
import { Agent, type Dispatcher, ProxyAgent } from "undici";
import { backoffDelay } from "./backoff.js";
import { formBody, jsonBody, type RequestBody } from "./body.js";
import {
  ApiError,
  MalformedResponseError,
  RateLimitError,
  RateLimitWarning,
  type RequestDetails,
  type ResponseDetails,
  TimeoutError,
  ValidationError,
  WebexError,
} from "./errors.js";
import { nextLink, repairNextLink } from "./link.js";
import type { CallOptions, HttpMethod, Logger, ObjectFactory, RetryEvent, SessionOptions } from "./options.js";
import { Paginated } from "./paginated.js";
import { redactHeaders, redactText } from "./redact.js";
import { parseRetryAfter } from "./retry-after.js";
import { type Sleep, sleep } from "./sleep.js";
import { currentToken, resolveAccessToken, type TokenSource } from "./token.js";
import { appendQuery, normalizeBaseUrl, type Query, resolveUrl } from "./url.js";
import { buildUserAgent } from "./user-agent.js";

export const DEFAULT_BASE_URL = "https://webexapis.com/v1/";

export interface RequestOptions extends CallOptions {
  method?: HttpMethod;
  /** Relative to the base URL, e.g. `rooms` or `rooms/<id>`. */
  path?: string;
  /** An absolute URL; used instead of `path`. */
  url?: string | URL;
  query?: Query;
  json?: unknown;
  form?: Readonly<Record<string, string | undefined>>;
  body?: RequestBody;
  /** Defaults to 204 for DELETE and 200 otherwise. */
  expectedStatus?: number | readonly number[];
  /** Send no Authorization header from the session (e.g. the OAuth token endpoint). Default true. */
  auth?: boolean;
}

/** The status, headers and parsed body of a successful exchange. */
export interface RawResponse<T = unknown> {
  status: number;
  headers: Record<string, string>;
  body: T;
  url: URL;
}

interface Attempt {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
}

const IDEMPOTENT = new Set(["GET", "HEAD", "PUT", "DELETE", "OPTIONS"]);
const RETRYABLE_STATUS = new Set([500, 502, 503, 504]);
const NEVER_SENT = new Set(["ECONNREFUSED", "ENOTFOUND", "EAI_AGAIN", "EHOSTUNREACH", "UND_ERR_CONNECT_TIMEOUT"]);

/** An HTTP connection to the Webex API: auth, retries, rate limits, errors and pagination. */
export class Session {
  readonly baseUrl: string;
  readonly timeoutMs: number;
  readonly waitOnRateLimit: boolean;
  readonly maxRetries: number;
  readonly objectFactory: ObjectFactory;
  readonly #token: TokenSource;
  readonly #dispatcher: Dispatcher;
  readonly #ownsDispatcher: boolean;
  readonly #userAgent: string;
  readonly #origin: string;
  readonly #logger: Logger | undefined;
  readonly #sleep: Sleep;
  readonly #onRateLimit: ((warning: RateLimitWarning) => void) | undefined;
  readonly #onRetry: ((event: RetryEvent) => void) | undefined;
  #closed = false;
  /** Aborted by close(), so a rate-limit or backoff wait ends at once. */
  readonly #closing = new AbortController();

  constructor(options: SessionOptions = {}) {
    this.baseUrl = normalizeBaseUrl(options.baseUrl ?? DEFAULT_BASE_URL);
    this.#origin = new URL(this.baseUrl).origin;
    this.timeoutMs = positiveNumber("timeoutMs", options.timeoutMs ?? 60_000);
    this.maxRetries = wholeNumber("maxRetries", options.maxRetries ?? 3);
    this.waitOnRateLimit = options.waitOnRateLimit ?? true;
    this.objectFactory = options.objectFactory ?? ((_kind, json) => json);
    this.#token = resolveAccessToken(options.accessToken);
    this.#userAgent = buildUserAgent({
      beGeoId: options.beGeoId ?? process.env.BE_GEO_ID,
      caller: options.caller ?? process.env.WEBEX_SDK_CALLER,
    });
    this.#logger = options.logger;
    this.#sleep = options.sleep ?? sleep;
    this.#onRateLimit = options.onRateLimit;
    this.#onRetry = options.onRetry;
    this.#ownsDispatcher = !options.dispatcher;
    this.#dispatcher = options.dispatcher ?? createDispatcher(options);
  }

  /** Sends one API call and returns its parsed JSON body (`undefined` for an empty one, e.g. DELETE). */
  async request<T = unknown>(options: RequestOptions): Promise<T> {
    return (await this.requestRaw<T>(options)).body;
  }

  /** Like `request`, with the status and headers too. */
  async requestRaw<T = unknown>(options: RequestOptions): Promise<RawResponse<T>> {
    const method = options.method ?? "GET";
    const url = this.#url(options);
    const expected = options.expectedStatus ?? (method === "DELETE" ? 204 : 200);
    const body = toBody(options);
    const { status, headers, text } = await this.#send(method, url, body, options, expected);
    return { status, headers: flattenHeaders(headers), body: this.#parse<T>(method, url, status, headers, text), url };
  }

  /** A lazy list over a paged endpoint; see `Paginated`. */
  paginate<T = Record<string, unknown>>(path: string, query?: Query, options: CallOptions = {}): Paginated<T> {
    const first = this.#url({ path, query });
    const original = new URLSearchParams(first.searchParams);
    return new Paginated<T>(async (nextUrl) => {
      const url = nextUrl === undefined ? first : new URL(nextUrl);
      const { status, headers, text } = await this.#send("GET", url, undefined, options, 200);
      const page = this.#parse<{ items?: unknown }>("GET", url, status, headers, text);
      if (!page || typeof page !== "object" || !Array.isArray(page.items)) {
        throw new MalformedResponseError(
          "'items' key not found in the list response",
          this.#requestDetails("GET", url, {}),
          this.#responseDetails(status, headers, text),
        );
      }
      const link = nextLink(headers.link);
      const next = link === undefined ? undefined : repairNextLink(link, url, original);
      if (next && next.origin !== this.#origin) {
        throw new MalformedResponseError(
          `next link points to another origin (${next.origin}); not sending the token there`,
          this.#requestDetails("GET", url, {}),
          this.#responseDetails(status, headers, text),
        );
      }
      return { items: page.items as T[], nextUrl: next?.href };
    });
  }

  /** Releases the session's sockets; later calls fail. A dispatcher you passed in is left open. */
  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    this.#closing.abort(new WebexError("This session is closed"));
    if (this.#ownsDispatcher) await this.#dispatcher.close();
  }

  async [Symbol.asyncDispose](): Promise<void> {
    await this.close();
  }

  #url(options: Pick<RequestOptions, "path" | "url" | "query">): URL {
    if (options.url === undefined && options.path === undefined) {
      throw new ValidationError("request needs a path or a url", { argument: "path" });
    }
    const url = options.url !== undefined ? new URL(options.url) : resolveUrl(this.baseUrl, options.path as string);
    appendQuery(url, options.query);
    return url;
  }

  async #send(
    method: HttpMethod,
    url: URL,
    body: RequestBody | undefined,
    options: RequestOptions | CallOptions,
    expected: number | readonly number[],
  ): Promise<Attempt> {
    const useAuth = (options as RequestOptions).auth !== false;
    const timeoutMs = options.timeoutMs ?? this.timeoutMs;
    let failures = 0;
    let replayedAfter401 = false;
    for (;;) {
      if (this.#closed) throw new WebexError("This session is closed");
      const token = useAuth ? await currentToken(this.#token) : undefined;
      const headers = this.#headers(token, body, options.headers);
      const started = performance.now();
      let attempt: Attempt;
      try {
        attempt = await this.#exchange(method, url, headers, body, timeoutMs, options.signal);
      } catch (error) {
        const details = this.#requestDetails(method, url, headers);
        if (options.signal?.aborted) throw options.signal.reason;
        if (isTimeout(error)) throw new TimeoutError(details, timeoutMs, { cause: error });
        const code = errorCode(error);
        const canRetry =
          failures < this.maxRetries && (IDEMPOTENT.has(method) || NEVER_SENT.has(code)) && body?.replayable !== false;
        if (!canRetry) {
          throw new ConnectionError(`${method} ${details.url} failed: ${describeError(error)}`, details, {
            cause: error,
          });
        }
        await this.#retryWait(method, url, failures++, `connection failure (${code || "unknown"})`, undefined, options);
        continue;
      }
      this.#logger?.debug?.("webex request", {
        method,
        url: url.href,
        status: attempt.status,
        ms: Math.round(performance.now() - started),
      });
      if (isExpected(attempt.status, expected)) return attempt;

      const request = this.#requestDetails(method, url, headers);
      const response = this.#responseDetails(attempt.status, attempt.headers, attempt.text, token);
      if (attempt.status === 429) {
        const retryAfter = parseRetryAfter(header(attempt.headers, "retry-after"));
        if (!this.waitOnRateLimit || body?.replayable === false)
          throw new RateLimitError(request, response, retryAfter);
        const warning = new RateLimitWarning(request, response, retryAfter);
        this.#logger?.warn?.(`rate limited; waiting ${retryAfter}s before retrying`, {
          method,
          url: request.url,
          retryAfter,
          trackingId: warning.trackingId,
        });
        this.#onRateLimit?.(warning);
        await this.#sleep(retryAfter * 1000, this.#waitSignal(options.signal));
        continue;
      }
      if (attempt.status === 401 && token && !replayedAfter401 && typeof this.#token === "function") {
        const invalidate = this.#token.invalidate;
        if (invalidate && body?.replayable !== false) {
          replayedAfter401 = true;
          await invalidate.call(this.#token, token);
          continue;
        }
      }
      if (
        RETRYABLE_STATUS.has(attempt.status) &&
        IDEMPOTENT.has(method) &&
        failures < this.maxRetries &&
        body?.replayable !== false
      ) {
        const hinted = header(attempt.headers, "retry-after");
        await this.#retryWait(method, url, failures++, `status ${attempt.status}`, hinted, options);
        continue;
      }
      throw new ApiError(request, response);
    }
  }

  async #exchange(
    method: HttpMethod,
    url: URL,
    headers: Record<string, string>,
    body: RequestBody | undefined,
    timeoutMs: number,
    signal: AbortSignal | undefined,
  ): Promise<Attempt> {
    const content = body?.open();
    const response = await this.#dispatcher.request({
      origin: url.origin,
      path: url.pathname + url.search,
      method,
      headers,
      body:
        content === undefined || typeof content === "string" || content instanceof Uint8Array
          ? content
          : Readable.from(content, { objectMode: false }),
      signal,
      headersTimeout: timeoutMs,
      bodyTimeout: timeoutMs,
    });
    const text = await response.body.text();
    return { status: response.statusCode, headers: response.headers, text };
  }

  async #retryWait(
    method: string,
    url: URL,
    failures: number,
    reason: string,
    retryAfterHeader: string | undefined,
    options: CallOptions,
  ): Promise<void> {
    const backoff = backoffDelay(failures);
    const delayMs = retryAfterHeader ? Math.max(backoff, parseRetryAfter(retryAfterHeader) * 1000) : backoff;
    const event = { method, url: url.href, attempt: failures + 1, delayMs, reason };
    this.#logger?.warn?.(`retrying after ${reason}`, { ...event });
    this.#onRetry?.(event);
    await this.#sleep(delayMs, this.#waitSignal(options.signal));
  }

  /** Ends a wait when the caller aborts or the session closes. */
  #waitSignal(signal: AbortSignal | undefined): AbortSignal {
    return signal ? AbortSignal.any([signal, this.#closing.signal]) : this.#closing.signal;
  }

  #headers(
    token: string | undefined,
    body: RequestBody | undefined,
    extra: Readonly<Record<string, string>> | undefined,
  ): Record<string, string> {
    const headers: Record<string, string> = { accept: "application/json", "user-agent": this.#userAgent };
    if (token) headers.authorization = `Bearer ${token}`;
    if (body) {
      headers["content-type"] = body.contentType;
      if (body.contentLength !== undefined) headers["content-length"] = String(body.contentLength);
    }
    if (extra) for (const [name, value] of Object.entries(extra)) headers[name.toLowerCase()] = value;
    return headers;
  }

  #parse<T>(
    method: string,
    url: URL,
    status: number,
    headers: Record<string, string | string[] | undefined>,
    text: string,
  ): T {
    if (status === 204 || method === "HEAD" || (method === "DELETE" && !text)) return undefined as T;
    try {
      if (!text) throw new SyntaxError("empty body");
      return JSON.parse(text) as T;
    } catch (error) {
      throw new MalformedResponseError(
        `expected a JSON body, got ${text ? "invalid JSON" : "an empty body"}`,
        this.#requestDetails(method, url, {}),
        this.#responseDetails(status, headers, text),
        { cause: error },
      );
    }
  }

  #requestDetails(method: string, url: URL, headers: Record<string, string>): RequestDetails {
    return { method, url: url.href, headers: redactHeaders(headers) };
  }

  #responseDetails(
    status: number,
    headers: Record<string, string | string[] | undefined>,
    text: string,
    token?: string,
  ): ResponseDetails {
    return {
      status,
      headers: redactHeaders(headers),
      body: token ? redactText(text, [token]) : text,
    };
  }
}

/** The connection failed (refused, reset, closed) and the request could not safely be retried. */
export class ConnectionError extends WebexError {
  readonly request: RequestDetails;

  constructor(message: string, request: RequestDetails, options?: { cause?: unknown }) {
    super(message, options);
    this.request = request;
  }

  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), request: this.request };
  }
}

function createDispatcher(options: SessionOptions): Dispatcher {
  const tls = { rejectUnauthorized: !options.disableSslVerify };
  if (options.proxy) return new ProxyAgent({ uri: String(options.proxy), requestTls: tls, proxyTls: tls });
  return new Agent({ keepAliveTimeout: 30_000, connect: tls });
}

function toBody(options: RequestOptions): RequestBody | undefined {
  const given = [options.json !== undefined, options.form !== undefined, options.body !== undefined].filter(Boolean);
  if (given.length > 1)
    throw new ValidationError("request takes only one of json, form and body", { argument: "body" });
  if (options.json !== undefined) return jsonBody(options.json);
  if (options.form !== undefined) return formBody(options.form);
  return options.body;
}

function isExpected(status: number, expected: number | readonly number[]): boolean {
  return typeof expected === "number" ? status === expected : expected.includes(status);
}

function header(headers: Record<string, string | string[] | undefined>, name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
}

function flattenHeaders(headers: Record<string, string | string[] | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) if (value !== undefined) out[name] = String(value);
  return out;
}

function errorCode(error: unknown): string {
  const code =
    (error as { code?: unknown; cause?: { code?: unknown } })?.code ??
    (error as { cause?: { code?: unknown } })?.cause?.code;
  return typeof code === "string" ? code : "";
}

function isTimeout(error: unknown): boolean {
  return ["UND_ERR_HEADERS_TIMEOUT", "UND_ERR_BODY_TIMEOUT"].includes(errorCode(error));
}

function describeError(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function positiveNumber(name: string, value: number): number {
  if (typeof value !== "number" || !Number.isFinite(value) || value <= 0) {
    throw new ValidationError(`${name} must be a positive number of milliseconds, got ${value}`, { argument: name });
  }
  return value;
}

function wholeNumber(name: string, value: number): number {
  if (!Number.isInteger(value) || value < 0) {
    throw new ValidationError(`${name} must be a whole number >= 0, got ${value}`, { argument: name });
  }
  return value;
}
