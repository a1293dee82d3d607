import { describe, expect, it } from "vitest";
import { handleWebhookRequest, sign } from "../src/index.js";
import { eventRecorder, messageCreatedBody } from "./helpers.js";

const secret = "web-secret";
const url = "https://bot.example.com/webhook";

describe("handleWebhookRequest (Fetch API Request/Response)", () => {
  it("answers 200 to a signed delivery, then calls onEvent", async () => {
    const recorder = eventRecorder();
    const body = messageCreatedBody();
    const next = recorder.next();
    const response = await handleWebhookRequest(
      new Request(url, { method: "POST", body, headers: { "X-Spark-Signature": sign(body, secret) } }),
      { secret, onEvent: recorder.onEvent },
    );
    expect(response.status).toBe(200);
    expect(await response.text()).toBe("{}");
    const [event, context] = await next;
    expect(event.resource).toBe("messages");
    expect(context.verified).toBe(true);
  });

  it("applies the same rules: 405, 401, 413, 400", async () => {
    const recorder = eventRecorder();
    const options = { secret, maxBodyBytes: 2048, onEvent: recorder.onEvent };
    const body = messageCreatedBody();
    expect((await handleWebhookRequest(new Request(url), options)).status).toBe(405);
    const unsigned = new Request(url, { method: "POST", body });
    expect((await handleWebhookRequest(unsigned, options)).status).toBe(401);
    const big = messageCreatedBody({ padding: "x".repeat(4096) });
    const streamed = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode(big));
        controller.close();
      },
    });
    const tooLarge = new Request(url, {
      method: "POST",
      body: streamed,
      headers: { "x-spark-signature": sign(big, secret) },
      duplex: "half",
    } as RequestInit);
    expect((await handleWebhookRequest(tooLarge, options)).status).toBe(413);
    const notJson = new Request(url, {
      method: "POST",
      body: "nope",
      headers: { "x-spark-signature": sign("nope", secret) },
    });
    expect((await handleWebhookRequest(notJson, options)).status).toBe(400);
    expect(recorder.received).toHaveLength(0);
  });

  it("answers 408 when the body stalls past bodyTimeoutMs, and stops reading it", async () => {
    const recorder = eventRecorder();
    let cancelled!: (reason: unknown) => void;
    const cancel = new Promise((resolve) => {
      cancelled = resolve;
    });
    const stalled = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode(messageCreatedBody().slice(0, 20))); // and never more
      },
      cancel: (reason) => cancelled(reason),
    });
    const request = new Request(url, { method: "POST", body: stalled, duplex: "half" } as RequestInit);
    const response = await handleWebhookRequest(request, { secret, bodyTimeoutMs: 20, onEvent: recorder.onEvent });
    expect(response.status).toBe(408);
    expect((await response.json()).message).toMatch(/body/);
    await cancel;
    expect(recorder.received).toHaveLength(0);
  });
});
