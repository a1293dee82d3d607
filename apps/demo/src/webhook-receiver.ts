import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { createWebhookHandler, type WebhookEvent } from "@wx/webhooks";

/** A loopback HTTP server that verifies each delivery and queues the typed events. */
export interface WebhookReceiver {
  url: string;
  events: WebhookEvent[];
  /** Resolves when `count` events matching `filter` have arrived, or rejects after `timeoutMs`. */
  waitFor(filter: (event: WebhookEvent) => boolean, count: number, timeoutMs: number): Promise<WebhookEvent[]>;
  close(): Promise<void>;
}

export async function startWebhookReceiver(secret: string, port = 0): Promise<WebhookReceiver> {
  const events: WebhookEvent[] = [];
  const waiters = new Set<() => void>();
  const handler = createWebhookHandler({
    secret,
    onEvent: (event) => {
      events.push(event);
      for (const wake of waiters) wake();
    },
  });
  const server = createServer(handler);
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/webhooks`;

  const waitFor: WebhookReceiver["waitFor"] = (filter, count, timeoutMs) =>
    new Promise((resolve, reject) => {
      const check = () => {
        const matching = events.filter(filter);
        if (matching.length < count) return;
        done();
        resolve(matching);
      };
      const timer = setTimeout(() => {
        done();
        reject(new Error(`waited ${timeoutMs} ms for ${count} webhook events, got ${events.filter(filter).length}`));
      }, timeoutMs);
      const done = () => {
        clearTimeout(timer);
        waiters.delete(check);
      };
      waiters.add(check);
      check();
    });

  return {
    url,
    events,
    waitFor,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
