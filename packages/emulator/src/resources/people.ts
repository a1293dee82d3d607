import { findPerson } from "../domain/people.js";
import type { PersonRecord } from "../domain/store.js";
import { servedPerson } from "../domain/views.js";
import { badRequest, conflict, forbidden } from "../errors.js";
import { isoTime } from "../ids.js";
import { pageOf } from "../pagination.js";
import { type Ctx, defineResource, type Reply, route } from "../resource.js";
import { type Input, rules } from "../rules.js";
import type { Json } from "../types.js";

const MAX_IDS = 85;

/** Writable Person fields an admin may set (the rest is server-owned); lists are stored as lists. */
const personFields = rules({
  phoneNumbers: { type: "objects" },
  extension: { type: "string" },
  locationId: { type: "string" },
  nickName: { type: "string" },
  firstName: { type: "string" },
  lastName: { type: "string" },
  avatar: { type: "string" },
  roles: { type: "strings" },
  licenses: { type: "strings" },
  department: { type: "string" },
  manager: { type: "string" },
  managerId: { type: "string" },
  title: { type: "string" },
  addresses: { type: "objects" },
  siteUrls: { type: "strings" },
  timezone: { type: "string" },
  loginEnabled: { type: "boolean" },
});
const WRITABLE = Object.keys(personFields);

const createRules = rules({ emails: { type: "strings" }, displayName: { type: "string" }, ...personFields });
const updateRules = rules({
  displayName: { type: "string", required: "displayName cannot be empty." },
  emails: { type: "strings" },
  ...personFields,
});

/** The writable fields present, roles checked against the org's. */
function writableFields(ctx: Ctx, input: Input<typeof personFields>): Json {
  const fields: Json = {};
  for (const key of WRITABLE) {
    const value = input[key as keyof typeof input];
    if (value !== undefined) fields[key] = value;
  }
  // Served as the strings "true" / "false", as the spec has it; a boolean is accepted too.
  if (input.loginEnabled !== undefined) fields.loginEnabled = String(input.loginEnabled);
  if (input.roles) {
    const known = new Set(ctx.store.roles.map((r) => r.id));
    for (const role of input.roles) if (!known.has(role)) throw badRequest(`Unknown role: ${role}`);
  }
  return fields;
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

function create(ctx: Ctx, input: Input<typeof createRules>): Reply {
  const { emails } = input;
  if (emails?.length !== 1) throw badRequest("emails must contain exactly one email address.");
  const email = emails[0] as string;
  if (!/^[^@\s]+@[^@\s]+$/.test(email)) throw badRequest(`Invalid email address: ${email}`);
  if (ctx.store.personByEmail(email)) throw conflict("A person with this email address already exists.");
  const displayName = input.displayName ?? ([input.firstName, input.lastName].filter(Boolean).join(" ") || undefined);
  if (!displayName) throw badRequest("At least one of displayName, firstName or lastName is required.");
  const person = ctx.engine.createPerson({ displayName, email, fields: writableFields(ctx, input) });
  ctx.engine.recordAudit(ctx.caller, { category: "USERS", description: "Created user", target: person });
  return { json: person.json };
}

function update(ctx: Ctx, input: Input<typeof updateRules>): Reply {
  const person = findPerson(ctx, ctx.params.id as string);
  const { displayName, emails } = input;
  if (emails && emails.length !== 1) throw badRequest("emails must contain exactly one email address.");
  if (emails) {
    const other = ctx.store.personByEmail(emails[0] as string);
    if (other && other.id !== person.id) throw conflict("A person with this email address already exists.");
  }
  const fields = writableFields(ctx, input);
  ctx.store.removePersonRecordEmails(person);
  const json = person.json;
  // The body replaces the whole record; server-owned fields stay.
  for (const key of WRITABLE) delete json[key];
  Object.assign(json, fields, { displayName, emails: emails ?? json.emails, lastModified: isoTime(ctx.engine.now()) });
  if (!json.roles) json.roles = [];
  ctx.store.addPersonRecord(person);
  ctx.engine.recordAudit(ctx.caller, { category: "USERS", description: "Updated user", target: person });
  return { json };
}

function remove(ctx: Ctx): Reply {
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

export const people = defineResource({
  name: "People",
  routes: [
    route({ method: "GET", path: "people", handle: list }),
    route({ method: "POST", path: "people", access: "admin", body: createRules, handle: create }),
    route({ method: "GET", path: "people/me", handle: (ctx) => ({ jsonText: servedPerson(ctx.caller) }) }),
    route({
      method: "GET",
      path: "people/:id",
      handle: (ctx) => ({ jsonText: servedPerson(findPerson(ctx, ctx.params.id as string)) }),
    }),
    route({ method: "PUT", path: "people/:id", access: "admin", body: updateRules, handle: update }),
    route({ method: "DELETE", path: "people/:id", access: "admin", handle: remove }),
  ],
});
