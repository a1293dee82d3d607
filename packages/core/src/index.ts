// The Node entry: undici is the default transport (loaded on the first request), uploads may come from a local
// path, and the SDK names itself in User-Agent.
import { useDefaultTransport } from "./default-transport.js";
import { useLocalFiles } from "./local-files.js";
import { nodeLocalFiles } from "./node-local-files.js";
import { nodeUserAgent } from "./node-user-agent.js";
import { undiciTransport } from "./undici-transport.js";
import { useUserAgentStyle } from "./user-agent.js";

useDefaultTransport((options) => undiciTransport(options));
useLocalFiles(nodeLocalFiles);
useUserAgentStyle(nodeUserAgent);

export { DEFAULT_MAX_SOCKETS } from "./dispatcher.js";
export * from "./public.js";
export { type UndiciTransportOptions, undiciTransport } from "./undici-transport.js";
