import { request } from "undici";
import { afterEach, describe, expect, it, vi } from "vitest";
import { createWebhookHandler, handleWebhookRequest, sign } from "../src/index.js";
import { eventRecorder, messageCreatedBody, serve } from "./helpers.js";

// Its own file: the warning is said once per logger (or once on the console) for the life of the module.

let close: (() => Promise<void>) | undefined;
afterEach(async () => {
  await close?.();
  close = undefined;
  vi.restoreAllMocks();
});

function recordingLogger() {
  const warnings: string[] = [];
  return { warnings, logger: { warn: (message: string) => void warnings.push(message) } };
}

/** Posts three unsigned deliveries to a Node handler and waits until onEvent has seen them all. */
async function deliverUnsigned(handler: Parameters<typeof serve>[0], recorder: ReturnType<typeof eventRecorder>) {
  const server = await serve(handler);
  close = server.close;
  for (let i = 0; i < 3; i += 1) {
    const next = recorder.next();
    const response = await request(server.url, { method: "POST", body: messageCreatedBody({ name: `n${i}` }) });
    expect(response.statusCode).toBe(200);
    await response.body.dump();
    await next;
  }
  expect(recorder.received).toHaveLength(3);
}

describe("a handler without a secret", () => {
  it("warns once, through its logger, that deliveries are not verified", async () => {
    const { warnings, logger } = recordingLogger();
    const recorder = eventRecorder();
    await deliverUnsigned(createWebhookHandler({ logger, onEvent: recorder.onEvent }), recorder);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/no secret/);
    expect(warnings[0]).toMatch(/not verified/);
    expect(warnings[0]).toContain("allowUnsigned");
  });

  it("warns once across many handleWebhookRequest calls", async () => {
    const { warnings, logger } = recordingLogger();
    const recorder = eventRecorder();
    for (let i = 0; i < 3; i += 1) {
      const body = messageCreatedBody();
      const response = await handleWebhookRequest(new Request("https://bot.example/hook", { method: "POST", body }), {
        logger,
        onEvent: recorder.onEvent,
      });
      expect(response.status).toBe(200);
    }
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/not verified/);
  });

  it("warns on console.warn when no logger is given, once", async () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    const onEvent = () => {};
    createWebhookHandler({ onEvent });
    createWebhookHandler({ onEvent });
    await handleWebhookRequest(new Request("https://bot.example/hook", { method: "POST", body: "{}" }), { onEvent });
    expect(warn).toHaveBeenCalledTimes(1);
    expect(String(warn.mock.calls[0]?.[0])).toMatch(/not verified/);
  });

  it("says nothing with allowUnsigned: true", async () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    const { warnings, logger } = recordingLogger();
    const recorder = eventRecorder();
    await deliverUnsigned(createWebhookHandler({ allowUnsigned: true, logger, onEvent: recorder.onEvent }), recorder);
    createWebhookHandler({ allowUnsigned: true, onEvent: recorder.onEvent });
    expect(recorder.received.every(([, context]) => context.verified === false)).toBe(true);
    expect(warnings).toEqual([]);
    expect(warn).not.toHaveBeenCalled();
  });

  it("says nothing when a secret is configured", async () => {
    const { warnings, logger } = recordingLogger();
    const body = messageCreatedBody();
    const response = await handleWebhookRequest(
      new Request("https://bot.example/hook", {
        method: "POST",
        body,
        headers: { "x-spark-signature": sign(body, "s") },
      }),
      { secret: "s", logger, onEvent: () => {} },
    );
    expect(response.status).toBe(200);
    expect(warnings).toEqual([]);
  });

  it("refuses allowUnsigned together with a secret", () => {
    expect(() => createWebhookHandler({ secret: "s", allowUnsigned: true, onEvent: () => {} })).toThrow(
      /either a secret or allowUnsigned/,
    );
  });
});
