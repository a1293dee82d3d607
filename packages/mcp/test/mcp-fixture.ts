import { fileURLToPath } from "node:url";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { getDefaultEnvironment, StdioClientTransport } from "@modelcontextprotocol/sdk/client/stdio.js";
import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import type { Emulator } from "@wx/emulator";
import { WebexClient } from "@wx/sdk";

/** The built bin, as an MCP client's config would start it. */
export const CLI = fileURLToPath(new URL("../dist/cli.js", import.meta.url));

/** Every request the tests make through the protocol ends by then (the server's own tool timeout is shorter). */
export const REQUEST_TIMEOUT_MS = 90_000;

export interface Spawned {
  client: Client;
  /** What the server wrote on stderr so far. */
  stderr(): string;
  /** Calls a tool and returns its result; a protocol-level failure rejects. */
  call(name: string, args?: Record<string, unknown>): Promise<ToolOutcome>;
  close(): Promise<void>;
}

export interface ToolOutcome {
  isError: boolean;
  text: string;
  /** The structured content; `{}` when there is none (error results). */
  structured: Record<string, unknown>;
}

/** Spawns `wx-mcp` over stdio with the SDK's own client, against the API at `baseUrl` (the emulator's) as the holder of `token`. */
export async function spawnStdio(baseUrl: string, token: string, args: string[] = []): Promise<Spawned> {
  const transport = new StdioClientTransport({
    command: process.execPath,
    args: [CLI, ...args],
    env: { ...getDefaultEnvironment(), WEBEX_ACCESS_TOKEN: token, WEBEX_BASE_URL: baseUrl },
    stderr: "pipe",
  });
  let stderr = "";
  transport.stderr?.on("data", (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const client = new Client({ name: "wx-mcp-tests", version: "1.0.0" });
  await client.connect(transport, { timeout: REQUEST_TIMEOUT_MS });
  return {
    client,
    stderr: () => stderr,
    call: (name, toolArgs = {}) => callTool(client, name, toolArgs),
    close: () => client.close(),
  };
}

export async function callTool(client: Client, name: string, args: Record<string, unknown> = {}): Promise<ToolOutcome> {
  const result = (await client.callTool({ name, arguments: args }, undefined, {
    timeout: REQUEST_TIMEOUT_MS,
  })) as CallToolResult;
  const text = result.content
    .filter((part) => part.type === "text")
    .map((part) => (part as { text: string }).text)
    .join("\n");
  return { isError: result.isError === true, text, structured: result.structuredContent ?? {} };
}

/** A client for setting the scene directly (rooms, members, messages), as another app of the same user would. */
export function webexAs(emu: Emulator, token: string): WebexClient {
  return new WebexClient({ accessToken: token, baseUrl: emu.url });
}
