import { connect } from "node:net";
import { Readable } from "node:stream";
import { request } from "undici";
import { afterEach, describe, expect, expectTypeOf, it, vi } from "vitest";
import { createWebhookHandler, sign, type WebhookHandlerOptions } from "../src/index.js";
import { eventRecorder, messageCreatedBody, rawExchange, serve } from "./helpers.js";

const secret = "webhook-secret-1";
let close: (() => Promise<void>) | undefined;
afterEach(async () => {
  await close?.();
  close = undefined;
  vi.restoreAllMocks();
});

async function start(options: Omit<WebhookHandlerOptions, "onEvent">) {
  const recorder = eventRecorder();
  const server = await serve(createWebhookHandler({ ...options, onEvent: recorder.onEvent }));
  close = server.close;
  return { ...recorder, url: server.url };
}

async function post(url: string, body: string | Buffer | Readable, headers: Record<string, string> = {}) {
  const response = await request(url, {
    method: "POST",
    body,
    headers: { "content-type": "application/json", ...headers },
  });
  return { status: response.statusCode, body: await response.body.text() };
}

describe("createWebhookHandler over HTTP", () => {
  it("answers 200 to a correctly signed delivery, then calls onEvent with the typed event", async () => {
    const hook = await start({ secret });
    const body = messageCreatedBody();
    const next = hook.next();
    const response = await post(hook.url, body, { "x-spark-signature": sign(body, secret) });
    expect(response).toEqual({ status: 200, body: "{}" });
    const [event, context] = await next;
    expect(event.resource).toBe("messages");
    if (event.resource === "messages") {
      expectTypeOf(event.data.personEmail).toEqualTypeOf<string>();
      expect(event.data.personEmail).toBe("user@example.com");
    }
    expect(context.verified).toBe(true);
    expect(Buffer.from(context.rawBody).toString()).toBe(body);
    expect(context.header("X-Spark-Signature")).toBe(sign(body, secret));
  });

  it("answers 401 to a wrong signature or a missing header and never calls onEvent", async () => {
    const hook = await start({ secret });
    const body = messageCreatedBody();
    const wrong = await post(hook.url, body, { "x-spark-signature": sign(body, "not-the-secret") });
    expect(wrong.status).toBe(401);
    expect(wrong.body).toContain("X-Spark-Signature");
    expect(wrong.body).not.toContain(secret);
    expect((await post(hook.url, body)).status).toBe(401);

    // The next event onEvent sees is the next valid delivery.
    const valid = messageCreatedBody({ name: "valid" });
    const next = hook.next();
    expect((await post(hook.url, valid, { "x-spark-signature": sign(valid, secret) })).status).toBe(200);
    expect((await next)[0].name).toBe("valid");
    expect(hook.received).toHaveLength(1);
  });

  it("accepts either secret while rotating", async () => {
    const hook = await start({ secret: ["new-secret", secret] });
    const body = messageCreatedBody();
    expect((await post(hook.url, body, { "x-spark-signature": sign(body, secret) })).status).toBe(200);
    expect((await post(hook.url, body, { "x-spark-signature": sign(body, "new-secret") })).status).toBe(200);
    expect((await post(hook.url, body, { "x-spark-signature": sign(body, "retired") })).status).toBe(401);
  });

  it("skips signature checks when no secret is configured", async () => {
    const hook = await start({ allowUnsigned: true });
    const next = hook.next();
    expect((await post(hook.url, messageCreatedBody())).status).toBe(200);
    expect((await next)[1].verified).toBe(false);
  });

  it("answers 405 to anything but POST", async () => {
    const hook = await start({ secret });
    const response = await request(hook.url, { method: "GET" });
    expect(response.statusCode).toBe(405);
    expect(response.headers.allow).toBe("POST");
    await response.body.dump();
  });

  it("answers 400 to malformed JSON and to JSON that is not a webhook event", async () => {
    const hook = await start({ secret });
    for (const body of ["{not json", '{"hello":"world"}', messageCreatedBody({ data: null })]) {
      const response = await post(hook.url, body, { "x-spark-signature": sign(body, secret) });
      expect(response.status).toBe(400);
      expect(JSON.parse(response.body).message).toMatch(/Not a Webex webhook event/);
    }
    expect(hook.received).toHaveLength(0);
  });

  it("answers 413 to a body over the limit, declared or streamed, and keeps serving", async () => {
    const hook = await start({ secret, maxBodyBytes: 1024 });
    const big = messageCreatedBody({ padding: "x".repeat(4096) });
    const declared = await post(hook.url, big, { "x-spark-signature": sign(big, secret) });
    expect(declared.status).toBe(413);
    const streamed = await post(hook.url, Readable.from([Buffer.from(big)]), {
      "x-spark-signature": sign(big, secret),
    });
    expect(streamed.status).toBe(413);
    const body = messageCreatedBody({ name: "small" });
    const next = hook.next();
    expect((await post(hook.url, body, { "x-spark-signature": sign(body, secret) })).status).toBe(200);
    expect((await next)[0].name).toBe("small");
    expect(hook.received).toHaveLength(1);
  });

  it("cuts off a client that keeps streaming after the 413, and keeps serving", async () => {
    const hook = await start({ secret, maxBodyBytes: 1024 });
    const { port } = new URL(hook.url);
    const chunk = Buffer.alloc(64 * 1024, "x");
    let written = 0;
    let answer = "";
    await new Promise<void>((resolve) => {
      const socket = connect(Number(port), "127.0.0.1", () => {
        socket.write("POST /webhook HTTP/1.1\r\nHost: 127.0.0.1\r\nTransfer-Encoding: chunked\r\n\r\n");
        const pump = () => {
          // A client that never stops and never looks at the answer.
          while (!socket.destroyed && written < 256 * 1024 * 1024) {
            written += chunk.length;
            if (!socket.write(`${chunk.length.toString(16)}\r\n${chunk}\r\n`)) return void socket.once("drain", pump);
          }
        };
        pump();
      });
      socket.on("data", (data) => {
        answer += data.toString();
      });
      socket.on("error", () => {});
      socket.on("close", () => resolve());
    });
    expect(answer).toMatch(/^HTTP\/1\.1 413/);
    expect(written).toBeLessThan(256 * 1024 * 1024);
    const body = messageCreatedBody({ name: "still serving" });
    const next = hook.next();
    expect((await post(hook.url, body, { "x-spark-signature": sign(body, secret) })).status).toBe(200);
    expect((await next)[0].name).toBe("still serving");
  });

  it("answers 413 to a body over the 1 MB default", async () => {
    const hook = await start({ secret });
    const big = messageCreatedBody({ padding: "x".repeat(1024 * 1024) });
    expect((await post(hook.url, big, { "x-spark-signature": sign(big, secret) })).status).toBe(413);
  });

  it("ignores a truncated body (the client gives up mid-body) and keeps serving", async () => {
    const hook = await start({ secret });
    const body = messageCreatedBody();
    const { port } = new URL(hook.url);
    await new Promise<void>((resolve, reject) => {
      const socket = connect(Number(port), "127.0.0.1", () => {
        socket.write(
          `POST /webhook HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n` +
            `Content-Length: ${body.length + 500}\r\nX-Spark-Signature: ${sign(body, secret)}\r\n\r\n${body}`,
          () => {
            socket.destroy();
            resolve();
          },
        );
      });
      socket.on("error", reject);
    });
    const valid = messageCreatedBody({ name: "after truncation" });
    const next = hook.next();
    expect((await post(hook.url, valid, { "x-spark-signature": sign(valid, secret) })).status).toBe(200);
    expect((await next)[0].name).toBe("after truncation");
    expect(hook.received).toHaveLength(1);
  });

  it("answers 408 to a body that stalls, closes the connection, and never calls onEvent", async () => {
    const hook = await start({ secret, bodyTimeoutMs: 50 });
    const body = messageCreatedBody();
    const answer = await rawExchange(hook.url, (socket) =>
      socket.write(
        `POST /webhook HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n` +
          `Content-Length: ${body.length}\r\nX-Spark-Signature: ${sign(body, secret)}\r\n\r\n${body.slice(0, 20)}`,
      ),
    );
    expect(answer).toMatch(/^HTTP\/1\.1 408 /);
    expect(answer.toLowerCase()).toContain("connection: close");
    const valid = messageCreatedBody({ name: "after the stall" });
    const next = hook.next();
    expect((await post(hook.url, valid, { "x-spark-signature": sign(valid, secret) })).status).toBe(200);
    expect((await next)[0].name).toBe("after the stall");
    expect(hook.received).toHaveLength(1);
  });

  it("answers 408 to a body that keeps trickling in past bodyTimeoutMs", async () => {
    const hook = await start({ secret, bodyTimeoutMs: 50 });
    let trickle: NodeJS.Timeout | undefined;
    const answer = await rawExchange(hook.url, (socket) => {
      socket.write("POST /webhook HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 100000\r\n\r\n");
      // One byte at a time, never idle for long, never done.
      trickle = setInterval(() => socket.writable && socket.write("x"), 5);
    }).finally(() => clearInterval(trickle));
    expect(answer).toMatch(/^HTTP\/1\.1 408 /);
    expect(hook.received).toHaveLength(0);
  });

  it("still answers 200 when onEvent throws or rejects, and hands the error to onError", async () => {
    const errors: [unknown, string][] = [];
    let seen!: () => void;
    const twoErrors = new Promise<void>((resolve) => {
      seen = resolve;
    });
    let calls = 0;
    const server = await serve(
      createWebhookHandler({
        secret,
        onEvent: async () => {
          calls += 1;
          if (calls === 1) throw new Error("sync-style failure");
          await Promise.resolve();
          throw new Error("async failure");
        },
        onError: (error, context) => {
          errors.push([error, context.event.resource]);
          if (errors.length === 2) seen();
        },
      }),
    );
    close = server.close;
    const body = messageCreatedBody();
    expect((await post(server.url, body, { "x-spark-signature": sign(body, secret) })).status).toBe(200);
    expect((await post(server.url, body, { "x-spark-signature": sign(body, secret) })).status).toBe(200);
    await twoErrors;
    expect(errors.map(([error]) => (error as Error).message).sort()).toEqual(["async failure", "sync-style failure"]);
    expect(errors[0]?.[1]).toBe("messages");
    expect((await post(server.url, body, { "x-spark-signature": sign(body, secret) })).status).toBe(200);
  });

  it("logs one short line without the secret when onEvent fails and no onError is given", async () => {
    let logged!: (line: string) => void;
    const line = new Promise<string>((resolve) => {
      logged = resolve;
    });
    vi.spyOn(console, "error").mockImplementation((message: unknown) => logged(String(message)));
    const server = await serve(
      createWebhookHandler({
        secret,
        onEvent: () => {
          throw new Error("boom");
        },
      }),
    );
    close = server.close;
    const body = messageCreatedBody();
    expect((await post(server.url, body, { "x-spark-signature": sign(body, secret) })).status).toBe(200);
    const text = await line;
    expect(text).toContain("messages:created");
    expect(text).toContain("boom");
    expect(text).not.toContain(secret);
  });

  it("rejects bad options when the handler is created", () => {
    const onEvent = () => {};
    expect(() => createWebhookHandler({ secret: [], onEvent })).toThrow(/at least one secret/);
    expect(() => createWebhookHandler({ secret: "", onEvent })).toThrow(TypeError);
    expect(() => createWebhookHandler({ maxBodyBytes: 0, onEvent })).toThrow(/maxBodyBytes/);
    for (const bodyTimeoutMs of [0, -1, 1.5, Number.NaN, 2 ** 31]) {
      expect(() => createWebhookHandler({ secret, bodyTimeoutMs, onEvent })).toThrow(/bodyTimeoutMs/);
    }
    expect(() => createWebhookHandler({} as WebhookHandlerOptions)).toThrow(/onEvent/);
  });
});
