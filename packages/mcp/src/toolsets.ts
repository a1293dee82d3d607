/**
 * Tools come in toolsets, as in GitHub's MCP server: enable only the groups an assistant needs, so it has fewer
 * tools to choose from and less schema in its context. Read-only mode is a filter on top that no toolset overrides.
 */
export const TOOLSETS = {
  context: "who the token belongs to",
  rooms: "find and create rooms (spaces)",
  people: "find people by email or name",
  messages: "read, send, edit and delete messages, send cards; room transcripts as resources",
  memberships: "list, add and remove the members of a room",
  meetings: "list upcoming meetings and schedule new ones",
} as const;

export type ToolsetName = keyof typeof TOOLSETS;

export const TOOLSET_NAMES = Object.keys(TOOLSETS) as ToolsetName[];

/**
 * The toolsets to serve: every one for `undefined` or `"all"`, else the names given (`"all"` may stand among
 * them). Throws on an unknown or empty list, naming the valid toolsets, so a typo never serves fewer tools silently.
 */
export function resolveToolsets(toolsets: readonly string[] | "all" | undefined): Set<ToolsetName> {
  if (toolsets === undefined || toolsets === "all") return new Set(TOOLSET_NAMES);
  if (!Array.isArray(toolsets) || toolsets.length === 0) {
    throw new TypeError(`toolsets must be "all" or a non-empty list of: ${TOOLSET_NAMES.join(", ")}`);
  }
  const chosen = new Set<ToolsetName>();
  for (const name of toolsets) {
    if (name === "all") for (const each of TOOLSET_NAMES) chosen.add(each);
    else if (isToolsetName(name)) chosen.add(name);
    else
      throw new TypeError(
        `unknown toolset ${JSON.stringify(name)}; the toolsets are: ${TOOLSET_NAMES.join(", ")}, all`,
      );
  }
  return chosen;
}

function isToolsetName(name: unknown): name is ToolsetName {
  return typeof name === "string" && Object.hasOwn(TOOLSETS, name);
}
