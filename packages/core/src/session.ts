import { formBody, jsonBody, type RequestBody } from "./body.js";
import { loggerFromEnvironment } from "./console-logger.js";
import { anySignal, type Deadline, startDeadline } from "./deadline.js";
import { defaultTransport } from "./default-transport.js";
import { environment } from "./environment.js";
import {
  ApiError,
  ConnectionError,
  MalformedResponseError,
  RateLimitError,
  RateLimitWarning,
  type RequestDetails,
  type ResponseDetails,
  TimeoutError,
  ValidationError,
  WebexError,
} from "./errors.js";
import { checkHeader } from "./headers.js";
import type { Hooks } from "./hooks.js";
import { nextLink, repairNextLink } from "./link.js";
import type { CallOptions, HttpMethod, Logger, ObjectFactory, RetryEvent, SessionOptions } from "./options.js";
import { Paginated, type Walk } from "./paginated.js";
import { type RateLimiter, rateLimitKey } from "./rate-limiter.js";
import { BodyTooLargeError, DEFAULT_MAX_RESPONSE_BYTES } from "./read-body.js";
import { redactHeaders, redactText } from "./redact.js";
import { parseRetryAfter } from "./retry-after.js";
import { defaultRetryPolicy, type RetryContext, type RetryPolicy } from "./retry-policy.js";
import { routeRequest } from "./route.js";
import type {
  ListRouteName,
  RouteArgs,
  RouteItem,
  RouteName,
  RoutePaginateArgs,
  RouteResponse,
} from "./route-types.js";
import { type Sleep, sleep } from "./sleep.js";
import { currentToken, describeTokenOrigin, resolveAccessToken, type TokenSource } from "./token.js";
import type { Transport } from "./transport.js";
import { appendQuery, normalizeBaseUrl, type Query, resolveUrl } from "./url.js";
import { buildUserAgent } from "./user-agent.js";

export const DEFAULT_BASE_URL = "https://webexapis.com/v1/";

/** The object factory of a session given none: the JSON as it came. Lists skip their per-item pass for it. */
export const plainJson: ObjectFactory = (_kind, json) => json;

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
  /**
   * Values redacted, like the access token, from every error, warning, hook event and log line of this call
   * (e.g. an OAuth client secret in a form body a server might echo).
   */
  secrets?: readonly (string | undefined)[];
}

/** Options of `paginate`: the call options, and the endpoint's largest page. */
export interface PaginateOptions extends CallOptions {
  /** The endpoint's largest `max`; a larger one is a ValidationError before anything is sent. */
  maxPageSize?: number;
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

/** What one call carries through its attempts: what to redact, and when it must end. */
interface Call {
  readonly secrets: (string | undefined)[];
  readonly deadline: Deadline | undefined;
  readonly signal: AbortSignal | undefined;
  readonly timeoutMs: number;
  readonly rateLimit: { rateLimitWaits: number; rateLimitWaitedMs: number };
  attempts: number;
  /** The headers of the latest attempt (for the error hooks). */
  headers: Record<string, string>;
}

/** An HTTP connection to the Webex API: auth, retries, rate limits, errors and pagination. */
export class Session {
  readonly baseUrl: string;
  readonly timeoutMs: number;
  readonly waitOnRateLimit: boolean;
  readonly maxRetries: number;
  readonly maxRateLimitRetries: number;
  readonly maxRateLimitWaitMs: number;
  readonly deadlineMs: number | undefined;
  readonly maxResponseBytes: number;
  readonly objectFactory: ObjectFactory;
  readonly #token: TokenSource;
  /** Where the token came from, named in a 401's message. */
  readonly #tokenOrigin: string;
  readonly #transport: Transport;
  readonly #ownsTransport: boolean;
  readonly #userAgent: { name: string; value: string };
  readonly #origin: string;
  readonly #logger: Logger | undefined;
  readonly #sleep: Sleep;
  readonly #onRateLimit: ((warning: RateLimitWarning) => void) | undefined;
  readonly #onRetry: ((event: RetryEvent) => void) | undefined;
  readonly #retryPolicy: RetryPolicy;
  readonly #hooks: readonly Hooks[];
  readonly #rateLimiter: RateLimiter | undefined;
  /** The latest token's rate-limit key, so each distinct token is hashed once. */
  #limiterKey: { token: string; key: Promise<string> } | undefined;
  #closed = false;
  /** Aborted by close(), so a rate-limit or backoff wait ends at once. */
  readonly #closing = new AbortController();

  constructor(options: SessionOptions = {}) {
    const env = environment();
    this.baseUrl = normalizeBaseUrl(options.baseUrl ?? (env.WEBEX_BASE_URL || DEFAULT_BASE_URL));
    this.#origin = new URL(this.baseUrl).origin;
    this.timeoutMs = positiveNumber("timeoutMs", options.timeoutMs ?? 60_000);
    this.maxRetries = wholeNumber("maxRetries", options.maxRetries ?? 3);
    this.maxRateLimitRetries = wholeNumber("maxRateLimitRetries", options.maxRateLimitRetries ?? 10);
    this.maxRateLimitWaitMs = positiveNumber("maxRateLimitWaitMs", options.maxRateLimitWaitMs ?? 20 * 60_000);
    this.deadlineMs = options.deadlineMs === undefined ? undefined : positiveNumber("deadlineMs", options.deadlineMs);
    this.maxResponseBytes = wholeNumber("maxResponseBytes", options.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES);
    this.waitOnRateLimit = options.waitOnRateLimit ?? true;
    this.objectFactory = options.objectFactory ?? plainJson;
    this.#token = resolveAccessToken(options.accessToken);
    this.#tokenOrigin = describeTokenOrigin(options.accessToken);
    this.#userAgent = buildUserAgent({
      beGeoId: options.beGeoId ?? env.BE_GEO_ID,
      caller: options.caller ?? env.WEBEX_PYTHON_SDK_CALLER ?? env.WEBEX_SDK_CALLER,
    });
    checkHeader(this.#userAgent.name, this.#userAgent.value, options.caller ? "caller" : "beGeoId");
    this.#logger = options.logger ?? loggerFromEnvironment(env.WX_LOG);
    this.#sleep = options.sleep ?? sleep;
    this.#onRateLimit = options.onRateLimit;
    this.#onRetry = options.onRetry;
    this.#retryPolicy =
      options.retryPolicy ??
      defaultRetryPolicy({
        maxRetries: this.maxRetries,
        waitOnRateLimit: this.waitOnRateLimit,
        maxRateLimitRetries: this.maxRateLimitRetries,
        maxRateLimitWaitMs: this.maxRateLimitWaitMs,
      });
    this.#hooks =
      options.hooks === undefined ? [] : Array.isArray(options.hooks) ? [...options.hooks] : [options.hooks as Hooks];
    this.#rateLimiter = options.rateLimiter;
    this.#ownsTransport = !options.transport;
    this.#transport = options.transport ?? defaultTransport(options);
  }

  /**
   * Sends one API call and returns its parsed JSON body (`undefined` for an empty one, e.g. DELETE). Either a route
   * string typed from the specs, `request("GET /rooms/{roomId}/meetingInfo", { roomId })`, or request options.
   */
  request<R extends RouteName>(route: R, ...args: RouteArgs<R>): Promise<RouteResponse<R>>;
  request<T = unknown>(options: RequestOptions): Promise<T>;
  async request(route: string | RequestOptions, input?: unknown, options?: object): Promise<unknown> {
    return (await this.requestRaw(route as RequestOptions & RouteName, input as never, options)).body;
  }

  /** Like `request`, with the status and headers too. */
  requestRaw<R extends RouteName>(route: R, ...args: RouteArgs<R>): Promise<RawResponse<RouteResponse<R>>>;
  requestRaw<T = unknown>(options: RequestOptions): Promise<RawResponse<T>>;
  async requestRaw<T>(route: string | RequestOptions, input?: unknown, callOptions?: object): Promise<RawResponse<T>> {
    const options = typeof route === "string" ? routeRequest(route, input, callOptions) : route;
    const method = options.method ?? "GET";
    const url = this.#url(options);
    const expected = options.expectedStatus ?? (method === "DELETE" ? 204 : 200);
    const body = toBody(options);
    const call = this.#call(options);
    try {
      const { status, headers, text } = await this.#send(method, url, body, options, expected, call);
      return {
        status,
        headers: flattenHeaders(headers),
        body: this.#parse<T>(method, url, status, headers, text, call),
        url,
      };
    } catch (error) {
      return this.#failed(method, url, call, error);
    }
  }

  /**
   * A lazy list over a paged endpoint; see `Paginated`. Either a list route typed from the specs,
   * `paginate("GET /meetingInvitees", { meetingId })`, or a path and its query.
   */
  paginate<R extends ListRouteName>(route: R, ...args: RoutePaginateArgs<R>): Paginated<RouteItem<R>>;
  paginate<T = Record<string, unknown>, P extends string = string>(
    path: P extends `${HttpMethod} /${string}` ? never : P,
    query?: Query,
    options?: PaginateOptions,
  ): Paginated<T>;
  paginate<T>(path: string, query?: Query, options: PaginateOptions = {}): Paginated<T> {
    const { maxPageSize, ...callOptions } = options;
    const first = this.#url(/^[A-Z]+ /.test(path) ? routeRequest(path, query, {}, "GET") : { path, query });
    const original = new URLSearchParams(first.searchParams);
    /** The latest next link's URL, so following it does not parse it again. */
    let followed: URL | undefined;
    return new Paginated<T>(async (nextUrl, walk) => {
      // Checked here, not when the list is made, so a bad max rejects the iteration rather than throwing.
      const url =
        nextUrl === undefined
          ? firstPageUrl(first, walk, pageSize(first.searchParams.get("max"), maxPageSize) ?? maxPageSize)
          : nextUrl === followed?.href
            ? followed
            : new URL(nextUrl);
      walk.fetched.add(url.href);
      const call = this.#call(callOptions);
      try {
        const { items, next } = await this.#loadPage<T>(url, original, walk, callOptions, call);
        followed = next;
        return { items, nextUrl: next?.href };
      } catch (error) {
        return this.#failed("GET", url, call, error);
      }
    });
  }

  async #loadPage<T>(url: URL, original: URLSearchParams, walk: Walk, callOptions: CallOptions, call: Call) {
    const { status, headers, text } = await this.#send("GET", url, undefined, callOptions, 200, call);
    const page = this.#parse<{ items?: unknown }>("GET", url, status, headers, text, call);
    const malformed = (reason: string) =>
      new MalformedResponseError(
        reason,
        this.#requestDetails("GET", url, {}, call),
        this.#responseDetails(status, headers, text, call),
      );
    if (!page || typeof page !== "object" || !Array.isArray(page.items)) {
      throw malformed("'items' key not found in the list response");
    }
    const link = nextLink(headers.link);
    let next: URL | undefined;
    try {
      next = link === undefined ? undefined : repairNextLink(link, url, original);
    } catch {
      throw malformed(`the next link ${JSON.stringify(redactText(link ?? "", call.secrets))} is not a URL`);
    }
    if (next && next.origin !== this.#origin) {
      throw malformed(`next link points to another origin (${next.origin}); not sending the token there`);
    }
    if (next && walk.fetched.has(next.href)) {
      throw malformed("the next link names a page already fetched; stopping instead of looping");
    }
    return { items: page.items as T[], next };
  }

  /** Releases the session's sockets; later calls fail. A dispatcher you passed in is left open. */
  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    this.#closing.abort(new WebexError("This session is closed", { code: "closed" }));
    if (this.#ownsTransport) await this.#transport.close();
  }

  async [Symbol.asyncDispose](): Promise<void> {
    await this.close();
  }

  #call(options: RequestOptions | CallOptions): Call {
    const deadlineMs = options.deadlineMs ?? this.deadlineMs;
    const deadline = startDeadline(deadlineMs === undefined ? undefined : positiveNumber("deadlineMs", deadlineMs));
    const secrets = (options as RequestOptions).secrets;
    return {
      secrets: secrets ? [...secrets] : [],
      deadline,
      signal: deadline ? anySignal(options.signal, deadline.signal) : options.signal,
      timeoutMs: options.timeoutMs ?? this.timeoutMs,
      rateLimit: { rateLimitWaits: 0, rateLimitWaitedMs: 0 },
      attempts: 0,
      headers: {},
    };
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
    call: Call,
  ): Promise<Attempt> {
    const useAuth = (options as RequestOptions).auth !== false;
    const replayable = body?.replayable !== false;
    let retries = 0;
    let replayedAfter401 = false;
    for (;;) {
      if (this.#closed) throw new WebexError("This session is closed", { code: "closed" });
      const token = !useAuth
        ? undefined
        : typeof this.#token === "string"
          ? this.#token
          : await currentToken(this.#token);
      if (token && !call.secrets.includes(token)) call.secrets.push(token);
      const headers = this.#headers(token, body, options.headers);
      call.attempts++;
      if (token && this.#rateLimiter) await this.#acquire(this.#rateLimiter, token, method, url, call);
      for (const hook of this.#hooks) await hook.before?.({ method, url, headers, attempt: call.attempts });
      if (this.#hooks.length) for (const [name, value] of Object.entries(headers)) checkHeader(name, value, "headers");
      call.headers = headers;
      const observed = this.#logger !== undefined || this.#hooks.length > 0;
      const started = observed ? performance.now() : 0;
      let attempt: Attempt;
      let failure: WebexError;
      let context: Omit<RetryContext, "retries" | "rateLimitWaits" | "rateLimitWaitedMs">;
      try {
        attempt = await this.#exchange(method, url, headers, body, call);
      } catch (error) {
        const details = this.#requestDetails(method, url, headers, call);
        if (call.deadline?.signal.aborted) throw new TimeoutError(details, call.deadline.ms, { deadline: true });
        if (options.signal?.aborted) throw options.signal.reason;
        if (error instanceof MalformedResponseError) throw error;
        if (isTimeout(error)) throw new TimeoutError(details, call.timeoutMs, { cause: error });
        failure = new ConnectionError(
          `${method} ${details.url} failed: ${redactText(describeError(error), call.secrets)}`,
          details,
          { cause: error },
        );
        context = {
          method,
          url: details.url,
          requestHeaders: details.headers,
          errorCode: errorCode(error),
          replayable,
        };
        await this.#retryOrThrow(failure, { ...context, retries: retries++, ...call.rateLimit }, call);
        continue;
      }
      const durationMs = observed ? performance.now() - started : 0;
      this.#logger?.debug?.("webex request", {
        method,
        url: redactText(url.href, call.secrets),
        status: attempt.status,
        ms: Math.round(durationMs),
      });
      if (this.#hooks.length) {
        const seen = { method, url, headers: redactHeaders(headers, call.secrets), attempt: call.attempts };
        const response = { status: attempt.status, headers: attempt.headers, durationMs };
        for (const hook of this.#hooks) await hook.after?.(seen, response);
      }
      if (isExpected(attempt.status, expected)) return attempt;

      if (attempt.status === 401 && token && !replayedAfter401 && typeof this.#token === "function") {
        const invalidate = this.#token.invalidate;
        if (invalidate && replayable) {
          replayedAfter401 = true;
          await invalidate.call(this.#token, token);
          continue;
        }
      }
      if (attempt.status === 429 && token && this.#rateLimiter) {
        const retryAfterMs = parseRetryAfter(attempt.headers["retry-after"]) * 1000;
        await this.#rateLimiter.rateLimited(await this.#rateLimitKey(token), retryAfterMs);
      }
      const request = this.#requestDetails(method, url, headers, call);
      const response = this.#responseDetails(attempt.status, attempt.headers, attempt.text, call);
      failure =
        attempt.status === 429
          ? new RateLimitError(request, response, parseRetryAfter(attempt.headers["retry-after"]))
          : new ApiError(
              request,
              response,
              attempt.status === 401 && token ? { hint: `the token came from ${this.#tokenOrigin}` } : undefined,
            );
      context = {
        method,
        url: request.url,
        requestHeaders: request.headers,
        status: attempt.status,
        responseHeaders: attempt.headers,
        replayable,
      };
      const retried = attempt.status === 429 ? retries : retries++;
      await this.#retryOrThrow(failure, { ...context, retries: retried, ...call.rateLimit }, call);
    }
  }

  /** Waits for the rate limiter's go-ahead, within the call's deadline and signal. */
  async #acquire(limiter: RateLimiter, token: string, method: string, url: URL, call: Call): Promise<void> {
    const key = await this.#rateLimitKey(token);
    try {
      await limiter.acquire(key, this.#waitSignal(call.signal));
    } catch (error) {
      if (call.deadline?.signal.aborted) {
        throw new TimeoutError(this.#requestDetails(method, url, {}, call), call.deadline.ms, { deadline: true });
      }
      throw error;
    }
  }

  #rateLimitKey(token: string): Promise<string> {
    if (this.#limiterKey?.token !== token) this.#limiterKey = { token, key: rateLimitKey(token) };
    return this.#limiterKey.key;
  }

  /** Asks the retry policy about a failed attempt; throws `failure` unless it says retry and the wait fits the deadline. */
  async #retryOrThrow(failure: WebexError, context: RetryContext, call: Call): Promise<void> {
    const decision = this.#retryPolicy.decide(context);
    if (!decision.retry) throw failure;
    const { delayMs, reason } = decision;
    if (call.deadline && delayMs > call.deadline.remainingMs()) throw failure;
    if (decision.rateLimit && failure instanceof ApiError) {
      call.rateLimit.rateLimitWaits++;
      call.rateLimit.rateLimitWaitedMs += delayMs;
      const warning = new RateLimitWarning(failure.request, failure.response, delayMs / 1000);
      this.#logger?.warn?.(`rate limited; waiting ${delayMs / 1000}s before retrying`, {
        method: context.method,
        url: context.url,
        retryAfter: delayMs / 1000,
        trackingId: warning.trackingId,
      });
      this.#onRateLimit?.(warning);
    } else {
      const event = { method: context.method, url: context.url, attempt: context.retries + 1, delayMs, reason };
      this.#logger?.warn?.(`retrying after ${reason}`, { ...event });
      this.#onRetry?.(event);
    }
    try {
      await this.#sleep(delayMs, this.#waitSignal(call.signal));
    } catch (error) {
      if (call.deadline?.signal.aborted) {
        throw new TimeoutError({ method: context.method, url: context.url, headers: {} }, call.deadline.ms, {
          deadline: true,
        });
      }
      throw error;
    }
  }

  /** Runs the error hooks for a call that failed for good. */
  async #failed(method: string, url: URL, call: Call, error: unknown): Promise<never> {
    if (this.#hooks.length && error instanceof WebexError) {
      const seen = { method, url, headers: redactHeaders(call.headers, call.secrets), attempt: call.attempts };
      for (const hook of this.#hooks) await hook.error?.(seen, error);
    }
    throw error;
  }

  async #exchange(
    method: HttpMethod,
    url: URL,
    headers: Record<string, string>,
    body: RequestBody | undefined,
    call: Call,
  ): Promise<Attempt> {
    try {
      return await this.#transport.send({
        method,
        url,
        headers,
        body: body?.open(),
        signal: call.signal,
        timeoutMs: call.timeoutMs,
        maxResponseBytes: this.maxResponseBytes,
      });
    } catch (error) {
      if (error instanceof BodyTooLargeError) {
        throw new MalformedResponseError(error.message, this.#requestDetails(method, url, headers, call), {
          status: error.response.status,
          headers: redactHeaders(error.response.headers, call.secrets),
          body: "",
        });
      }
      throw error;
    }
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
    // accept and the user agent were checked when the session was made; what varies is checked on every call.
    const headers: Record<string, string> = { accept: "application/json" };
    headers[this.#userAgent.name] = this.#userAgent.value;
    if (token) {
      headers.authorization = `Bearer ${token}`;
      checkHeader("authorization", headers.authorization, "accessToken");
    }
    if (body) {
      checkHeader("content-type", body.contentType);
      headers["content-type"] = body.contentType;
      if (body.contentLength !== undefined) headers["content-length"] = String(body.contentLength);
    }
    if (extra) {
      for (const [name, value] of Object.entries(extra)) {
        checkHeader(name, value);
        headers[name.toLowerCase()] = value;
      }
    }
    return headers;
  }

  #parse<T>(
    method: string,
    url: URL,
    status: number,
    headers: Record<string, string | string[] | undefined>,
    text: string,
    call: Call,
  ): T {
    if (status === 204 || method === "HEAD" || (method === "DELETE" && !text)) return undefined as T;
    try {
      if (!text) throw new SyntaxError("empty body");
      return JSON.parse(text) as T;
    } catch {
      // No `cause`: JSON.parse's message quotes the body, which may echo a secret.
      throw new MalformedResponseError(
        `expected a JSON body, got ${text ? "invalid JSON" : "an empty body"}`,
        this.#requestDetails(method, url, {}, call),
        this.#responseDetails(status, headers, text, call),
      );
    }
  }

  #requestDetails(method: string, url: URL, headers: Record<string, string>, call: Call): RequestDetails {
    return { method, url: redactText(url.href, call.secrets), headers: redactHeaders(headers, call.secrets) };
  }

  #responseDetails(
    status: number,
    headers: Record<string, string | string[] | undefined>,
    text: string,
    call: Call,
  ): ResponseDetails {
    return { status, headers: redactHeaders(headers, call.secrets), body: redactText(text, call.secrets) };
  }
}

function toBody(options: RequestOptions): RequestBody | undefined {
  const given =
    Number(options.json !== undefined) + Number(options.form !== undefined) + Number(options.body !== undefined);
  if (given > 1) throw new ValidationError("request takes only one of json, form and body", { argument: "body" });
  if (options.json !== undefined) return jsonBody(options.json);
  if (options.form !== undefined) return formBody(options.form);
  if (options.body !== undefined && typeof options.body.open !== "function") {
    throw new ValidationError(
      "request body must be a RequestBody (jsonBody, formBody, multipartBody); pass a JSON value as json: { ... }",
      { argument: "body" },
    );
  }
  return options.body;
}

function isExpected(status: number, expected: number | readonly number[]): boolean {
  return typeof expected === "number" ? status === expected : expected.includes(status);
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
  return ["UND_ERR_HEADERS_TIMEOUT", "UND_ERR_BODY_TIMEOUT", "WX_PROGRESS_TIMEOUT"].includes(errorCode(error));
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

/** The `max` given to a list, checked: a whole number from 1 to the endpoint's largest page. */
function pageSize(max: string | null, maxPageSize: number | undefined): number | undefined {
  if (max === null) return undefined;
  const value = Number(max);
  if (!/^\d+$/.test(max) || value < 1 || (maxPageSize !== undefined && value > maxPageSize)) {
    const range = maxPageSize === undefined ? "a whole number >= 1" : `a whole number from 1 to ${maxPageSize}`;
    throw new ValidationError(`max must be ${range} (it is the page size, never a cap), got ${max}`, {
      argument: "max",
    });
  }
  return value;
}

/** The first page's URL; `first(n)` asks for a page of min(n, max). */
function firstPageUrl(first: URL, walk: Walk, max: number | undefined): URL {
  if (walk.pageSize === undefined) return first;
  const size = Math.min(walk.pageSize, max ?? walk.pageSize);
  if (String(size) === first.searchParams.get("max")) return first;
  const url = new URL(first);
  url.searchParams.set("max", String(size));
  return url;
}
