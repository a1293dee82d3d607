import type { IncomingMessage, ServerResponse } from "node:http";
import {
  createWebhookHandler,
  type DeliveredWebhookEvent,
  handleWebhookRequest,
  type WebhookHandlerOptions,
} from "@wx/sdk";
import type { EventQueue } from "./event-queue.js";
import type { BotLog } from "./logger.js";

/** Why deliveries are refused right now (answered 503, so Webex delivers them again later), if they are. */
export type Refusal = "not started" | "stopping" | "queue full";

export interface ReceiverOptions {
  secret: string | readonly string[];
  queue: EventQueue;
  log: BotLog;
  /** `undefined` while deliveries are accepted. */
  refusal(): Exclude<Refusal, "queue full"> | undefined;
  /** Takes a delivered event: queues it (`queue.push`) or gives its place back (`queue.release`). */
  accept(event: DeliveredWebhookEvent): void;
}

export interface Receiver {
  /** A Node `http` request handler (Express: mount it before any body parser). */
  node(req: IncomingMessage, res: ServerResponse): void;
  /** The same for a web `Request`. */
  fetch(request: Request): Promise<Response>;
}

/**
 * The bot's webhook endpoint: a place in the queue is taken first (503 when there is none, or while the bot is
 * not running); then `@wx/webhooks` does the rest (405, 413, 408, 401 for a bad signature, 400, else 200 at once)
 * and hands the event over after answering.
 */
export function createReceiver(options: ReceiverOptions): Receiver {
  const { queue, log } = options;
  const webhookOptions: WebhookHandlerOptions = {
    secret: options.secret,
    onEvent: options.accept,
    logger: { warn: (message) => log.warn(message), error: (message, fields) => log.error(message, fields) },
  };
  const nodeHandler = createWebhookHandler(webhookOptions);
  const refusals = refusalLog(log);

  const admit = (): Refusal | undefined => {
    const refusal = options.refusal();
    if (refusal !== undefined) return refusal;
    return queue.reserve() ? undefined : "queue full";
  };

  return {
    node(req, res) {
      const refusal = admit();
      if (refusal !== undefined) {
        refusals.refused(refusal);
        req.resume();
        const answer = unavailable(refusal);
        res.writeHead(answer.status, answer.headers).end(answer.body);
        return;
      }
      refusals.accepted();
      // A 200 means `@wx/webhooks` hands the event to `accept`, which uses the place; any other end gives it back.
      res.once("close", () => {
        if (!(res.headersSent && res.statusCode === 200)) queue.release();
      });
      nodeHandler(req, res);
    },
    async fetch(request) {
      const refusal = admit();
      if (refusal !== undefined) {
        refusals.refused(refusal);
        const answer = unavailable(refusal);
        return new Response(answer.body, { status: answer.status, headers: answer.headers });
      }
      refusals.accepted();
      let response: Response;
      try {
        response = await handleWebhookRequest(request, webhookOptions);
      } catch (error) {
        queue.release();
        throw error;
      }
      if (response.status !== 200) queue.release();
      return response;
    },
  };
}

function unavailable(refusal: Refusal) {
  return {
    status: 503,
    headers: { "content-type": "application/json", "retry-after": "5" },
    body: JSON.stringify({ message: `The bot is not taking deliveries now (${refusal}); deliver again later` }),
  };
}

/**
 * One warning when deliveries start being refused because the queue is full, and one line when they are
 * accepted again saying how many were refused: a full queue under load would otherwise log every delivery.
 */
function refusalLog(log: BotLog) {
  let refusedSince = 0;
  return {
    refused(refusal: Refusal) {
      if (refusal !== "queue full") return log.info(`delivery answered 503: the bot is ${refusal}`);
      if (refusedSince++ === 0) {
        log.warn("the event queue is full: deliveries are answered 503 (Webex delivers them again later)");
      }
    },
    accepted() {
      if (refusedSince === 0) return;
      log.warn(`the event queue has room again; ${refusedSince} deliveries were answered 503 meanwhile`);
      refusedSince = 0;
    },
  };
}
