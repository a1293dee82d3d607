import { handlerLog, type WebhookLogger } from "./logger.js";

// One warning per logger (one on the console) for the life of the process, however many handlers or
// `handleWebhookRequest` calls there are: enough to be seen, not so much that it gets filtered out.
const warned = new WeakSet<object>();

/** Says, once, that a handler without a secret accepts events from anyone who can reach its URL. */
export function warnUnsignedOnce(logger: WebhookLogger | undefined, caller: string): void {
  const sink = logger ?? console;
  if (warned.has(sink)) return;
  warned.add(sink);
  handlerLog(logger).warn(
    `[@wx/webhooks] ${caller}: no secret is configured, so deliveries are not verified and anyone who can ` +
      "reach this URL can post fake events. Give the webhook a secret and pass it as `secret`, or pass " +
      "`allowUnsigned: true` if the sender is authenticated some other way.",
  );
}
