import { ValidationError, WebexError } from "@wx/core";
import { createClient } from "redis";

/** What this package needs of a node-redis client: `createClient()`'s result, connected, is one. */
export interface RedisCommandClient {
  sendCommand(args: string[], options?: { timeout?: number; abortSignal?: AbortSignal }): Promise<unknown>;
}

/** A connected node-redis client of yours (left open), or a `redis://` / `rediss://` URL (opened and closed here). */
export type RedisOption = RedisCommandClient | string;

/** Redis did not answer in time or answered with an error; `code` is `"connection"`, the message says which command. */
export class RedisUnavailableError extends WebexError {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, { ...options, code: "connection" });
  }
}

export interface RedisConnection {
  /** One command, failing with a RedisUnavailableError after `timeoutMs` (also while Redis is down). */
  send(args: string[], signal?: AbortSignal): Promise<unknown>;
  /** Closes the client when it was opened from a URL; a client you passed in is left open. */
  close(): Promise<void>;
}

/** A client given is used as it is; a URL opens one on first use, which reconnects by itself. */
export function connectRedis(redis: unknown, caller: string, timeoutMs: number): RedisConnection {
  const { client, lastError, close } = clientOf(redis, caller);
  return {
    async send(args, signal) {
      try {
        return await (await client()).sendCommand(args, { timeout: timeoutMs, abortSignal: signal });
      } catch (error) {
        if (signal?.aborted) throw signal.reason;
        const why =
          error instanceof Error && error.name === "TimeoutError" ? `no answer within ${timeoutMs} ms` : error;
        const last = lastError();
        throw new RedisUnavailableError(
          `${caller}: Redis ${args[0]} failed: ${why instanceof Error ? why.message : String(why)}` +
            (last === undefined ? "" : ` (the connection's last error: ${last.message})`),
          { cause: error },
        );
      }
    },
    close,
  };
}

function clientOf(redis: unknown, caller: string) {
  if (typeof redis === "object" && redis !== null && typeof (redis as RedisCommandClient).sendCommand === "function") {
    const client = redis as RedisCommandClient;
    return { client: async () => client, lastError: () => undefined, close: async () => undefined };
  }
  if (typeof redis !== "string" || !/^rediss?:\/\//.test(redis)) {
    throw new ValidationError(`${caller}: redis must be a node-redis client or a redis:// (or rediss://) URL`, {
      argument: "redis",
    });
  }
  const client = createClient({ url: redis });
  let lastError: Error | undefined;
  // Without a listener an 'error' event would end the process; the latest one explains failed commands.
  client.on("error", (error: Error) => {
    lastError = error;
  });
  client.on("ready", () => {
    lastError = undefined;
  });
  return {
    client: async () => {
      // Not awaited: commands wait in the client's queue until it is connected, bounded by their timeout.
      if (!client.isOpen) {
        client.connect().catch((error: Error) => {
          lastError = error;
        });
      }
      return client as unknown as RedisCommandClient;
    },
    lastError: () => lastError,
    close: async () => {
      if (client.isReady) await client.close();
      else if (client.isOpen) client.destroy();
    },
  };
}

/** A positive whole number, or a ValidationError naming the option. */
export function positiveWhole(value: unknown, name: string): number {
  if (typeof value !== "number" || !Number.isSafeInteger(value) || value < 1) {
    throw new ValidationError(`${name} must be a whole number, at least 1 (got ${String(value)})`, { argument: name });
  }
  return value;
}
