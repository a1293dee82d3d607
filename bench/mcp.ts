// @wx/mcp: bytes of the model's context for read_messages of 50 messages beside the raw API JSON of the same page,
// and the Webex API calls each tool call makes. The measuring code is packages/mcp/bench/context-size.ts (it
// imports the MCP SDK's client, which bench/ does not depend on); this starts it in its own process.
// Run from the repo root: pnpm bench:mcp
import { fork } from "node:child_process";
import { once } from "node:events";

const run = fork(new URL("../packages/mcp/bench/context-size.ts", import.meta.url), process.argv.slice(2), {
  execArgv: ["--import", "tsx"],
  stdio: "inherit",
});
const [code] = await once(run, "exit");
process.exitCode = typeof code === "number" ? code : 1;
