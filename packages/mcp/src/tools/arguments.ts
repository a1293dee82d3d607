import { ValidationError } from "@wx/sdk";
import { z } from "zod";

/** Argument schemas several tools share, with the descriptions the model reads. */
export const roomId = z.string().min(1).describe("The room's id (list_rooms finds it)");
export const personEmail = z.string().email().describe("The person's email address");
export const isoTime = z.iso.datetime({ offset: true });
export const cursor = z.string().min(1).describe("The cursor of the previous answer, to go on where it stopped");

export function limit(defaultValue: number, max: number) {
  return z
    .number()
    .int()
    .min(1)
    .max(max)
    .default(defaultValue)
    .describe(`How many to return (1-${max}, default ${defaultValue})`);
}

/** Exactly one of the named arguments, or a ValidationError saying which are allowed. */
export function exactlyOne<Args extends Record<string, unknown>>(
  args: Args,
  names: readonly (keyof Args & string)[],
): void {
  const given = names.filter((name) => args[name] !== undefined);
  if (given.length !== 1) {
    throw new ValidationError(
      given.length === 0
        ? `give one of ${names.join(", ")}`
        : `give only one of ${names.join(", ")}, not ${given.join(" and ")}`,
      { argument: names[0] },
    );
  }
}
