import type { Person } from "@wx/sdk";
import { z } from "zod";

/** A person as the model sees it. */
export const shownPerson = z.object({
  id: z.string(),
  name: z.string(),
  email: z.string().optional(),
  type: z.string().optional(),
});

export type ShownPerson = z.infer<typeof shownPerson>;

export function showPerson(person: Person): ShownPerson {
  return { id: person.id, name: person.displayName, email: person.emails?.[0], type: person.type };
}

export function renderPerson(person: ShownPerson): string {
  return `- ${person.name}${person.email ? ` <${person.email}>` : ""}${person.type && person.type !== "person" ? ` (${person.type})` : ""} id: ${person.id}`;
}
