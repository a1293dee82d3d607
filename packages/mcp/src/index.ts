export { type HttpServeOptions, type ServedHttp, serveHttp } from "./http-server.js";
export { TRANSCRIPT_TEMPLATE } from "./room-transcript.js";
export {
  createWebexMcpServer,
  DEFAULT_MAX_OUTPUT_BYTES,
  DEFAULT_TOOL_TIMEOUT_MS,
  type WebexMcpServerOptions,
} from "./server.js";
export { TOOLSET_NAMES, TOOLSETS, type ToolsetName } from "./toolsets.js";
