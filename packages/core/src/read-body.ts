/** The default cap on a response body the session reads into memory. */
export const DEFAULT_MAX_RESPONSE_BYTES = 100 * 1024 * 1024;

/** Thrown (and turned into a MalformedResponseError by the session) when a body passes the cap. */
export class BodyTooLargeError extends Error {
  constructor(
    readonly maxBytes: number,
    /** The answer whose body was too large. */
    readonly response: { status: number; headers: Record<string, string | string[] | undefined> },
  ) {
    super(`the response body is larger than maxResponseBytes (${maxBytes} bytes); not reading it`);
  }
}
