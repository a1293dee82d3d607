import { badRequest } from "./errors.js";
import type { Json } from "./types.js";
import {
  checkJsonDepth,
  httpUrl,
  optionalBoolean,
  optionalObjectArray,
  optionalString,
  optionalStringArray,
  parseTime,
} from "./validate.js";

/**
 * Request bodies are checked against a rule table: one rule per field, checked in the table's order
 * before a route's handler runs, so a refused request changes nothing. String lengths come from
 * limits.ts (via validate.ts); a field not in the table is ignored, as the service ignores it.
 */

interface Base {
  /** Missing, null or a blank string is a 400: `true` says "<field> cannot be empty.", a string is the message. */
  required?: true | string;
}

export type Rule =
  /** `maxLength` in characters, where the spec states one (beyond it, limits.ts bounds every string). */
  | (Base & { type: "string"; values?: readonly string[]; maxLength?: number })
  | (Base & { type: "boolean" })
  /** A list of strings; a single string counts as a list of one. */
  | (Base & { type: "strings"; maxItems?: number })
  | (Base & { type: "objects"; fields?: Rules; maxItems?: number })
  | (Base & { type: "object"; fields?: Rules })
  | (Base & { type: "number"; integer?: boolean; min?: number; max?: number })
  /** An ISO 8601 date or time, read as milliseconds. */
  | (Base & { type: "time" })
  | (Base & { type: "email" })
  | (Base & { type: "url"; https?: boolean });

export type Rules = Readonly<Record<string, Rule>>;

type Value<R> = R extends { type: "string"; values: readonly (infer V)[] }
  ? V
  : R extends { type: "string" | "email" | "url" }
    ? string
    : R extends { type: "boolean" }
      ? boolean
      : R extends { type: "strings" }
        ? string[]
        : R extends { type: "objects"; fields: infer F extends Rules }
          ? Input<F>[]
          : R extends { type: "objects" }
            ? Json[]
            : R extends { type: "object"; fields: infer F extends Rules }
              ? Input<F>
              : R extends { type: "object" }
                ? Json
                : R extends { type: "number" | "time" }
                  ? number
                  : never;

/** What a rule table yields: required fields are present, the others may be undefined. */
export type Input<T extends Rules> = {
  -readonly [K in keyof T]: T[K] extends { required: true | string } ? Value<T[K]> : Value<T[K]> | undefined;
};

/** Declares a rule table, keeping its literal types (enum values, required flags) for {@link Input}. */
export function rules<const T extends Rules>(table: T): T {
  return table;
}

const EMAIL = /^[^@\s]+@[^@\s]+$/;

/** Checks `body` against `table`, field by field in order; the first problem is a 400 naming the field. */
export function checkFields<T extends Rules>(table: T, body: Json, prefix = ""): Input<T> {
  const out: Json = {};
  for (const [key, rule] of Object.entries(table)) {
    const value = readField(rule, body, key, prefix);
    const blank = value === undefined || (typeof value === "string" && value.trim() === "");
    if (rule.required && blank) {
      throw badRequest(rule.required === true ? `${prefix}${key} cannot be empty.` : rule.required);
    }
    if (value !== undefined) out[key] = value;
  }
  return out as Input<T>;
}

function readField(rule: Rule, body: Json, key: string, prefix: string): unknown {
  const name = `${prefix}${key}`;
  // The readers name the field in their messages; nested fields are read from a copy keyed by the full name.
  const source = prefix ? { [name]: body[key] } : body;
  switch (rule.type) {
    case "string": {
      const value = optionalString(source, name);
      if (value !== undefined && rule.values && !rule.values.includes(value)) {
        throw badRequest(`${name} must be one of ${rule.values.map((v) => `'${v}'`).join(", ")}.`);
      }
      if (value !== undefined && rule.maxLength !== undefined && [...value].length > rule.maxLength) {
        throw badRequest(`${name} can be at most ${rule.maxLength} characters long.`);
      }
      return value;
    }
    case "boolean":
      return optionalBoolean(source, name);
    case "strings": {
      const list = optionalStringArray(source, name);
      if (list && rule.maxItems !== undefined && list.length > rule.maxItems) {
        throw badRequest(`${name} may have at most ${rule.maxItems} items.`);
      }
      return list;
    }
    case "objects": {
      const list = optionalObjectArray(source, name);
      if (!list) return undefined;
      if (rule.maxItems !== undefined && list.length > rule.maxItems) {
        throw badRequest(`${name} may have at most ${rule.maxItems} items.`);
      }
      const { fields } = rule;
      return fields ? list.map((item, i) => checkFields(fields, item, `${name}[${i}].`)) : list;
    }
    case "object": {
      const value = source[name];
      if (value === undefined || value === null) return undefined;
      if (typeof value !== "object" || Array.isArray(value)) throw badRequest(`${name} must be an object.`);
      checkJsonDepth(value, name);
      return rule.fields ? checkFields(rule.fields, value as Json, `${name}.`) : value;
    }
    case "number": {
      const value = source[name];
      if (value === undefined || value === null) return undefined;
      if (typeof value !== "number" || !Number.isFinite(value)) throw badRequest(`${name} must be a number.`);
      if (rule.integer && !Number.isInteger(value)) throw badRequest(`${name} must be a whole number.`);
      if ((rule.min !== undefined && value < rule.min) || (rule.max !== undefined && value > rule.max)) {
        throw badRequest(`${name} must be between ${rule.min ?? "-∞"} and ${rule.max ?? "∞"}.`);
      }
      return value;
    }
    case "time": {
      const value = optionalString(source, name);
      return value === undefined || value.trim() === "" ? undefined : parseTime(value, name);
    }
    case "email": {
      const value = optionalString(source, name);
      if (value && !EMAIL.test(value)) throw badRequest(`Invalid email address: ${value}`);
      return value;
    }
    case "url": {
      const value = optionalString(source, name);
      if (value === undefined || value === "") return value;
      const url = httpUrl(value, name);
      if (rule.https && url.protocol !== "https:") throw badRequest(`${name} must use the https protocol.`);
      return value;
    }
  }
}
