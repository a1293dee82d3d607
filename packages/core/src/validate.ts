import { ValidationError } from "./errors.js";

/** Throws a ValidationError naming `argument` unless `value` is a non-empty string. */
export function requireString(argument: string, value: unknown): string {
  if (typeof value !== "string" || value.trim() === "") {
    throw new ValidationError(`${argument} is required and must be a non-empty string`, { argument });
  }
  return value;
}

/** Throws unless `value` is undefined or of the given primitive type. */
export function optionalOfType(argument: string, value: unknown, type: "string" | "number" | "boolean"): void {
  if (value !== undefined && typeof value !== type) {
    throw new ValidationError(`${argument} must be a ${type}, got ${describe(value)}`, { argument });
  }
}

/** Throws unless exactly one of `names` is set on `fields`; returns the one that is. */
export function requireExactlyOne<T extends object>(fields: T, names: readonly (keyof T & string)[]): keyof T & string {
  const present = names.filter((name) => fields[name] !== undefined && fields[name] !== null && fields[name] !== "");
  if (present.length !== 1) {
    const found = present.length ? `got ${present.join(" and ")}` : "got none";
    throw new ValidationError(`Exactly one of ${names.join(", ")} must be given; ${found}`, {
      argument: present[1] ?? names[0],
    });
  }
  return present[0] as keyof T & string;
}

/** Throws unless at least one of `names` is set on `fields`. */
export function requireAtLeastOne<T extends object>(fields: T, names: readonly (keyof T & string)[]): void {
  if (!names.some((name) => fields[name] !== undefined && fields[name] !== null && fields[name] !== "")) {
    throw new ValidationError(`At least one of ${names.join(", ")} must be given`, { argument: names[0] });
  }
}

export function describe(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  return typeof value === "string" ? `the string ${JSON.stringify(value.slice(0, 40))}` : `a ${typeof value}`;
}

/** A JSON-style object: not null, not an array. */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
