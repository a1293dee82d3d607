import { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import type { WebexClient } from "@wx/sdk";
import { registerTool } from "./register-tool.js";
import { registerRoomTranscript } from "./room-transcript.js";
import { ALL_TOOLS } from "./tools/all.js";
import { resolveToolsets, type ToolsetName } from "./toolsets.js";
import { MCP_SERVER_VERSION } from "./version.js";

export interface WebexMcpServerOptions {
  /** The client every tool uses; its token stays inside it and never reaches the model. */
  client: WebexClient;
  /** Serve only the tools that change nothing (default false). Overrides `toolsets`. */
  readOnly?: boolean;
  /** The toolsets to serve (default `"all"`); an unknown name throws. */
  toolsets?: readonly (ToolsetName | "all")[] | "all";
  /** The longest one tool call may take, 429 waits included, before it ends with a timeout result (default 50 000). */
  toolTimeoutMs?: number;
  /** The most bytes of structured output one result may hold; lists stop short of it with a cursor (default 24 000). */
  maxOutputBytes?: number;
}

export const DEFAULT_TOOL_TIMEOUT_MS = 50_000;
export const DEFAULT_MAX_OUTPUT_BYTES = 24_000;

const INSTRUCTIONS =
  "Webex messaging as the signed-in user. Ids come from the listing tools: list_rooms for rooms, find_people for " +
  "people, read_messages for messages, list_members for memberships. Lists return a cursor when there is more.";

/**
 * An MCP server exposing Webex as task-shaped tools (and room transcripts as resources), ready to `connect` to a
 * transport. Options are checked here, so a bad one throws before anything is served.
 */
export function createWebexMcpServer(options: WebexMcpServerOptions): McpServer {
  const { client } = options ?? {};
  if (!client || typeof client !== "object" || !client.session || !client.messages) {
    throw new TypeError("createWebexMcpServer needs { client }: a WebexClient from @wx/sdk");
  }
  const toolsets = resolveToolsets(options.toolsets);
  const limits = {
    timeoutMs: positiveInteger("toolTimeoutMs", options.toolTimeoutMs ?? DEFAULT_TOOL_TIMEOUT_MS, 1),
    maxOutputBytes: positiveInteger("maxOutputBytes", options.maxOutputBytes ?? DEFAULT_MAX_OUTPUT_BYTES, 1000),
  };
  const readOnly = options.readOnly ?? false;
  if (typeof readOnly !== "boolean") throw new TypeError(`readOnly must be a boolean, got ${typeof readOnly}`);

  const server = new McpServer({ name: "wx-mcp", version: MCP_SERVER_VERSION }, { instructions: INSTRUCTIONS });
  for (const tool of ALL_TOOLS) {
    if (toolsets.has(tool.toolset) && (tool.behaviour.readOnly || !readOnly))
      registerTool(server, client, tool, limits);
  }
  if (toolsets.has("messages")) registerRoomTranscript(server, client, limits);
  return server;
}

function positiveInteger(name: string, value: unknown, least: number): number {
  if (typeof value !== "number" || !Number.isInteger(value) || value < least) {
    throw new TypeError(`${name} must be a whole number of at least ${least}, got ${String(value)}`);
  }
  return value;
}
