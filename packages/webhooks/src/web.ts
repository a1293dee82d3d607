import { BodyReadError, BodyTimeoutError } from "./body-read-error.js";
import { type CoreRequest, deliverLater, handleCoreRequest } from "./handle-request.js";
import { resolveOptions, type WebhookHandlerOptions } from "./options.js";

/**
 * The Fetch API variant: handles a web-standard `Request` with the same rules as `createWebhookHandler`.
 * Options are checked on every call; `onEvent` runs after this resolves.
 */
export async function handleWebhookRequest(request: Request, options: WebhookHandlerOptions): Promise<Response> {
  const resolved = resolveOptions(options, "handleWebhookRequest");
  try {
    const { response, delivery } = await handleCoreRequest(toCoreRequest(request), resolved);
    if (delivery) deliverLater(delivery, resolved);
    return new Response(response.body, { status: response.status, headers: response.headers });
  } catch (error) {
    if (!(error instanceof BodyReadError)) {
      resolved.log.error("[@wx/webhooks] the handler failed:", error);
      return new Response(null, { status: 500 });
    }
    return new Response(JSON.stringify({ message: error.message }), {
      status: 400,
      headers: { "content-type": "application/json" },
    });
  }
}

function toCoreRequest(request: Request): CoreRequest {
  return {
    method: request.method,
    header: (name) => request.headers.get(name) ?? undefined,
    readBody: (maxBytes, deadline) => readBody(request, maxBytes, deadline),
  };
}

async function readBody(request: Request, maxBytes: number, deadline: AbortSignal): Promise<Uint8Array | undefined> {
  if (request.body === null) return new Uint8Array(0);
  const reader = request.body.getReader();
  // Cancelling ends a pending read as if the body were complete, so the deadline is checked after every read.
  let cancelling: Promise<void> | undefined;
  const stopReading = () => {
    cancelling = reader.cancel(new BodyTimeoutError());
  };
  if (deadline.aborted) stopReading();
  else deadline.addEventListener("abort", stopReading);
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read().catch(() => {
        throw new BodyReadError();
      });
      if (cancelling) {
        await cancelling;
        throw new BodyTimeoutError();
      }
      if (done) break;
      size += value.byteLength;
      if (size > maxBytes) {
        await reader.cancel();
        return undefined;
      }
      chunks.push(value);
    }
  } finally {
    deadline.removeEventListener("abort", stopReading);
  }
  const body = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    body.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return body;
}
