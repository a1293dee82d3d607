import { BodyTooLargeError } from "./read-body.js";
import { ProgressTimeoutError, type Transport, type TransportRequest, type TransportResponse } from "./transport.js";

export interface FetchTransportOptions {
  /** The fetch to use. Default: the global one. */
  fetch?: typeof globalThis.fetch;
}

/**
 * A transport over the WHATWG `fetch`, for runtimes without undici (Bun, Deno, browsers, edge workers) or by
 * choice. A streamed upload is collected before sending: fetch cannot stream a request body everywhere.
 */
export function fetchTransport(options: FetchTransportOptions = {}): Transport {
  const fetchImpl = options.fetch ?? globalThis.fetch;
  if (typeof fetchImpl !== "function") throw new TypeError("fetchTransport needs a fetch function");
  return {
    async send(request: TransportRequest): Promise<TransportResponse> {
      const progress = progressTimer(request.timeoutMs, request.signal);
      try {
        const response = await fetchImpl(request.url, {
          method: request.method,
          headers: withoutContentLength(request.headers),
          body: (await collect(request.body)) as BodyInit | undefined,
          signal: progress.signal,
          redirect: "manual",
        });
        progress.touch();
        const headers = headersOf(response.headers);
        const text = await readText(response, request.maxResponseBytes, progress.touch, headers);
        return { status: response.status, headers, text };
      } catch (error) {
        if (progress.timedOut()) throw new ProgressTimeoutError(request.timeoutMs);
        throw error;
      } finally {
        progress.stop();
      }
    },
    async close() {},
  };
}

/** An abort signal that fires after `timeoutMs` without a `touch()`, or when `outer` aborts. */
function progressTimer(timeoutMs: number, outer: AbortSignal | undefined) {
  const controller = new AbortController();
  let expired = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const touch = () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      expired = true;
      controller.abort(new ProgressTimeoutError(timeoutMs));
    }, timeoutMs);
  };
  const onAbort = () => controller.abort(outer?.reason);
  if (outer?.aborted) onAbort();
  outer?.addEventListener("abort", onAbort, { once: true });
  touch();
  return {
    signal: controller.signal,
    touch,
    timedOut: () => expired,
    stop: () => {
      clearTimeout(timer);
      outer?.removeEventListener("abort", onAbort);
    },
  };
}

async function collect(body: TransportRequest["body"]): Promise<string | Uint8Array | undefined> {
  if (body === undefined || typeof body === "string" || body instanceof Uint8Array) return body;
  const chunks: Uint8Array[] = [];
  for await (const chunk of body) chunks.push(chunk);
  return concat(chunks);
}

async function readText(
  response: Response,
  maxBytes: number,
  touch: () => void,
  headers: Record<string, string>,
): Promise<string> {
  const tooLarge = () => new BodyTooLargeError(maxBytes, { status: response.status, headers });
  if (Number(headers["content-length"]) > maxBytes) {
    await response.body?.cancel();
    throw tooLarge();
  }
  if (!response.body) return "";
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let length = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    touch();
    length += value.byteLength;
    if (length > maxBytes) {
      await reader.cancel();
      throw tooLarge();
    }
    chunks.push(value);
  }
  return new TextDecoder().decode(concat(chunks));
}

function headersOf(headers: Headers): Record<string, string> {
  const out: Record<string, string> = {};
  headers.forEach((value, name) => {
    out[name] = value;
  });
  return out;
}

function concat(chunks: Uint8Array[]): Uint8Array {
  if (chunks.length === 1) return chunks[0] as Uint8Array;
  const out = new Uint8Array(chunks.reduce((sum, chunk) => sum + chunk.byteLength, 0));
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return out;
}

/** fetch computes Content-Length itself and refuses one given. */
function withoutContentLength(headers: Readonly<Record<string, string>>): Record<string, string> {
  const { "content-length": _length, ...rest } = headers;
  return rest;
}
