import { Readable } from "node:stream";
import type { Dispatcher } from "undici";
import { checkMaxSockets, createDispatcher, type DispatcherOptions } from "./dispatcher.js";
import { readBodyText } from "./read-body.js";
import type { Transport, TransportRequest, TransportResponse } from "./transport.js";

export interface UndiciTransportOptions extends DispatcherOptions {
  /** Your own undici dispatcher; the transport then neither configures nor closes it. */
  dispatcher?: Dispatcher;
}

/** The Node transport: undici's dispatcher API, loaded on the first request so importing the SDK stays cheap. */
export function undiciTransport(options: UndiciTransportOptions = {}): Transport {
  const { dispatcher: given, ...dispatcherOptions } = options;
  checkMaxSockets(dispatcherOptions.maxSockets);
  let created: Promise<Dispatcher> | undefined;
  const dispatcher = (): Promise<Dispatcher> => {
    if (given) return Promise.resolve(given);
    created ??= createDispatcher(dispatcherOptions);
    return created;
  };
  return {
    async send(request: TransportRequest): Promise<TransportResponse> {
      const { url } = request;
      const response = await (await dispatcher()).request({
        origin: url.origin,
        path: url.pathname + url.search,
        method: request.method as Dispatcher.HttpMethod,
        headers: request.headers,
        body:
          typeof request.body === "object" && !(request.body instanceof Uint8Array)
            ? Readable.from(request.body, { objectMode: false })
            : request.body,
        signal: request.signal,
        headersTimeout: request.timeoutMs,
        bodyTimeout: request.timeoutMs,
      });
      const text = await readBodyText(response.body, response.headers["content-length"], request.maxResponseBytes, {
        status: response.statusCode,
        headers: response.headers,
      });
      return { status: response.statusCode, headers: response.headers, text };
    },
    async close() {
      if (created) await (await created).close();
    },
  };
}
