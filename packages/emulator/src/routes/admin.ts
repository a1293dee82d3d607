import { badRequest, forbidden, notFound } from "../errors.js";
import { pageOf } from "../pagination.js";
import type { Ctx, Reply, Route } from "../route.js";
import type { Json } from "../types.js";
import { parseTime } from "../validate.js";
import { requireAdmin } from "./people.js";

const EVENT_RESOURCES = new Set(["messages", "memberships", "rooms", "attachmentActions"]);

/** Compliance events recorded from activity, newest first; org admins only. */
function listEvents(ctx: Ctx): Reply {
  requireAdmin(ctx);
  const q = ctx.query;
  const resource = q.get("resource");
  const type = q.get("type");
  const actorId = q.get("actorId");
  const from = q.get("from") ? parseTime(q.get("from") as string, "from") : undefined;
  const to = q.get("to") ? parseTime(q.get("to") as string, "to") : undefined;
  if (resource && !EVENT_RESOURCES.has(resource)) throw badRequest(`Unsupported resource: ${resource}`);
  if (to !== undefined && to > Date.now() + 60_000) throw badRequest("to must not be in the future.");
  const items: Json[] = [];
  for (let i = ctx.store.events.length - 1; i >= 0; i--) {
    const event = ctx.store.events[i] as Json;
    const created = Date.parse(event.created as string);
    if (resource && event.resource !== resource) continue;
    if (type && event.type !== type) continue;
    if (actorId && event.actorId !== actorId) continue;
    if (from !== undefined && created < from) continue;
    if (to !== undefined && created >= to) continue;
    items.push(event);
  }
  return pageOf(ctx, items, 100, 1000);
}

function getEvent(ctx: Ctx): Reply {
  requireAdmin(ctx);
  const event = ctx.store.eventsById.get(ctx.params.id as string);
  if (!event) throw notFound("Event not found.");
  return { json: event };
}

/** Admin audit events need orgId, from and to; paged with offset as well as the cursor. */
function listAuditEvents(ctx: Ctx): Reply {
  requireAdmin(ctx);
  const q = ctx.query;
  const orgId = q.get("orgId");
  const fromRaw = q.get("from");
  const toRaw = q.get("to");
  if (!orgId || !fromRaw || !toRaw) throw badRequest("orgId, from and to are required.");
  if (orgId !== ctx.caller.json.orgId) throw forbidden();
  const from = parseTime(fromRaw, "from");
  const to = parseTime(toRaw, "to");
  if (to - from > 366 * 24 * 3600 * 1000) throw badRequest("The span between from and to must not exceed one year.");
  const actorId = q.get("actorId");
  const offset = Number(q.get("offset") ?? 0);
  if (!Number.isInteger(offset) || offset < 0) throw badRequest("offset must be a non-negative integer.");
  const items = ctx.store.auditEvents
    .filter((e) => {
      const created = Date.parse(e.created as string);
      return created >= from && created <= to && (!actorId || e.actorId === actorId);
    })
    .reverse()
    .slice(offset);
  return pageOf(ctx, items, 100, 200);
}

function findIn(list: Json[], id: string | undefined, what: string): Json {
  const item = list.find((entry) => entry.id === id);
  if (!item) throw notFound(`${what} not found.`);
  return item;
}

function getLicense(ctx: Ctx): Reply {
  ctx.engine.countLicenses();
  const license = findIn(ctx.store.licenses, ctx.params.id, "License");
  if (ctx.query.get("includeAssignedTo") !== "user") return { json: license };
  const users = [...ctx.store.people.values()]
    .filter((p) => p.json.licenses?.includes(license.id as string))
    .map((p) => ({ id: p.id, type: "INTERNAL", displayName: p.json.displayName, email: p.json.emails[0] }));
  return { json: { ...license, users } };
}

function listLicenses(ctx: Ctx): Reply {
  const orgId = ctx.query.get("orgId");
  if (orgId && orgId !== ctx.caller.json.orgId) throw forbidden();
  ctx.engine.countLicenses();
  return { json: { items: ctx.store.licenses } };
}

export const adminRoutes: Route[] = [
  { method: "GET", path: "events", handler: listEvents },
  { method: "GET", path: "events/:id", handler: getEvent },
  { method: "GET", path: "adminAudit/events", handler: listAuditEvents },
  { method: "GET", path: "licenses", handler: listLicenses },
  { method: "GET", path: "licenses/:id", handler: getLicense },
  { method: "GET", path: "organizations", handler: (ctx) => ({ json: { items: ctx.store.organizations } }) },
  {
    method: "GET",
    path: "organizations/:id",
    handler: (ctx) => ({ json: findIn(ctx.store.organizations, ctx.params.id, "Organization") }),
  },
  {
    method: "GET",
    path: "roles",
    handler: (ctx) => {
      requireAdmin(ctx);
      return { json: { items: ctx.store.roles } };
    },
  },
  {
    method: "GET",
    path: "roles/:id",
    handler: (ctx) => {
      requireAdmin(ctx);
      return { json: findIn(ctx.store.roles, ctx.params.id, "Role") };
    },
  },
];
