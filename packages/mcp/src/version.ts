declare const __WX_MCP_VERSION__: string;

/** This package's version, put in by the build; reported to MCP clients in the server's `serverInfo`. */
export const MCP_SERVER_VERSION = typeof __WX_MCP_VERSION__ === "string" ? __WX_MCP_VERSION__ : "0.0.0-dev";
