import { arch, platform, release } from "node:os";
import type { UserAgentStyle } from "./user-agent.js";

/** The Node entry's: a real User-Agent naming Node.js, the system and the CPU. */
export const nodeUserAgent: UserAgentStyle = {
  header: "user-agent",
  runtime: () => ({
    implementation: { name: "Node.js", version: process.versions.node },
    system: { name: platform(), release: release() },
    cpu: arch(),
  }),
};
