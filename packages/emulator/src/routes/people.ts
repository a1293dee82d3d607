import { badRequest, conflict, forbidden, notFound } from "../errors.js";
import { isoTime } from "../ids.js";
import { pageOf } from "../pagination.js";
import type { Ctx, Reply, Route } from "../route.js";
import type { PersonRecord } from "../store.js";
import type { Json } from "../types.js";
import { optionalString, optionalStringArray, requiredString } from "../validate.js";

const MAX_IDS = 85;
/** Writable Person fields an admin may set (the rest is server-owned). */
const WRITABLE = [
  "phoneNumbers",
  "extension",
  "locationId",
  "nickName",
  "firstName",
  "lastName",
  "avatar",
  "roles",
  "licenses",
  "department",
  "manager",
  "managerId",
  "title",
  "addresses",
  "siteUrls",
  "timezone",
  "loginEnabled",
];

const STRING_FIELDS = [
  "extension",
  "locationId",
  "nickName",
  "firstName",
  "lastName",
  "avatar",
  "department",
  "manager",
  "managerId",
  "title",
  "timezone",
];

export function requireAdmin(ctx: Ctx): void {
  if (!ctx.engine.isAdmin(ctx.caller)) forbiddenNotAdmin();
}

function forbiddenNotAdmin(): never {
  throw forbidden("Only an administrator of the organization can do this.");
}

export function findPerson(ctx: Ctx, id: string): PersonRecord {
  if (id === "me") return ctx.caller;
  const person = ctx.store.people.get(id);
  if (!person) throw notFound("Person not found.");
  return person;
}

function list(ctx: Ctx): Reply {
  const q = ctx.query;
  const email = q.get("email");
  const displayName = q.get("displayName");
  const idList = q.get("id");
  const orgId = q.get("orgId");
  const admin = ctx.engine.isAdmin(ctx.caller);
  if (!admin && !email && !displayName && !idList) {
    throw badRequest("Email, displayName, or id list should be specified.");
  }
  if (orgId && orgId !== ctx.caller.json.orgId && !admin) throw forbidden();
  let people: PersonRecord[];
  let notFoundIds: string[] | undefined;
  if (idList) {
    const ids = idList.split(",").filter(Boolean);
    if (ids.length > MAX_IDS) throw badRequest(`At most ${MAX_IDS} ids may be given.`);
    people = [];
    notFoundIds = [];
    for (const id of ids) {
      const person = ctx.store.people.get(id);
      if (person) people.push(person);
      else notFoundIds.push(id);
    }
  } else if (email) {
    const person = ctx.store.personByEmail(email);
    people = person ? [person] : [];
  } else {
    people = [...ctx.store.people.values()];
  }
  if (displayName) {
    const prefix = displayName.toLowerCase();
    people = people.filter((p) => p.json.displayName.toLowerCase().startsWith(prefix));
  }
  if (orgId) people = people.filter((p) => p.json.orgId === orgId);
  return pageOf(
    ctx,
    people.map((p) => p.json),
    100,
    1000,
    notFoundIds ? { notFoundIds } : undefined,
  );
}

/** The writable fields present (null counts as absent), string fields checked, lists stored as lists. */
function readPersonFields(ctx: Ctx, body: Json): Json {
  const fields: Json = {};
  for (const key of WRITABLE) if (body[key] !== undefined && body[key] !== null) fields[key] = body[key];
  for (const key of STRING_FIELDS) optionalString(body, key);
  for (const key of ["roles", "licenses", "siteUrls"]) {
    const list = optionalStringArray(body, key);
    if (list) fields[key] = list;
  }
  if (fields.roles) {
    const known = new Set(ctx.store.roles.map((r) => r.id));
    for (const role of fields.roles as string[]) if (!known.has(role)) throw badRequest(`Unknown role: ${role}`);
  }
  return fields;
}

function create(ctx: Ctx): Reply {
  requireAdmin(ctx);
  const emails = optionalStringArray(ctx.body, "emails");
  if (emails?.length !== 1) throw badRequest("emails must contain exactly one email address.");
  const email = emails[0] as string;
  if (!/^[^@\s]+@[^@\s]+$/.test(email)) throw badRequest(`Invalid email address: ${email}`);
  if (ctx.store.personByEmail(email)) throw conflict("A person with this email address already exists.");
  const first = optionalString(ctx.body, "firstName");
  const last = optionalString(ctx.body, "lastName");
  const displayName = optionalString(ctx.body, "displayName") ?? ([first, last].filter(Boolean).join(" ") || undefined);
  if (!displayName) throw badRequest("At least one of displayName, firstName or lastName is required.");
  const fields = readPersonFields(ctx, ctx.body);
  const person = ctx.engine.createPerson({ displayName, email, fields });
  ctx.engine.recordAudit(ctx.caller, { category: "USERS", description: "Created user", target: person });
  return { json: person.json };
}

function update(ctx: Ctx): Reply {
  requireAdmin(ctx);
  const person = findPerson(ctx, ctx.params.id as string);
  const displayName = requiredString(ctx.body, "displayName", "displayName cannot be empty.");
  const emails = optionalStringArray(ctx.body, "emails");
  if (emails && emails.length !== 1) throw badRequest("emails must contain exactly one email address.");
  if (emails) {
    const other = ctx.store.personByEmail(emails[0] as string);
    if (other && other.id !== person.id) throw conflict("A person with this email address already exists.");
  }
  const fields = readPersonFields(ctx, ctx.body);
  ctx.store.removePersonRecordEmails(person);
  const json = person.json;
  // The body replaces the whole record; server-owned fields stay.
  for (const key of WRITABLE) delete json[key];
  Object.assign(json, fields, { displayName, emails: emails ?? json.emails, lastModified: isoTime(Date.now()) });
  if (!json.roles) json.roles = [];
  ctx.store.addPersonRecord(person);
  ctx.engine.recordAudit(ctx.caller, { category: "USERS", description: "Updated user", target: person });
  return { json };
}

function remove(ctx: Ctx): Reply {
  requireAdmin(ctx);
  const person = findPerson(ctx, ctx.params.id as string);
  for (const roomId of [...ctx.store.roomIdsOf(person.id)]) {
    const room = ctx.store.rooms.get(roomId);
    if (room) ctx.store.removeMember(room, person.id);
  }
  for (const team of ctx.store.teams.values()) {
    const membership = team.members.get(person.id);
    if (membership) {
      team.members.delete(person.id);
      ctx.store.teamMemberships.delete(membership.id);
    }
  }
  ctx.store.removePersonRecord(person);
  ctx.engine.recordAudit(ctx.caller, { category: "USERS", description: "Deleted user", target: person });
  return { status: 204 };
}

export const peopleRoutes: Route[] = [
  { method: "GET", path: "people", handler: list },
  { method: "POST", path: "people", handler: create },
  { method: "GET", path: "people/me", handler: (ctx) => ({ json: ctx.caller.json }) },
  { method: "GET", path: "people/:id", handler: (ctx) => ({ json: findPerson(ctx, ctx.params.id as string).json }) },
  { method: "PUT", path: "people/:id", handler: update },
  { method: "DELETE", path: "people/:id", handler: remove },
];
