import { forbidden, notFound } from "../errors.js";
import { type Ctx, defineResource, type Reply, route } from "../resource.js";

function get(ctx: Ctx): Reply {
  ctx.engine.countLicenses();
  const license = ctx.store.licenses.find((entry) => entry.id === ctx.params.id);
  if (!license) throw notFound("License not found.");
  if (ctx.query.get("includeAssignedTo") !== "user") return { json: license };
  const users = [...ctx.store.people.values()]
    .filter((p) => p.json.licenses?.includes(license.id as string))
    .map((p) => ({ id: p.id, type: "INTERNAL", displayName: p.json.displayName, email: p.json.emails[0] }));
  return { json: { ...license, users } };
}

function list(ctx: Ctx): Reply {
  const orgId = ctx.query.get("orgId");
  if (orgId && orgId !== ctx.caller.json.orgId) throw forbidden();
  ctx.engine.countLicenses();
  return { json: { items: ctx.store.licenses } };
}

export const licenses = defineResource({
  name: "Licenses",
  routes: [
    route({ method: "GET", path: "licenses", handle: list }),
    route({ method: "GET", path: "licenses/:id", handle: get }),
  ],
});
