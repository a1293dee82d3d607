import { createServer, type RequestListener } from "node:http";
import { type AddressInfo, connect, type Socket } from "node:net";
import type { WebhookContext, WebhookEvent } from "../src/index.js";

/** A `messages:created` delivery as Webex sends it. */
export function messageCreatedBody(overrides: Record<string, unknown> = {}): string {
  return JSON.stringify({
    id: "Y2lzY29zcGFyazovL3VzL1dFQkhPT0svd2ViaG9vaw",
    name: "bot messages",
    targetUrl: "https://bot.example.com/webhook",
    resource: "messages",
    event: "created",
    orgId: "Y2lzY29zcGFyazovL3VzL09SR0FOSVpBVElPTi9vcmc",
    createdBy: "Y2lzY29zcGFyazovL3VzL1BFT1BMRS9ib3Q",
    appId: "Y2lzY29zcGFyazovL3VzL0FQUExJQ0FUSU9OL2FwcA",
    ownedBy: "creator",
    status: "active",
    created: "2024-05-01T10:00:00.000Z",
    actorId: "Y2lzY29zcGFyazovL3VzL1BFT1BMRS91c2Vy",
    data: {
      id: "Y2lzY29zcGFyazovL3VzL01FU1NBR0UvbXNn",
      roomId: "Y2lzY29zcGFyazovL3VzL1JPT00vcm9vbQ",
      roomType: "group",
      personId: "Y2lzY29zcGFyazovL3VzL1BFT1BMRS91c2Vy",
      personEmail: "user@example.com",
      created: "2024-05-01T10:01:02.345Z",
    },
    ...overrides,
  });
}

/** Records `onEvent` calls and lets a test await the next one. */
export function eventRecorder() {
  const received: [WebhookEvent, WebhookContext][] = [];
  const waiting: ((call: [WebhookEvent, WebhookContext]) => void)[] = [];
  return {
    received,
    onEvent(event: WebhookEvent, context: WebhookContext) {
      const call: [WebhookEvent, WebhookContext] = [event, context];
      received.push(call);
      waiting.shift()?.(call);
    },
    next(): Promise<[WebhookEvent, WebhookContext]> {
      const index = received.length;
      return new Promise((resolve) => {
        if (received.length > index) resolve(received[index] as [WebhookEvent, WebhookContext]);
        else waiting.push(resolve);
      });
    },
  };
}

/** Serves a handler on 127.0.0.1; `close()` stops it. */
export async function serve(handler: RequestListener): Promise<{ url: string; close: () => Promise<void> }> {
  const server = createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/webhook`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/**
 * Opens a raw socket to `url`, lets `talk` write to it, and resolves with everything the server sent
 * once the server has closed the connection (the client never closes it itself).
 */
export function rawExchange(url: string, talk: (socket: Socket) => void): Promise<string> {
  const { port } = new URL(url);
  return new Promise((resolve, reject) => {
    let answer = "";
    const socket = connect({ port: Number(port), host: "127.0.0.1", allowHalfOpen: true }, () => talk(socket));
    socket.on("data", (data) => {
      answer += data.toString();
    });
    socket.on("end", () => {
      socket.destroy();
      resolve(answer);
    });
    socket.on("error", (error) => (answer ? resolve(answer) : reject(error)));
  });
}
