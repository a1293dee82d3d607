import { type McpServer, ResourceTemplate } from "@modelcontextprotocol/sdk/server/mcp.js";
import { ErrorCode, McpError } from "@modelcontextprotocol/sdk/types.js";
import type { WebexClient } from "@wx/sdk";
import { adviceFor } from "./advice.js";
import type { ToolLimits } from "./register-tool.js";
import { withTimeout } from "./timeout.js";
import { readMessages } from "./tools/read-messages.js";

export const TRANSCRIPT_TEMPLATE = "webex://rooms/{roomId}/messages";
const TRANSCRIPT_MESSAGES = 50;

/**
 * A room's recent transcript as a resource: the newest messages, rendered as read_messages renders them (threads
 * grouped, senders by name). A failure is a protocol error carrying the same advice a tool would give.
 */
export function registerRoomTranscript(server: McpServer, wx: WebexClient, limits: ToolLimits): void {
  server.registerResource(
    "room-messages",
    new ResourceTemplate(TRANSCRIPT_TEMPLATE, { list: undefined }),
    {
      title: "Room transcript",
      description: `The newest ${TRANSCRIPT_MESSAGES} messages of a room, oldest first, threads grouped`,
      mimeType: "text/plain",
    },
    async (uri, variables, extra) => {
      const roomId = typeof variables.roomId === "string" ? decodeURIComponent(variables.roomId) : "";
      if (!roomId) throw new McpError(ErrorCode.InvalidParams, `${uri.href} names no room; use ${TRANSCRIPT_TEMPLATE}`);
      try {
        const answer = await withTimeout(limits.timeoutMs, extra.signal, (signal, remainingMs) =>
          readMessages.run(
            { roomId, limit: TRANSCRIPT_MESSAGES },
            { wx, call: () => ({ signal, deadlineMs: remainingMs() }), maxOutputBytes: limits.maxOutputBytes },
          ),
        );
        return { contents: [{ uri: uri.href, mimeType: "text/plain", text: answer.text }] };
      } catch (error) {
        throw new McpError(ErrorCode.InvalidParams, adviceFor(error, readMessages.notFound));
      }
    },
  );
}
