import type { Engine } from "../engine.js";
import { badRequest, notFound } from "../errors.js";
import type { PersonRecord, Store } from "./store.js";

/** `me` or a person ID; an unknown ID is a 404. */
export function findPerson(ctx: { store: Store; caller: PersonRecord }, id: string): PersonRecord {
  if (id === "me") return ctx.caller;
  const person = ctx.store.people.get(id);
  if (!person) throw notFound("Person not found.");
  return person;
}

/** Resolves `personId` / `personEmail`; an unknown email is invited, as the service does. */
export function resolvePerson(
  ctx: { store: Store; engine: Engine },
  personId?: string,
  personEmail?: string,
): PersonRecord {
  if (personId) {
    const person = ctx.store.people.get(personId);
    if (!person) throw notFound("Person not found.");
    return person;
  }
  if (!personEmail) throw badRequest("Must specify either personId or personEmail.");
  if (!/^[^@\s]+@[^@\s]+$/.test(personEmail)) throw badRequest(`Invalid email address: ${personEmail}`);
  const known = ctx.store.personByEmail(personEmail);
  if (known) return known;
  const name = personEmail.split("@")[0] as string;
  return ctx.engine.createPerson({ displayName: name, email: personEmail, invitePending: true });
}
