// The Node entry: undici is the default transport (loaded on the first request).
import { useDefaultTransport } from "./default-transport.js";
import { undiciTransport } from "./undici-transport.js";

useDefaultTransport((options) => undiciTransport(options));

export { DEFAULT_MAX_SOCKETS } from "./dispatcher.js";
export * from "./public.js";
export { type UndiciTransportOptions, undiciTransport } from "./undici-transport.js";
