import { badRequest, forbidden } from "../errors.js";
import { pageOf } from "../pagination.js";
import { type Ctx, defineResource, type Reply, route } from "../resource.js";
import { parseTime } from "../validate.js";

/** Admin audit events need orgId, from and to; paged with offset as well as the cursor. */
function list(ctx: Ctx): Reply {
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

export const adminAuditEvents = defineResource({
  name: "Admin Audit Events",
  access: "admin",
  routes: [route({ method: "GET", path: "adminAudit/events", handle: list })],
});
