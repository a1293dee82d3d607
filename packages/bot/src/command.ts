/** A message read as a command: its first word, and the words after it. */
export interface ParsedCommand {
  /** The first word, lower case, without a leading `/`. */
  name: string;
  /** The words after it; "double quoted" (or “curly quoted”) words stay together, without their quotes. */
  args: string[];
  /** Everything after the first word, as written (trimmed). */
  argsText: string;
}

const ARGUMENT = /"([^"]*)"|“([^”]*)”|(\S+)/g;

export function parseCommand(text: string): ParsedCommand | undefined {
  const trimmed = text.trim();
  const first = /^\S+/.exec(trimmed)?.[0];
  if (first === undefined) return undefined;
  const argsText = trimmed.slice(first.length).trim();
  const args = [...argsText.matchAll(ARGUMENT)].map(([, plain, curly, word]) => plain ?? curly ?? (word as string));
  return { name: first.replace(/^\//, "").toLowerCase(), args, argsText };
}

/** Checks a name given to `bot.command` and returns it as commands are compared: lower case, no `/`. */
export function commandName(name: unknown): string {
  if (typeof name !== "string" || !/^\/?\S+$/.test(name)) {
    throw new TypeError(`bot.command: the name must be one word, got ${JSON.stringify(name)}`);
  }
  return name.replace(/^\//, "").toLowerCase();
}
