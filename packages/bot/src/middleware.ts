import type { AnyContext } from "./contexts.js";
import type { BotState } from "./state.js";

/** Runs before the handlers of every event, in the order added; `await next()` runs the rest. */
export type Middleware<S extends BotState> = (ctx: AnyContext<S>, next: () => Promise<void>) => unknown;

/**
 * Calls the middleware in order and `handlers` after the last one calls `next()`. A middleware that does not
 * call `next()` stops the event there; calling it twice is an error.
 */
export async function runMiddleware<S extends BotState>(
  middleware: readonly Middleware<S>[],
  ctx: AnyContext<S>,
  handlers: () => Promise<void>,
): Promise<void> {
  let reached = -1;
  const step = async (index: number): Promise<void> => {
    if (index <= reached) throw new Error("bot.use: a middleware called next() more than once");
    reached = index;
    const current = middleware[index];
    if (current === undefined) return handlers();
    await current(ctx, () => step(index + 1));
  };
  await step(0);
}
