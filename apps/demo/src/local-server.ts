import { createServer, type RequestListener } from "node:http";
import type { AddressInfo } from "node:net";

/** A loopback HTTP server for the bot's handler: its URL is the webhook URL when nothing public forwards to it. */
export async function listenLocally(port: number, handler: RequestListener) {
  const server = createServer(handler);
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", resolve);
  });
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/webhooks`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
