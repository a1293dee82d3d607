// The entry for Bun, Deno, browsers and edge workers (chosen by the package's export conditions): `fetch` is the
// default transport, undici is never loaded, nothing imports a Node built-in: no uploads from a path, and the SDK
// names itself in Spark-User-Agent (see user-agent.ts).
import { useDefaultTransport } from "./default-transport.js";
import { fetchTransport } from "./fetch-transport.js";
import { fetchUserAgent, useUserAgentStyle } from "./user-agent.js";

useDefaultTransport(() => fetchTransport());
useUserAgentStyle(fetchUserAgent);

export * from "./public.js";
