import type { Logger } from "@wx/sdk";

/** The bot's log lines; each carries the fields of its event (delivery id, type, room). */
export interface BotLog {
  debug(message: string, fields?: Record<string, unknown>): void;
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
  /** The same log with more fields on every line. */
  with(fields: Record<string, unknown>): BotLog;
}

/** Lines go to `logger` (a `@wx/core` `Logger`; any method may be missing), else to the console without debug. */
export function botLog(logger: Logger | undefined, fields: Record<string, unknown> = {}): BotLog {
  const sink = logger ?? consoleLogger;
  const line =
    (level: keyof Logger) =>
    (message: string, more?: Record<string, unknown>): void => {
      sink[level]?.(`[@wx/bot] ${message}`, { ...fields, ...more });
    };
  return {
    debug: line("debug"),
    info: line("info"),
    warn: line("warn"),
    error: line("error"),
    with: (more) => botLog(logger, { ...fields, ...more }),
  };
}

const consoleLogger: Logger = {
  info: (message, fields) => console.info(message, fields),
  warn: (message, fields) => console.warn(message, fields),
  error: (message, fields) => console.error(message, fields),
};
