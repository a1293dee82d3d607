import type { EventRecord } from "../domain/store.js";
import { eventJson } from "../domain/views.js";
import { badRequest, notFound } from "../errors.js";
import { hydraUuid } from "../ids.js";
import { pageOf } from "../pagination.js";
import { type Ctx, defineResource, type Reply, route } from "../resource.js";
import { parseTime } from "../validate.js";

const EVENT_RESOURCES = new Set(["messages", "memberships", "rooms", "attachmentActions"]);

/** Compliance events recorded from activity, newest first. */
function list(ctx: Ctx): Reply {
  const q = ctx.query;
  const resource = q.get("resource");
  const type = q.get("type");
  const actorId = q.get("actorId");
  const from = q.get("from") ? parseTime(q.get("from") as string, "from") : undefined;
  const to = q.get("to") ? parseTime(q.get("to") as string, "to") : undefined;
  if (resource && !EVENT_RESOURCES.has(resource)) throw badRequest(`Unsupported resource: ${resource}`);
  if (to !== undefined && to > ctx.engine.now() + 60_000) throw badRequest("to must not be in the future.");
  const items: EventRecord[] = [];
  for (let i = ctx.store.events.length - 1; i >= 0; i--) {
    const event = ctx.store.events[i] as EventRecord;
    if (resource && event.resource !== resource) continue;
    if (type && event.type !== type) continue;
    if (actorId && event.actorId !== actorId) continue;
    if (from !== undefined && event.createdMs < from) continue;
    if (to !== undefined && event.createdMs >= to) continue;
    items.push(event);
  }
  return pageOf(ctx, items, 100, 1000, undefined, (event) => eventJson(ctx.engine, event, ctx.baseUrl));
}

function get(ctx: Ctx): Reply {
  const uuid = hydraUuid(ctx.params.id as string, "EVENT");
  const event = uuid === undefined ? undefined : ctx.store.eventsById.get(uuid);
  if (!event) throw notFound("Event not found.");
  return { json: eventJson(ctx.engine, event, ctx.baseUrl) };
}

export const events = defineResource({
  name: "Events",
  access: "admin",
  routes: [
    route({ method: "GET", path: "events", handle: list }),
    route({ method: "GET", path: "events/:id", handle: get }),
  ],
});
