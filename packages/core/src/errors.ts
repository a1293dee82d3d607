import { STATUS_DESCRIPTIONS, STATUS_TEXTS } from "./status-descriptions.js";

/** A stable name for what went wrong, to branch on instead of classes or messages. */
export type ErrorCode =
  | "webex_error"
  | "access_token"
  | "validation"
  | "timeout"
  | "connection"
  | "malformed_response"
  | "closed"
  | "bad_request"
  | "unauthorized"
  | "forbidden"
  | "not_found"
  | "method_not_allowed"
  | "conflict"
  | "gone"
  | "unsupported_media_type"
  | "locked"
  | "rate_limited"
  | "server_error"
  | "api_error";

const API_CODES: Readonly<Record<number, ErrorCode>> = {
  400: "bad_request",
  401: "unauthorized",
  403: "forbidden",
  404: "not_found",
  405: "method_not_allowed",
  409: "conflict",
  410: "gone",
  415: "unsupported_media_type",
  423: "locked",
  429: "rate_limited",
};

/** The error's class and its ancestors' names, kept on the instance so checks work across copies of this package. */
const LINEAGE = Symbol.for("@wx/core.errorLineage");
const INSPECT = Symbol.for("nodejs.util.inspect.custom");

/** What an error keeps of the request that failed; credentials are already redacted. */
export interface RequestDetails {
  method: string;
  url: string;
  headers: Record<string, string>;
}

/** What an error keeps of the response that failed. */
export interface ResponseDetails {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/**
 * Base class of every error the SDK throws. `instanceof` works across the ESM and CJS copies of this package
 * (and across two installed versions), because it compares class names kept on each instance.
 */
export class WebexError extends Error {
  /** A stable name for what went wrong. */
  readonly code: ErrorCode;
  declare readonly [LINEAGE]: readonly string[];

  constructor(message: string, options?: { cause?: unknown; code?: ErrorCode }) {
    super(message, options);
    this.name = new.target.name;
    this.code = options?.code ?? "webex_error";
    const lineage: string[] = [];
    for (let type: unknown = new.target; type && type !== Error; type = Object.getPrototypeOf(type)) {
      lineage.push((type as { name: string }).name);
    }
    Object.defineProperty(this, LINEAGE, { value: lineage });
  }

  // `this` is the class on the right of `instanceof` (a subclass too), on purpose.
  // biome-ignore-start lint/complexity/noThisInStatic: see above
  static [Symbol.hasInstance](value: unknown): boolean {
    const lineage = (value as { [LINEAGE]?: unknown } | null | undefined)?.[LINEAGE];
    if (Array.isArray(lineage)) return lineage.includes(this.name);
    return Function.prototype[Symbol.hasInstance].call(this, value);
  }
  // biome-ignore-end lint/complexity/noThisInStatic: see above

  toJSON(): Record<string, unknown> {
    return { name: this.name, code: this.code, message: this.message };
  }

  [INSPECT](): string {
    return this.stack ?? `${this.name}: ${this.message}`;
  }
}

/** No access token could be found, or the token provider failed. */
export class AccessTokenError extends WebexError {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, { ...options, code: "access_token" });
  }
}

/** An argument was wrong; thrown before any request is sent. */
export class ValidationError extends WebexError {
  /** The argument at fault, e.g. `files` or `roomId`. */
  readonly argument: string | undefined;
  /** Every problem found, when there were several (e.g. in a card). */
  readonly problems: readonly { path: string; message: string }[];

  constructor(
    message: string,
    options: { argument?: string; problems?: readonly { path: string; message: string }[]; cause?: unknown } = {},
  ) {
    super(message, { cause: options.cause, code: "validation" });
    this.argument = options.argument;
    this.problems = options.problems ?? [];
  }

  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), argument: this.argument, problems: this.problems };
  }
}

/** The request made no progress for `timeoutMs`, or the whole call passed its `deadlineMs` (`deadline: true`). */
export class TimeoutError extends WebexError {
  readonly request: RequestDetails;
  readonly timeoutMs: number;
  /** True when the call's whole-call deadline passed, rather than a wait for progress. */
  readonly deadline: boolean;

  constructor(request: RequestDetails, timeoutMs: number, options?: { cause?: unknown; deadline?: boolean }) {
    const what = options?.deadline ? `passed its deadline of ${timeoutMs} ms` : `timed out after ${timeoutMs} ms`;
    super(`${request.method} ${request.url} ${what}`, { cause: options?.cause, code: "timeout" });
    this.request = request;
    this.timeoutMs = timeoutMs;
    this.deadline = options?.deadline ?? false;
  }

  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), request: this.request, timeoutMs: this.timeoutMs, deadline: this.deadline };
  }
}

/** The service answered with a status other than the one expected. */
export class ApiError extends WebexError {
  readonly status: number;
  readonly statusText: string;
  /** The Python SDK's description of the status. */
  readonly description: string;
  /** The parsed JSON body, when there was one; `details.message` is the service's own text. */
  readonly details: Record<string, unknown> | undefined;
  readonly trackingId: string | undefined;
  readonly request: RequestDetails;
  readonly response: ResponseDetails;

  constructor(
    request: RequestDetails,
    response: ResponseDetails,
    options?: { cause?: unknown /** Appended to the message, e.g. where a rejected token came from. */; hint?: string },
  ) {
    const details = parseDetails(response);
    const status = response.status;
    const statusText = STATUS_TEXTS[status] ?? "";
    const description = STATUS_DESCRIPTIONS[status] ?? "";
    const trackingId = stringField(details, "trackingId") ?? headerValue(response.headers, "trackingid");
    const text = stringField(details, "message") || description || "Unknown Error";
    super(
      `[${status}]${statusText ? ` ${statusText}` : ""} - ${text}${trackingId ? ` [Tracking ID: ${trackingId}]` : ""}${options?.hint ? ` (${options.hint})` : ""}`,
      { cause: options?.cause, code: API_CODES[status] ?? (status >= 500 ? "server_error" : "api_error") },
    );
    this.status = status;
    this.statusText = statusText;
    this.description = description;
    this.details = details;
    this.trackingId = trackingId;
    this.request = request;
    this.response = response;
  }

  override toJSON(): Record<string, unknown> {
    return {
      ...super.toJSON(),
      status: this.status,
      statusText: this.statusText,
      description: this.description,
      details: this.details,
      trackingId: this.trackingId,
      request: this.request,
      response: this.response,
    };
  }
}

/** A 429 answer; `retryAfter` is the wait the service asked for, in seconds. */
export class RateLimitError extends ApiError {
  readonly retryAfter: number;

  constructor(request: RequestDetails, response: ResponseDetails, retryAfter: number) {
    super(request, response, { hint: `Retry-After: ${retryAfter} s` });
    this.retryAfter = retryAfter;
  }

  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), retryAfter: this.retryAfter };
  }
}

/** Reported (never thrown) each time the session waits on a 429 before retrying. */
export class RateLimitWarning extends RateLimitError {}

/** The connection failed (refused, reset, closed) and the request could not safely be retried. */
export class ConnectionError extends WebexError {
  readonly request: RequestDetails;

  constructor(message: string, request: RequestDetails, options?: { cause?: unknown }) {
    super(message, { cause: options?.cause, code: "connection" });
    this.request = request;
  }

  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), request: this.request };
  }
}

/** A 2xx answer whose body is not what the API promises (not JSON, or a list without `items`). */
export class MalformedResponseError extends WebexError {
  readonly request: RequestDetails;
  readonly response: ResponseDetails;

  constructor(reason: string, request: RequestDetails, response: ResponseDetails, options?: { cause?: unknown }) {
    super(`${reason} (${request.method} ${request.url}, status ${response.status})`, {
      cause: options?.cause,
      code: "malformed_response",
    });
    this.request = request;
    this.response = response;
  }

  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), request: this.request, response: this.response };
  }
}

function parseDetails(response: ResponseDetails): Record<string, unknown> | undefined {
  if (!/json/i.test(headerValue(response.headers, "content-type") ?? "") || !response.body) return undefined;
  try {
    const parsed: unknown = JSON.parse(response.body);
    return parsed && typeof parsed === "object" && !Array.isArray(parsed)
      ? (parsed as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

function stringField(obj: Record<string, unknown> | undefined, key: string): string | undefined {
  const value = obj?.[key];
  return typeof value === "string" && value ? value : undefined;
}

function headerValue(headers: Record<string, string>, name: string): string | undefined {
  for (const [key, value] of Object.entries(headers)) if (key.toLowerCase() === name) return value || undefined;
  return undefined;
}
