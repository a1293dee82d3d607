import { readFile } from "node:fs/promises";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import { createRequire } from "node:module";
import type { AddressInfo } from "node:net";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { ReadableStream } from "node:stream/web";
import type { WebexClient } from "@wx/sdk";
import { type ChatContext, toChatMessages } from "./chat-message.js";
import { FileNames, isContentUrl } from "./file-links.js";
import { PersonNames } from "./person-names.js";

const require = createRequire(import.meta.url);
const RENDERER = require.resolve("adaptivecards/dist/adaptivecards.min.js");
const PAGE_SIZE = 50;
const DOWNLOAD_TIMEOUT_MS = 60_000;
// The page runs only its own two scripts; the card renderer styles elements inline.
const PAGE_POLICY =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: https:; " +
  "object-src 'none'; base-uri 'none'; frame-ancestors 'none'";

export interface ServeOptions {
  /** Port on 127.0.0.1; 0 (the default) for any free one. */
  port?: number;
  /**
   * The first message of this session (the demo's intro): what its room listed before it is the room's history,
   * folded behind "Show older messages". By position in the list, not by time: seeded history can carry any date.
   */
  historyBefore?: { id: string; roomId: string };
  /** Token the page's file downloads are fetched with; the SDK's session reads JSON bodies only. */
  accessToken?: string;
}

/**
 * A chat page at 127.0.0.1: the rooms, and the open room's messages as a person reads them (names, rendered
 * markdown, files as links, threads, cards drawn by the official renderer). It reads through the SDK.
 */
export async function serveUi(
  wx: WebexClient,
  options: ServeOptions = {},
): Promise<{ url: string; close(): Promise<void> }> {
  const { historyBefore } = options;
  const [page, script, renderer] = await Promise.all([
    readFile(new URL("./page.html", import.meta.url)),
    readFile(new URL("./page.js", import.meta.url)),
    readFile(RENDERER),
  ]);
  const context: ChatContext = { names: new PersonNames(wx), files: new FileNames(wx) };

  const routes = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? "/", "http://localhost");
    const messagesOf = /^\/api\/rooms\/([^/]+)\/messages$/.exec(url.pathname);
    if (req.method !== "GET") return send(res, 405, "text/plain", "only GET");
    if (url.pathname === "/")
      return send(res, 200, "text/html; charset=utf-8", page, { "content-security-policy": PAGE_POLICY });
    if (url.pathname === "/favicon.ico") return send(res, 204, "image/x-icon", "");
    if (url.pathname === "/page.js") return send(res, 200, "text/javascript; charset=utf-8", script);
    if (url.pathname === "/adaptivecards.js") return send(res, 200, "text/javascript; charset=utf-8", renderer);
    if (url.pathname === "/api/rooms") {
      const rooms = await wx.rooms.list({ sortBy: "lastactivity", max: 20 }).first(20);
      return sendJson(
        res,
        rooms.map((room) => ({ id: room.id, title: room.title })),
      );
    }
    if (messagesOf?.[1]) {
      const roomId = decodeURIComponent(messagesOf[1]);
      const before = url.searchParams.get("before");
      const list = wx.messages.list({ roomId, max: PAGE_SIZE, ...(before ? { beforeMessage: before } : {}) });
      for await (const { items, nextUrl } of list.pages()) {
        const foldsHistory = historyBefore?.roomId === roomId;
        const historyBeginsAt = foldsHistory ? historyIndex(items, before, historyBefore.id) : undefined;
        const next = nextUrl !== undefined ? (items.at(-1)?.id ?? null) : null;
        const messages = await toChatMessages(items, context, historyBeginsAt);
        return sendJson(res, { messages, next, foldsHistory });
      }
    }
    if (url.pathname === "/file") return sendFile(res, url.searchParams.get("url") ?? "", wx, options.accessToken);
    send(res, 404, "text/plain", "not found");
  };

  const server = createServer((req, res) => {
    routes(req, res).catch((error: unknown) => {
      if (res.headersSent) return res.destroy(error instanceof Error ? error : new Error(String(error)));
      send(res, 502, "text/plain; charset=utf-8", error instanceof Error ? error.message : String(error));
    });
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** Where history begins in a page: just after the session's first message, in this page or atop the next one. */
function historyIndex(items: readonly { id: string }[], before: string | null, firstOfSession: string) {
  if (before === firstOfSession) return 0;
  const at = items.findIndex((message) => message.id === firstOfSession);
  return at === -1 ? undefined : at + 1;
}

/** A message's file, fetched from the API with the token and streamed through; only the API's own file URLs. */
async function sendFile(res: ServerResponse, url: string, wx: WebexClient, accessToken?: string): Promise<void> {
  if (!isContentUrl(url, wx.session.baseUrl)) return send(res, 400, "text/plain", "not a file of this Webex API");
  if (!accessToken) return send(res, 501, "text/plain", "file downloads need the access token (serveUi accessToken)");
  const upstream = await fetch(url, {
    headers: { authorization: `Bearer ${accessToken}` },
    redirect: "manual", // a remote file's redirect goes to the browser, without our token
    signal: AbortSignal.timeout(DOWNLOAD_TIMEOUT_MS),
  });
  const location = upstream.headers.get("location");
  if (upstream.status >= 300 && upstream.status < 400 && location && /^https?:\/\//i.test(location)) {
    await upstream.body?.cancel();
    return send(res, 302, "text/plain", "", { location });
  }
  if (upstream.status !== 200 || !upstream.body) {
    const detail = await upstream.text();
    return send(
      res,
      upstream.status === 404 ? 404 : 502,
      "text/plain",
      `the API answered ${upstream.status}: ${detail}`,
    );
  }
  const headers: Record<string, string> = {};
  for (const name of ["content-type", "content-length", "content-disposition"]) {
    const value = upstream.headers.get(name);
    if (value) headers[name] = value;
  }
  res.writeHead(200, headers);
  await pipeline(Readable.fromWeb(upstream.body as ReadableStream<Uint8Array>), res);
}

function send(
  res: ServerResponse,
  status: number,
  type: string,
  body: string | Uint8Array,
  headers: Record<string, string> = {},
): void {
  res.writeHead(status, { "content-type": type, ...headers }).end(body);
}

function sendJson(res: ServerResponse, value: unknown): void {
  send(res, 200, "application/json", JSON.stringify(value));
}
