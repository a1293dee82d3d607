/** One HTTP exchange as the session asks a transport for it. */
export interface TransportRequest {
  readonly method: string;
  readonly url: URL;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string | Uint8Array | AsyncIterable<Uint8Array> | undefined;
  /** Aborts the exchange (the caller's signal, the call's deadline). */
  readonly signal: AbortSignal | undefined;
  /** Time without progress (headers, then between body chunks) before the transport fails with a timeout. */
  readonly timeoutMs: number;
  /** The most body bytes to read; past it the transport throws BodyTooLargeError. */
  readonly maxResponseBytes: number;
}

export interface TransportResponse {
  readonly status: number;
  /** Lower-case names. */
  readonly headers: Record<string, string | string[] | undefined>;
  readonly text: string;
}

/**
 * How a session moves bytes: undici on Node (keep-alive, proxies, TLS options, socket limits), `fetch` anywhere
 * else. Failures are thrown as they come; a progress timeout is an error whose `code` is `WX_PROGRESS_TIMEOUT`.
 */
export interface Transport {
  send(request: TransportRequest): Promise<TransportResponse>;
  /** Releases sockets; the session calls it from `close()` for a transport it made itself. */
  close(): Promise<void>;
}

/** Thrown by transports when no progress was made for `timeoutMs`. */
export class ProgressTimeoutError extends Error {
  readonly code = "WX_PROGRESS_TIMEOUT";
  constructor(timeoutMs: number) {
    super(`no progress for ${timeoutMs} ms`);
  }
}
