// The entry for Bun, Deno, browsers and edge workers (chosen by the package's export conditions): `fetch` is the
// default transport; undici is never loaded.
import { useDefaultTransport } from "./default-transport.js";
import { fetchTransport } from "./fetch-transport.js";

useDefaultTransport(() => fetchTransport());

export * from "./public.js";
