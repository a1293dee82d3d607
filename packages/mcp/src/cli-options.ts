import { parseArgs } from "node:util";
import { resolveToolsets, TOOLSET_NAMES, TOOLSETS, type ToolsetName } from "./toolsets.js";

export const DEFAULT_HTTP_PORT = 8643;

export const USAGE = `wx-mcp: Webex as tools for AI assistants (Model Context Protocol)

Usage: wx-mcp [--read-only] [--toolsets LIST] [--tool-timeout-ms N] [--http [--port N]]

  --read-only          serve only the tools that change nothing
  --toolsets LIST      comma-separated toolsets to serve (default: all):
${TOOLSET_NAMES.map((name) => `                         ${name.padEnd(12)} ${TOOLSETS[name]}`).join("\n")}
  --tool-timeout-ms N  the longest one tool call may take (default 50000)
  --http               serve Streamable HTTP on 127.0.0.1 instead of stdio
  --port N             the HTTP port (default ${DEFAULT_HTTP_PORT}; 0 picks a free one)
  --help               this text

Environment:
  WEBEX_ACCESS_TOKEN   the Webex token the tools act with (required; never shown to the model)
  WEBEX_BASE_URL       the API's base URL (default https://webexapis.com/v1/), e.g. an emulator's
  WX_MCP_HTTP_KEY      with --http: the bearer key clients must send (at least 16 characters);
                       when unset, a random one is made and printed on stderr
`;

export interface CliOptions {
  help: boolean;
  readOnly: boolean;
  toolsets: ToolsetName[];
  toolTimeoutMs: number | undefined;
  http: { port: number } | undefined;
}

/** The command line, checked: an unknown flag or a bad value throws with a message fit for stderr. */
export function parseCliOptions(args: readonly string[]): CliOptions {
  const { values } = parseArgs({
    args: [...args],
    strict: true,
    allowPositionals: false,
    options: {
      help: { type: "boolean", default: false },
      "read-only": { type: "boolean", default: false },
      toolsets: { type: "string" },
      "tool-timeout-ms": { type: "string" },
      http: { type: "boolean", default: false },
      port: { type: "string" },
    },
  });
  if (values.port !== undefined && !values.http) throw new TypeError("--port needs --http");
  const toolsets = values.toolsets === undefined ? "all" : values.toolsets.split(",").map((name) => name.trim());
  return {
    help: values.help,
    readOnly: values["read-only"],
    toolsets: [...resolveToolsets(toolsets)],
    toolTimeoutMs:
      values["tool-timeout-ms"] === undefined
        ? undefined
        : wholeNumber("--tool-timeout-ms", values["tool-timeout-ms"], 1),
    http: values.http ? { port: values.port === undefined ? DEFAULT_HTTP_PORT : port(values.port) } : undefined,
  };
}

function port(text: string): number {
  const value = wholeNumber("--port", text, 0);
  if (value > 65_535) throw new TypeError(`--port must be 0-65535, got ${text}`);
  return value;
}

function wholeNumber(flag: string, text: string, least: number): number {
  const value = Number(text);
  if (!/^\d+$/.test(text) || value < least)
    throw new TypeError(`${flag} must be a whole number of at least ${least}, got ${JSON.stringify(text)}`);
  return value;
}
