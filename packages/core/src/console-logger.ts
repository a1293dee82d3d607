import type { Logger } from "./options.js";

export type LogLevel = "debug" | "info" | "warn" | "error";
const LEVELS: readonly LogLevel[] = ["debug", "info", "warn", "error"];

/** A logger writing one line per entry to stderr (the console elsewhere) for `level` and above. */
export function consoleLogger(level: LogLevel = "info", write: (line: string) => void = writeStderr): Logger {
  const threshold = LEVELS.indexOf(level);
  const at =
    (name: LogLevel) =>
    (message: string, fields?: Record<string, unknown>): void => {
      if (LEVELS.indexOf(name) < threshold) return;
      write(`wx ${name} ${message}${fields && Object.keys(fields).length ? ` ${JSON.stringify(fields)}` : ""}`);
    };
  return { debug: at("debug"), info: at("info"), warn: at("warn"), error: at("error") };
}

/** The logger `WX_LOG=debug|info|warn|error` asks for, if it names a level. */
export function loggerFromEnvironment(value: string | undefined): Logger | undefined {
  const level = value?.trim().toLowerCase();
  return LEVELS.includes(level as LogLevel) ? consoleLogger(level as LogLevel) : undefined;
}

function writeStderr(line: string): void {
  if (typeof process !== "undefined" && process.stderr) process.stderr.write(`${line}\n`);
  else console.error(line);
}
