import { afterEach, describe, expect, it } from "vitest";
import { json, startTestServer, type TestServer } from "../../../testing/test-server.js";
import { MalformedResponseError, Session, ValidationError } from "../src/index.js";

let server: TestServer | undefined;
let session: Session | undefined;
afterEach(async () => {
  await session?.close();
  await server?.close();
  session = server = undefined;
});

/** A server that answers each request after a short timer, noting the most sockets it ever saw open at once. */
async function slowServer() {
  let peak = 0;
  server = await startTestServer(async (_req, res) => {
    peak = Math.max(peak, server?.openSockets() ?? 0);
    await new Promise((resolve) => setTimeout(resolve, 20));
    json(res, 200, { ok: true });
  });
  return { server, peak: () => peak };
}

describe("sockets per origin are capped", () => {
  it("by maxSockets", async () => {
    const { server, peak } = await slowServer();
    session = new Session({ accessToken: "t", baseUrl: server.baseUrl, maxSockets: 4 });
    await Promise.all(Array.from({ length: 40 }, () => session?.request({ path: "rooms" })));
    expect(peak()).toBeLessThanOrEqual(4);
  });

  it("at 32 by default", async () => {
    const { server, peak } = await slowServer();
    session = new Session({ accessToken: "t", baseUrl: server.baseUrl });
    await Promise.all(Array.from({ length: 80 }, () => session?.request({ path: "rooms" })));
    expect(peak()).toBeLessThanOrEqual(32);
  });

  it.each([0, 257, 1.5])("maxSockets %j is refused", (maxSockets) => {
    expect(() => new Session({ accessToken: "t", maxSockets })).toThrow(ValidationError);
  });
});

describe("a JSON response has a maximum size", () => {
  const big = JSON.stringify({ items: ["x".repeat(2 * 1024 * 1024)] });

  it("past maxResponseBytes (by Content-Length) the call fails with a clear error", async () => {
    server = await startTestServer((_req, res) => res.writeHead(200, { "content-type": "application/json" }).end(big));
    session = new Session({ accessToken: "t", baseUrl: server.baseUrl, maxResponseBytes: 1024 * 1024 });
    const error = await session.request({ path: "rooms" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MalformedResponseError);
    expect((error as Error).message).toMatch(/larger than maxResponseBytes \(1048576 bytes\)/);
  });

  it("and a chunked body without a length is cut off as soon as it passes", async () => {
    let written = 0;
    server = await startTestServer((_req, res) => {
      res.writeHead(200, { "content-type": "application/json" });
      const chunk = "x".repeat(64 * 1024);
      const write = () => {
        while (written < 50 * 1024 * 1024) {
          written += chunk.length;
          if (!res.write(chunk)) return void res.once("drain", write);
        }
        res.end();
      };
      res.on("close", () => {
        written = Number.POSITIVE_INFINITY;
      });
      write();
    });
    session = new Session({ accessToken: "t", baseUrl: server.baseUrl, maxResponseBytes: 1024 * 1024 });
    await expect(session.request({ path: "rooms" })).rejects.toThrow(/maxResponseBytes/);
  });

  it("bodies under the limit are read whole", async () => {
    server = await startTestServer((_req, res) => res.writeHead(200, { "content-type": "application/json" }).end(big));
    session = new Session({ accessToken: "t", baseUrl: server.baseUrl });
    const page = await session.request<{ items: string[] }>({ path: "rooms" });
    expect(page.items[0]).toHaveLength(2 * 1024 * 1024);
  });
});
