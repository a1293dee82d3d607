import { execFile } from "node:child_process";
import { createServer, type Server } from "node:http";
import { type AddressInfo, connect, type Socket } from "node:net";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { afterEach, describe, expect, it } from "vitest";
import { json, startTestServer, type TestServer } from "../../../testing/test-server.js";
import { consoleLogger, Session } from "../src/index.js";

const saved = { ...process.env };
let server: TestServer | undefined;
let proxy: Server | undefined;
const sockets = new Set<Socket>();
afterEach(async () => {
  for (const name of ["HTTP_PROXY", "HTTPS_PROXY", "NO_PROXY", "http_proxy", "https_proxy", "no_proxy"]) {
    if (saved[name] === undefined) delete process.env[name];
    else process.env[name] = saved[name];
  }
  for (const name of ["WEBEX_PYTHON_SDK_CALLER", "WEBEX_SDK_CALLER"]) delete process.env[name];
  for (const socket of sockets) socket.destroy();
  await server?.close();
  await new Promise((resolve) => (proxy ? proxy.close(resolve) : resolve(undefined)));
  server = proxy = undefined;
});

/** A CONNECT proxy on loopback that records the targets it tunnels to. */
async function startProxy(): Promise<{ url: string; tunnels: string[] }> {
  const tunnels: string[] = [];
  proxy = createServer();
  proxy.on("connection", (socket) => sockets.add(socket));
  proxy.on("connect", (req, client: Socket, head: Buffer) => {
    tunnels.push(req.url ?? "");
    const [host, port] = (req.url ?? "").split(":");
    const upstream = connect(Number(port), host, () => {
      client.write("HTTP/1.1 200 Connection Established\r\n\r\n");
      upstream.write(head);
      upstream.pipe(client).pipe(upstream);
    });
    sockets.add(upstream);
    upstream.on("error", () => client.destroy());
    client.on("error", () => upstream.destroy());
  });
  await new Promise<void>((resolve) => proxy?.listen(0, "127.0.0.1", resolve));
  return { url: `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`, tunnels };
}

describe("the environment, as Python users expect", () => {
  it("HTTP_PROXY is used when no proxy option is given", async () => {
    server = await startTestServer((_req, res) => json(res, 200, { ok: true }));
    const { url, tunnels } = await startProxy();
    process.env.HTTP_PROXY = url;
    delete process.env.NO_PROXY;
    delete process.env.no_proxy;
    const session = new Session({ accessToken: "t", baseUrl: server.baseUrl });
    expect(await session.request({ path: "people/me" })).toEqual({ ok: true });
    await session.close();
    expect(tunnels).toEqual([new URL(server.origin).host]);
  });

  it("NO_PROXY keeps a host off the proxy", async () => {
    server = await startTestServer((_req, res) => json(res, 200, { ok: true }));
    const { url, tunnels } = await startProxy();
    process.env.HTTP_PROXY = url;
    process.env.NO_PROXY = "127.0.0.1";
    const session = new Session({ accessToken: "t", baseUrl: server.baseUrl });
    expect(await session.request({ path: "people/me" })).toEqual({ ok: true });
    await session.close();
    expect(tunnels).toEqual([]);
    expect(server.requests).toHaveLength(1);
  });

  it("WEBEX_PYTHON_SDK_CALLER is read, as the Python manual says (WEBEX_SDK_CALLER too)", async () => {
    server = await startTestServer((_req, res) => json(res, 200, { ok: true }));
    process.env.WEBEX_PYTHON_SDK_CALLER = "migrated-bot";
    const first = new Session({ accessToken: "t", baseUrl: server.baseUrl });
    await first.request({ path: "people/me" });
    await first.close();
    delete process.env.WEBEX_PYTHON_SDK_CALLER;
    process.env.WEBEX_SDK_CALLER = "wx-bot";
    const second = new Session({ accessToken: "t", baseUrl: server.baseUrl });
    await second.request({ path: "people/me" });
    await second.close();
    const agents = server.requests.map((r) => String(r.headers["user-agent"]));
    expect(agents[0]).toContain('"caller":"migrated-bot"');
    expect(agents[1]).toContain('"caller":"wx-bot"');
  });
});

describe("WEBEX_BASE_URL and WX_LOG let any program built on wx run against the emulator, and show what it sends", () => {
  it("a process with WEBEX_BASE_URL and WX_LOG=debug talks to that URL and logs each request to stderr, redacted", async () => {
    server = await startTestServer((_req, res) => json(res, 200, { displayName: "Ada" }));
    const dist = fileURLToPath(new URL("../dist/index.js", import.meta.url));
    const script = `const { Session } = await import(${JSON.stringify(dist)}); const s = new Session(); console.log((await s.request({ path: "people/me?t=SECRET-token-1234" })).displayName); await s.close();`;
    const { stdout, stderr } = await promisify(execFile)(process.execPath, ["--input-type=module", "-e", script], {
      env: {
        PATH: process.env.PATH,
        WEBEX_ACCESS_TOKEN: "SECRET-token-1234",
        WEBEX_BASE_URL: server.baseUrl,
        WX_LOG: "debug",
      },
    });
    expect(stdout.trim()).toBe("Ada");
    expect(server.requests[0]?.url).toBe("/v1/people/me?t=SECRET-token-1234");
    expect(stderr).toMatch(/^wx debug webex request .*"status":200/m);
    expect(stderr).not.toContain("SECRET-token-1234");
  });

  it("consoleLogger writes the level asked for and above", () => {
    const lines: string[] = [];
    const logger = consoleLogger("warn", (line) => lines.push(line));
    logger.debug?.("hidden");
    logger.info?.("hidden");
    logger.warn?.("shown", { retryAfter: 3 });
    logger.error?.("shown too");
    expect(lines).toEqual(['wx warn shown {"retryAfter":3}', "wx error shown too"]);
  });
});
