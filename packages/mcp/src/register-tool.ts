import type { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import type { WebexClient } from "@wx/sdk";
import { adviceFor } from "./advice.js";
import { withTimeout } from "./timeout.js";
import type { WebexTool } from "./tool.js";

export interface ToolLimits {
  timeoutMs: number;
  maxOutputBytes: number;
}

/**
 * Serves one tool: its schemas and behaviour hints, a run bounded by the tool timeout (every Webex call gets the
 * time left as its deadline, so a 429 wait that would not fit fails at once), and every failure turned into an
 * error result the model can act on. Nothing a tool throws reaches the protocol layer.
 */
export function registerTool(server: McpServer, wx: WebexClient, tool: WebexTool, limits: ToolLimits): void {
  server.registerTool(
    tool.name,
    {
      title: tool.title,
      description: tool.description,
      inputSchema: tool.input,
      outputSchema: tool.output,
      annotations: {
        title: tool.title,
        readOnlyHint: tool.behaviour.readOnly,
        destructiveHint: tool.behaviour.destructive,
        idempotentHint: tool.behaviour.idempotent,
        openWorldHint: true,
      },
    },
    async (args: Record<string, unknown>, extra): Promise<CallToolResult> => {
      try {
        const answer = await withTimeout(limits.timeoutMs, extra.signal, (signal, remainingMs) =>
          tool.run(args, {
            wx,
            call: () => ({ signal, deadlineMs: remainingMs() }),
            maxOutputBytes: limits.maxOutputBytes,
          }),
        );
        return {
          content: [{ type: "text", text: answer.text }],
          structuredContent: withoutUndefined(answer.structured),
        };
      } catch (error) {
        return { isError: true, content: [{ type: "text", text: adviceFor(error, tool.notFound) }] };
      }
    },
  );
}

/** The structured content as it goes on the wire (JSON drops `undefined`), so the byte cap measures what is sent. */
function withoutUndefined(value: Record<string, unknown>): Record<string, unknown> {
  return JSON.parse(JSON.stringify(value));
}
