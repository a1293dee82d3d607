import { createHash, timingSafeEqual } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { StreamableHTTPServerTransport } from "@modelcontextprotocol/sdk/server/streamableHttp.js";
import { createWebexMcpServer, type WebexMcpServerOptions } from "./server.js";

export interface HttpServeOptions extends WebexMcpServerOptions {
  /** The port on 127.0.0.1; 0 picks a free one. */
  port: number;
  /** The bearer key every request must send (`Authorization: Bearer <key>`); at least 16 characters. */
  key: string;
}

export interface ServedHttp {
  /** The MCP endpoint, e.g. `http://127.0.0.1:8643/mcp`. */
  url: string;
  close(): Promise<void>;
}

export const MCP_PATH = "/mcp";
const HOST = "127.0.0.1";

/**
 * Serves Streamable HTTP on 127.0.0.1 only, stateless (a fresh MCP server per request, JSON answers), behind a
 * bearer key of its own: the Webex token never travels to or from HTTP clients. Requests naming another Host are
 * refused (DNS rebinding), as is anything but POST on `/mcp`.
 */
export async function serveHttp(options: HttpServeOptions): Promise<ServedHttp> {
  const { port, key, ...serverOptions } = options;
  if (!Number.isInteger(port) || port < 0 || port > 65_535) throw new TypeError(`port must be 0-65535, got ${port}`);
  if (typeof key !== "string" || key.length < 16) throw new TypeError("the HTTP key must be at least 16 characters");
  createWebexMcpServer(serverOptions); // checks the options before anything listens
  const keyDigest = digest(key);
  let allowedHosts: Set<string> = new Set();

  const server = createServer((req, res) => {
    const refusal = refuse(req, allowedHosts, keyDigest);
    if (refusal) {
      reply(res, refusal.status, refusal.message, refusal.headers);
      return;
    }
    answer(req, res, serverOptions).catch((error: unknown) => {
      if (!res.headersSent) reply(res, 500, `wx-mcp failed: ${error instanceof Error ? error.message : String(error)}`);
      else res.destroy();
    });
  });
  server.requestTimeout = 60_000;
  server.headersTimeout = 30_000;
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, HOST, () => resolve());
  });
  const bound = (server.address() as AddressInfo).port;
  allowedHosts = new Set([`${HOST}:${bound}`, `localhost:${bound}`]);
  return {
    url: `http://${HOST}:${bound}${MCP_PATH}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

interface Refusal {
  status: number;
  message: string;
  headers?: Record<string, string>;
}

/** The checks every request passes before it reaches MCP, in order: path, Host, key, method. */
function refuse(req: IncomingMessage, allowedHosts: Set<string>, keyDigest: Buffer): Refusal | undefined {
  if (new URL(req.url ?? "/", "http://host").pathname !== MCP_PATH)
    return { status: 404, message: `the MCP endpoint is ${MCP_PATH}` };
  if (!allowedHosts.has(req.headers.host ?? ""))
    return { status: 403, message: "this server answers only to its own loopback address" };
  const given = /^Bearer (.+)$/i.exec(req.headers.authorization ?? "")?.[1];
  if (given === undefined || !timingSafeEqual(digest(given), keyDigest)) {
    return {
      status: 401,
      message: "send the server's key as Authorization: Bearer <key> (WX_MCP_HTTP_KEY)",
      headers: { "www-authenticate": 'Bearer realm="wx-mcp"' },
    };
  }
  if (req.method !== "POST")
    return { status: 405, message: "this server is stateless: POST only", headers: { allow: "POST" } };
  return undefined;
}

async function answer(req: IncomingMessage, res: ServerResponse, options: WebexMcpServerOptions): Promise<void> {
  const mcp = createWebexMcpServer(options);
  const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined, enableJsonResponse: true });
  res.on("close", () => {
    void transport.close();
    void mcp.close();
  });
  await mcp.connect(transport);
  await transport.handleRequest(req, res);
}

function reply(res: ServerResponse, status: number, message: string, headers: Record<string, string> = {}): void {
  const body = JSON.stringify({ jsonrpc: "2.0", error: { code: -32000, message }, id: null });
  res.writeHead(status, { "content-type": "application/json", ...headers }).end(body);
}

/** Fixed-length digests, so the comparison takes the same time whatever the length of the key sent. */
function digest(key: string): Buffer {
  return createHash("sha256").update(key).digest();
}
