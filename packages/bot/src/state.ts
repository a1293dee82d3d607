import type { BotStore } from "./store.js";

/**
 * The shape of a bot's state, given as `new Bot<{ room: RoomState; person: PersonState }>(…)`; either may be
 * left out. Values must be JSON (what `JSON.stringify` keeps), since a shared store keeps them as text.
 */
export interface BotState {
  room?: object;
  person?: object;
}

/** `S["room"]` (or `S["person"]`) when given, else any string key with an `unknown` value. */
export type StateOf<T> = object extends NonNullable<T> ? Record<string, unknown> : NonNullable<T>;

/** One scope of state (one room's, or one person's), kept in the bot's store. */
export interface StateScope<T extends object> {
  get<K extends keyof T & string>(key: K): Promise<T[K] | undefined>;
  /** Stores the value; it expires `ttlMs` after this write (default: the bot's `stateTtlMs`). */
  set<K extends keyof T & string>(key: K, value: T[K], options?: { ttlMs?: number }): Promise<void>;
  /**
   * Reads, changes and writes back one value. Within a room's events this is safe (the bot holds the room's
   * lock while it handles an event); a person's state may change meanwhile through an event in another room.
   */
  update<K extends keyof T & string>(
    key: K,
    change: (current: T[K] | undefined) => T[K],
    options?: { ttlMs?: number },
  ): Promise<T[K]>;
  delete<K extends keyof T & string>(key: K): Promise<void>;
}

/** `ctx.state`: the room's state and the state of the person who caused the event. */
export interface StateAccess<S extends BotState> {
  readonly room: StateScope<StateOf<S["room"]>>;
  readonly person: StateScope<StateOf<S["person"]>>;
}

/** A scope whose keys live under `prefix` in `store`. */
export function stateScope<T extends object>(store: BotStore, prefix: string, defaultTtlMs: number): StateScope<T> {
  const keyOf = (key: unknown): string => {
    if (typeof key !== "string" || key === "") throw new TypeError("ctx.state: a state key must be a non-empty string");
    return prefix + key;
  };
  const ttlOf = (options: { ttlMs?: number } | undefined): number => {
    const ttlMs = options?.ttlMs ?? defaultTtlMs;
    if (!Number.isFinite(ttlMs) || ttlMs <= 0) throw new TypeError("ctx.state: ttlMs must be a positive number");
    return ttlMs;
  };
  const scope: StateScope<T> = {
    get: async (key) => (await store.get(keyOf(key))) as never,
    set: (key, value, options) => store.set(keyOf(key), value, ttlOf(options)),
    async update(key, change, options) {
      const next = change(await scope.get(key));
      await scope.set(key, next, options);
      return next;
    },
    delete: (key) => store.delete(keyOf(key)),
  };
  return scope;
}
