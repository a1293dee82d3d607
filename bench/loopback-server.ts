// A minimal JSON server for benchmarks: GET /v1/ping answers {}, GET /v1/items serves numbered pages with Link headers.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";

const PAGE_SIZE = 100;
const PAGES = 1000;
const pages = Array.from({ length: PAGES }, (_, p) =>
  JSON.stringify({
    items: Array.from({ length: PAGE_SIZE }, (_, i) => ({
      id: `item-${p * PAGE_SIZE + i}`,
      title: `Room number ${p * PAGE_SIZE + i}`,
      created: "2026-11-28T00:00:00.000Z",
    })),
  }),
);
const pong = JSON.stringify({ id: "me", displayName: "Bench" });

const server = createServer((req, res) => {
  if (req.url?.startsWith("/v1/items")) {
    const page = Number(new URL(req.url, "http://x").searchParams.get("cursor") ?? 0);
    const headers: Record<string, string> = { "content-type": "application/json;charset=UTF-8" };
    if (page + 1 < PAGES) headers.link = `<${origin}/v1/items?cursor=${page + 1}>; rel="next"`;
    res.writeHead(200, headers).end(pages[page]);
    return;
  }
  res.writeHead(200, { "content-type": "application/json;charset=UTF-8" }).end(pong);
});
server.keepAliveTimeout = 60_000;
let origin = "";
server.listen(0, "127.0.0.1", () => {
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  process.send?.(origin);
});
process.on("disconnect", () => process.exit(0));
