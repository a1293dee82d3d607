import type { CallOptions, WebexClient } from "@wx/sdk";
import type { z } from "zod";
import type { ToolsetName } from "./toolsets.js";

/** What a tool's `run` gets besides its arguments. */
export interface ToolContext {
  wx: WebexClient;
  /** Options for each Webex call the tool makes: its cancellation signal and the time left before its timeout. */
  call(): CallOptions;
  /** The most bytes of structured output one result may hold; lists stop short of it and hand out a cursor. */
  maxOutputBytes: number;
}

/** A tool's answer: the structured content (matching its output schema) and a short text rendering of it. */
export interface ToolAnswer<Output> {
  structured: Output;
  text: string;
}

/** The protocol's behaviour hints; `readOnly` tools are the only ones served in read-only mode. */
export interface ToolBehaviour {
  readOnly: boolean;
  destructive: boolean;
  idempotent: boolean;
}

export interface WebexTool<Input extends z.ZodRawShape = z.ZodRawShape, Output extends z.ZodRawShape = z.ZodRawShape> {
  name: string;
  toolset: ToolsetName;
  title: string;
  description: string;
  behaviour: ToolBehaviour;
  input: Input;
  output: Output;
  /** What a 404 means for this tool and where the model finds a valid id, e.g. "no such room; list_rooms finds ids". */
  notFound: string;
  run(args: z.infer<z.ZodObject<Input>>, context: ToolContext): Promise<ToolAnswer<z.infer<z.ZodObject<Output>>>>;
}

/** Types a tool literal (its `run` arguments and answer follow from the schemas). */
export function defineTool<Input extends z.ZodRawShape, Output extends z.ZodRawShape>(
  tool: WebexTool<Input, Output>,
): WebexTool<Input, Output> {
  return tool;
}

export const READS: ToolBehaviour = { readOnly: true, destructive: false, idempotent: true };
