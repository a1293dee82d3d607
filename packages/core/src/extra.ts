import { ValidationError } from "./errors.js";
import { isPlainObject } from "./validate.js";

/** The names a fields type declares, its index signatures left out (a union contributes each member's names). */
export type KnownKeys<Fields> = Fields extends unknown
  ? keyof { [K in keyof Fields as string extends K ? never : number extends K ? never : K]: unknown }
  : never;

/** `Fields` without its index signatures: only the declared fields compile. */
export type Closed<Fields> = {
  [K in keyof Fields as string extends K ? never : number extends K ? never : K]: Fields[K];
};

/**
 * The one escape hatch of every input type: fields (or query parameters) the SDK does not model yet, sent as they
 * are beside the known ones, e.g. `rooms.list({ type: "group", extra: { newFilter: "x" } })`. A field the SDK
 * knows cannot go here (its type is `never`): pass it by name, where its type is checked.
 */
export type Extra<Fields, Value = unknown> = { readonly [K in KnownKeys<Fields> | "extra"]?: never } & {
  readonly [name: string]: Value;
};

/**
 * `fields` with the entries of its `extra` member merged in beside the known ones. An `extra` that is not a plain
 * object, or that repeats a field also given by name, is a `ValidationError` (nothing is sent).
 */
export function mergeExtra<Fields extends object>(fields: Fields): Record<string, unknown> {
  if (!("extra" in fields)) return fields as Record<string, unknown>;
  const { extra, ...known } = fields as Record<string, unknown>;
  if (extra === undefined) return known;
  if (!isPlainObject(extra)) {
    throw new ValidationError("extra must be an object of fields the SDK does not model yet", { argument: "extra" });
  }
  for (const name of Object.keys(extra)) {
    if (known[name] !== undefined) {
      throw new ValidationError(`extra.${name} repeats the field ${name}: pass it once, by name`, {
        argument: `extra.${name}`,
      });
    }
  }
  return { ...known, ...extra };
}
