import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export interface BotServer {
  /** Where it listens (`port` is the one bound, also when 0 was asked for). */
  address: AddressInfo;
  /** Stops listening and closes every connection. */
  close(): Promise<void>;
}

/**
 * The bot's own HTTP server: `GET /healthz` answers 200 `{"status":"ok"}` while the bot is running (503 with
 * its state otherwise); every other request goes to the webhook handler, whatever its path.
 */
export async function listen(
  port: number,
  host: string | undefined,
  handler: (req: IncomingMessage, res: ServerResponse) => void,
  health: () => "ok" | string,
): Promise<BotServer> {
  const server: Server = createServer((req, res) => {
    const path = (req.url ?? "/").split("?")[0];
    if (path === "/healthz" && (req.method === "GET" || req.method === "HEAD")) {
      const status = health();
      const body = JSON.stringify({ status });
      res.writeHead(status === "ok" ? 200 : 503, { "content-type": "application/json" });
      res.end(req.method === "HEAD" ? undefined : body);
      return;
    }
    handler(req, res);
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  return {
    address: server.address() as AddressInfo,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
