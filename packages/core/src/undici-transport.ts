import { Readable } from "node:stream";
import type { Dispatcher } from "undici";
import { checkMaxSockets, createDispatcher, type DispatcherOptions } from "./dispatcher.js";
import { BodyTooLargeError } from "./read-body.js";
import type { Transport, TransportRequest, TransportResponse } from "./transport.js";

export interface UndiciTransportOptions extends DispatcherOptions {
  /** Your own undici dispatcher; the transport then neither configures nor closes it. */
  dispatcher?: Dispatcher;
}

/**
 * The Node transport, on undici's lowest public API (`dispatch`): no stream per response, the chunks are
 * collected straight into the text. undici is loaded on the first request, so importing the SDK stays cheap.
 */
export function undiciTransport(options: UndiciTransportOptions = {}): Transport {
  const { dispatcher: given, ...dispatcherOptions } = options;
  checkMaxSockets(dispatcherOptions.maxSockets);
  let created: Promise<Dispatcher> | undefined;
  /** The dispatcher once made, so later requests skip a wait on `created`. */
  let ready = given;
  const dispatcher = async (): Promise<Dispatcher> => {
    created ??= createDispatcher(dispatcherOptions);
    ready = await created;
    return ready;
  };
  return {
    send(request) {
      return ready ? exchange(ready, request) : dispatcher().then((made) => exchange(made, request));
    },
    async close() {
      if (created) await (await created).close();
    },
  };
}

function exchange(dispatcher: Dispatcher, request: TransportRequest): Promise<TransportResponse> {
  const { url, body, signal, maxResponseBytes } = request;
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    let status = 0;
    let headers: Record<string, string | string[] | undefined> = {};
    const chunks: Buffer[] = [];
    let length = 0;
    let onAbort: (() => void) | undefined;
    const settle = (error: unknown, response?: TransportResponse) => {
      if (onAbort) signal?.removeEventListener("abort", onAbort);
      if (response) resolve(response);
      else reject(error);
    };
    dispatcher.dispatch(
      {
        origin: url.origin,
        path: url.pathname + url.search,
        method: request.method as Dispatcher.HttpMethod,
        headers: request.headers,
        body:
          typeof body === "object" && !(body instanceof Uint8Array) ? Readable.from(body, { objectMode: false }) : body,
        headersTimeout: request.timeoutMs,
        bodyTimeout: request.timeoutMs,
      },
      {
        onRequestStart(controller) {
          if (!signal) return;
          onAbort = () => controller.abort(signal.reason);
          signal.addEventListener("abort", onAbort, { once: true });
        },
        onResponseStart(controller, statusCode, responseHeaders) {
          status = statusCode;
          headers = responseHeaders as Record<string, string | string[] | undefined>;
          const declared = headers["content-length"];
          if (typeof declared === "string" && Number(declared) > maxResponseBytes) {
            controller.abort(new BodyTooLargeError(maxResponseBytes, { status, headers }));
          }
        },
        onResponseData(controller, chunk) {
          length += chunk.length;
          if (length > maxResponseBytes) {
            controller.abort(new BodyTooLargeError(maxResponseBytes, { status, headers }));
            return;
          }
          chunks.push(chunk);
        },
        onResponseEnd() {
          const text =
            chunks.length === 1
              ? (chunks[0] as Buffer).toString("utf8")
              : Buffer.concat(chunks, length).toString("utf8");
          settle(undefined, { status, headers, text });
        },
        onResponseError(_controller, error) {
          settle(error);
        },
      },
    );
  });
}
