import type { WebexError } from "./errors.js";

/** One attempt of a call, as hooks see it. */
export interface HookRequest {
  readonly method: string;
  readonly url: URL;
  /** In `before`, the headers about to be sent: change them here (a tracing id, custom auth). Elsewhere a redacted copy. */
  readonly headers: Record<string, string>;
  /** 1 for the first attempt, 2 for the first retry, … */
  readonly attempt: number;
}

export interface HookResponse {
  readonly status: number;
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
  /** From sending the request to reading the whole body. */
  readonly durationMs: number;
}

/**
 * Code of yours around every request (OpenTelemetry spans, metrics, custom auth), without touching core.
 * Pass one or a list to `hooks`; each runs in order, and an error thrown in one fails the call.
 */
export interface Hooks {
  /** Before each attempt is sent. */
  before?(request: HookRequest): void | Promise<void>;
  /** After each attempt that got an answer, whatever its status. */
  after?(request: HookRequest, response: HookResponse): void | Promise<void>;
  /** Once, when the call fails for good, with the error it is about to throw. */
  error?(request: HookRequest, error: WebexError): void | Promise<void>;
}
