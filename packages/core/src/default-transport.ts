import { ValidationError } from "./errors.js";
import { fetchTransport } from "./fetch-transport.js";
import type { SessionOptions } from "./options.js";
import type { Transport } from "./transport.js";

type TransportFactory = (options: SessionOptions) => Transport;
let platformDefault: TransportFactory | undefined;

/** Set once by the package entry the runtime's export conditions picked (Node: undici; elsewhere: fetch). */
export function useDefaultTransport(factory: TransportFactory): void {
  platformDefault = factory;
}

/** The transport a session makes for itself: `fetch` when one is given, else the entry's default. */
export function defaultTransport(options: SessionOptions): Transport {
  if (options.fetch) {
    if (options.dispatcher || options.proxy) {
      throw new ValidationError("fetch cannot be combined with dispatcher or proxy (undici options)", {
        argument: "fetch",
      });
    }
    return fetchTransport({ fetch: options.fetch });
  }
  if (!platformDefault) throw new Error("@wx/core was loaded without an entry point that sets its transport");
  return platformDefault(options);
}
