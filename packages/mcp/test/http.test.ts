import { type ChildProcess, spawn } from "node:child_process";
import { request } from "node:http";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import { createEmulator } from "@wx/emulator";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CLI, callTool, REQUEST_TIMEOUT_MS } from "./mcp-fixture.js";

const KEY = "test-key-0123456789abcdef";
const emu = await createEmulator({ port: 0 });
let server: ChildProcess;
let url: URL;

/** Starts `wx-mcp --http --port 0` and reads the URL it prints; fails if it exits or prints nothing in time. */
function startHttpServer(args: string[]): Promise<{ child: ChildProcess; url: URL }> {
  const child = spawn(process.execPath, [CLI, "--http", "--port", "0", ...args], {
    env: {
      PATH: process.env.PATH ?? "",
      WEBEX_ACCESS_TOKEN: emu.tokens.user,
      WEBEX_BASE_URL: emu.url,
      WX_MCP_HTTP_KEY: KEY,
    },
    stdio: ["ignore", "ignore", "pipe"],
  });
  return new Promise((resolve, reject) => {
    let stderr = "";
    const gaveUp = setTimeout(() => reject(new Error(`wx-mcp printed no URL: ${stderr}`)), REQUEST_TIMEOUT_MS);
    child.once("exit", (code) => reject(new Error(`wx-mcp exited with ${code}: ${stderr}`)));
    child.stderr?.on("data", (chunk: Buffer) => {
      stderr += chunk.toString();
      const found = /listening on (\S+)/.exec(stderr);
      if (found) {
        clearTimeout(gaveUp);
        resolve({ child, url: new URL(found[1] as string) });
      }
    });
  });
}

async function connect(headers: Record<string, string>): Promise<Client> {
  const client = new Client({ name: "wx-mcp-http-tests", version: "1.0.0" });
  await client.connect(new StreamableHTTPClientTransport(url, { requestInit: { headers } }), {
    timeout: REQUEST_TIMEOUT_MS,
  });
  return client;
}

function post(headers: Record<string, string>): Promise<{ status: number; headers: Record<string, unknown> }> {
  return new Promise((resolve, reject) => {
    const body = JSON.stringify({ jsonrpc: "2.0", id: 1, method: "tools/list" });
    const req = request(
      url,
      {
        method: "POST",
        headers: { "content-type": "application/json", accept: "application/json, text/event-stream", ...headers },
      },
      (res) => {
        res.resume();
        res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers }));
      },
    );
    req.setTimeout(REQUEST_TIMEOUT_MS, () => req.destroy(new Error("no answer")));
    req.on("error", reject);
    req.end(body);
  });
}

beforeAll(async () => {
  ({ child: server, url } = await startHttpServer(["--read-only"]));
});
afterAll(async () => {
  server.kill("SIGTERM");
  await emu.close();
});

describe("Streamable HTTP", () => {
  it("listens on 127.0.0.1 only", () => {
    expect(url.hostname).toBe("127.0.0.1");
    expect(url.pathname).toBe("/mcp");
  });

  it("refuses a client without its key, or with a wrong one", async () => {
    const refused = { code: 401, message: expect.stringContaining("send the server's key as Authorization: Bearer") };
    await expect(connect({})).rejects.toMatchObject(refused);
    await expect(connect({ authorization: "Bearer not-the-key-0123456789" })).rejects.toMatchObject(refused);
    const answer = await post({});
    expect(answer.status).toBe(401);
    expect(answer.headers["www-authenticate"]).toContain("Bearer");
    // the Webex token is not the key either
    expect((await post({ authorization: `Bearer ${emu.tokens.user}` })).status).toBe(401);
  });

  it("refuses a request naming another host, even with the key (DNS rebinding)", async () => {
    expect((await post({ authorization: `Bearer ${KEY}`, host: "attacker.example:80" })).status).toBe(403);
  });

  it("serves the SDK's client that sends the key, with the flags of the command line", async () => {
    const client = await connect({ authorization: `Bearer ${KEY}` });
    try {
      const { tools } = await client.listTools();
      expect(tools.every((tool) => tool.annotations?.readOnlyHint === true)).toBe(true);
      const me = await callTool(client, "whoami");
      expect(me).toMatchObject({ isError: false, structured: { id: emu.people.user.id } });
      expect(JSON.stringify(me)).not.toContain(emu.tokens.user);
    } finally {
      await client.close();
    }
  });
});
