/** Where a handler's own warnings and errors go; a `@wx/core` `Logger` fits. Any method may be left out. */
export interface WebhookLogger {
  warn?(message: string, fields?: Record<string, unknown>): void;
  error?(message: string, fields?: Record<string, unknown>): void;
}

/** The handler's two kinds of line, sent to the logger given or else to the console. */
export interface HandlerLog {
  warn(message: string): void;
  error(message: string, error?: unknown): void;
}

export function handlerLog(logger: WebhookLogger | undefined): HandlerLog {
  if (!logger) {
    return {
      warn: (message) => console.warn(message),
      error: (message, error) => (error === undefined ? console.error(message) : console.error(message, error)),
    };
  }
  return {
    warn: (message) => logger.warn?.(message),
    error: (message, error) => logger.error?.(message, error === undefined ? undefined : { error }),
  };
}
