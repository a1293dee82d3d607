import { ValidationError } from "@wx/sdk";

/**
 * An opaque continuation token: the state a tool needs to go on, as base64url JSON, stamped with the tool's name
 * so a cursor from one tool is refused by another. `check` vets the decoded state (it came from outside).
 */
export function encodeCursor(tool: string, state: Record<string, unknown>): string {
  return Buffer.from(JSON.stringify({ tool, ...state })).toString("base64url");
}

export function decodeCursor<State>(
  tool: string,
  cursor: string,
  check: (state: Record<string, unknown>) => State | undefined,
): State {
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
  } catch {
    decoded = undefined;
  }
  const state =
    decoded !== null && typeof decoded === "object" && (decoded as { tool?: unknown }).tool === tool
      ? check(decoded as Record<string, unknown>)
      : undefined;
  if (state === undefined) {
    throw new ValidationError(
      `cursor is not one that ${tool} gave; pass the cursor of the last ${tool} answer unchanged`,
      {
        argument: "cursor",
      },
    );
  }
  return state;
}

export function stringField(state: Record<string, unknown>, key: string): string | undefined {
  const value = state[key];
  return typeof value === "string" && value !== "" ? value : undefined;
}
