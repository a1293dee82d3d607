import type { IncomingMessage, ServerResponse } from "node:http";
import { BodyReadError, BodyTimeoutError } from "./body-read-error.js";
import { type CoreRequest, deliverLater, handleCoreRequest } from "./handle-request.js";
import { type ResolvedOptions, resolveOptions, type WebhookHandlerOptions } from "./options.js";

/**
 * A Node `http` request handler for Webex webhooks (also usable as Express/Connect middleware
 * mounted where nothing has parsed the body yet: the signature covers the raw bytes).
 */
export function createWebhookHandler(
  options: WebhookHandlerOptions,
): (req: IncomingMessage, res: ServerResponse) => void {
  const resolved = resolveOptions(options, "createWebhookHandler");
  return (req, res) => {
    void answer(req, res, resolved);
  };
}

async function answer(req: IncomingMessage, res: ServerResponse, options: ResolvedOptions): Promise<void> {
  try {
    const { response, delivery } = await handleCoreRequest(toCoreRequest(req), options);
    // Node closes the connection after a `connection: close` answer, so the rest of an oversized or stalled
    // body is not waited for.
    if (response.status === 413 || response.status === 408) res.setHeader("connection", "close");
    res.writeHead(response.status, response.headers).end(response.body);
    if (delivery) deliverLater(delivery, options);
  } catch (error) {
    if (res.headersSent || res.destroyed) return;
    // A body cut short usually leaves nobody to answer; anything else is a fault of ours, said out loud.
    if (error instanceof BodyReadError) res.writeHead(400, { connection: "close" }).end();
    else {
      options.log.error("[@wx/webhooks] the handler failed:", error);
      res.writeHead(500, { connection: "close" }).end();
    }
  }
}

function toCoreRequest(req: IncomingMessage): CoreRequest {
  return {
    method: req.method ?? "GET",
    header: (name) => {
      const value = req.headers[name.toLowerCase()];
      return Array.isArray(value) ? value.join(", ") : value;
    },
    readBody: (maxBytes, deadline) => readBody(req, maxBytes, deadline),
  };
}

function readBody(req: IncomingMessage, maxBytes: number, deadline: AbortSignal): Promise<Uint8Array | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) {
        cleanup();
        chunks.length = 0;
        resolve(undefined);
        return;
      }
      chunks.push(chunk);
    };
    const onEnd = () => {
      cleanup();
      resolve(Buffer.concat(chunks));
    };
    const onFailure = () => {
      cleanup();
      reject(new BodyReadError());
    };
    const onDeadline = () => {
      cleanup();
      chunks.length = 0;
      reject(new BodyTimeoutError());
    };
    const cleanup = () => {
      req.off("data", onData).off("end", onEnd).off("error", onFailure).off("close", onFailure);
      deadline.removeEventListener("abort", onDeadline);
    };
    if (deadline.aborted) return onDeadline();
    deadline.addEventListener("abort", onDeadline);
    req.on("data", onData).on("end", onEnd).on("error", onFailure).on("close", onFailure);
  });
}
