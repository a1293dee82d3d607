#!/usr/bin/env node
import { randomBytes } from "node:crypto";
import { StdioServerTransport } from "@modelcontextprotocol/sdk/server/stdio.js";
import { WebexClient } from "@wx/sdk";
import { type CliOptions, parseCliOptions, USAGE } from "./cli-options.js";
import { serveHttp } from "./http-server.js";
import { createWebexMcpServer, type WebexMcpServerOptions } from "./server.js";

// stdout carries the protocol in stdio mode: everything for people goes to stderr.
function fail(message: string): never {
  process.stderr.write(`wx-mcp: ${message}\n`);
  process.exit(2);
}

async function main(): Promise<void> {
  let options: CliOptions;
  try {
    options = parseCliOptions(process.argv.slice(2));
  } catch (error) {
    fail(`${error instanceof Error ? error.message : String(error)}\n\n${USAGE}`);
  }
  if (options.help) {
    process.stderr.write(USAGE);
    return;
  }
  let client: WebexClient;
  try {
    client = new WebexClient();
  } catch (error) {
    fail(error instanceof Error ? error.message : String(error));
  }
  const serverOptions: WebexMcpServerOptions = {
    client,
    readOnly: options.readOnly,
    toolsets: options.toolsets,
    toolTimeoutMs: options.toolTimeoutMs,
  };
  const stops: (() => Promise<void>)[] = [];
  const stop = async () => {
    for (const each of stops) await each().catch(() => undefined);
    await client.close();
    process.exit(0);
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);

  if (options.http) {
    const key = process.env.WX_MCP_HTTP_KEY || randomBytes(24).toString("base64url");
    const served = await serveHttp({ ...serverOptions, port: options.http.port, key });
    stops.push(served.close);
    process.stderr.write(`wx-mcp listening on ${served.url}\n`);
    if (!process.env.WX_MCP_HTTP_KEY)
      process.stderr.write(`wx-mcp key (send as Authorization: Bearer <key>): ${key}\n`);
    return;
  }
  const server = createWebexMcpServer(serverOptions);
  stops.push(() => server.close());
  process.stdin.once("end", stop);
  await server.connect(new StdioServerTransport());
}

main().catch((error: unknown) => fail(error instanceof Error ? error.message : String(error)));
