/** Thrown by `parseWebhookEvent` when a body is not a Webex webhook event. */
export class WebhookParseError extends Error {
  override name = "WebhookParseError";
}
