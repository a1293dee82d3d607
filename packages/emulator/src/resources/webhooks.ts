import type { WebhookRecord } from "../domain/store.js";
import { webhookJson } from "../domain/views.js";
import { badRequest, notFound } from "../errors.js";
import { hydraId } from "../ids.js";
import { pageOf } from "../pagination.js";
import { type Ctx, defineResource, type Reply, route } from "../resource.js";
import { type Input, rules } from "../rules.js";
import { FILTER_KEYS, parseFilter } from "../webhooks.js";

const RESOURCES = ["all", ...Object.keys(FILTER_KEYS)] as const;
const EVENTS = new Set(["all", "created", "updated", "deleted", "migrated"]);

const createRules = rules({
  name: { type: "string", required: "name cannot be empty" },
  targetUrl: { type: "url", required: "targetUrl cannot be null" },
  resource: { type: "string", required: "resource cannot be empty" },
  event: { type: "string", required: "event cannot be empty" },
  filter: { type: "string" },
  secret: { type: "string" },
  ownedBy: { type: "string" },
});
const updateRules = rules({
  name: { type: "string", required: "name cannot be empty" },
  targetUrl: { type: "url", required: "targetUrl cannot be null" },
  secret: { type: "string" },
  status: { type: "string" },
});

function validateFilter(ctx: Ctx, resource: string, filter: string): void {
  const allowed = resource === "all" ? Object.values(FILTER_KEYS).flat() : (FILTER_KEYS[resource] ?? []);
  for (const [key, value] of parseFilter(filter)) {
    if (!allowed.includes(key) || value === "") throw badRequest(`invalid filter: ${key}`);
    if (key === "roomId" && !ctx.store.rooms.get(value)?.members.has(ctx.caller.id)) {
      throw badRequest("invalid value for filter: roomId");
    }
  }
}

function webhookOfOwner(ctx: Ctx): WebhookRecord {
  const webhook = ctx.store.webhooks.get(ctx.params.id as string);
  if (!webhook || !ownsOrAdministers(ctx, webhook)) throw notFound("Webhook not found.");
  return webhook;
}

function ownsOrAdministers(ctx: Ctx, webhook: WebhookRecord): boolean {
  if (webhook.createdBy === ctx.caller.id) return true;
  return webhook.ownedBy === "org" && ctx.engine.isAdmin(ctx.caller) && webhook.orgId === ctx.caller.json.orgId;
}

function create(ctx: Ctx, input: Input<typeof createRules>): Reply {
  const { name, targetUrl, resource, event } = input;
  if (!(RESOURCES as readonly string[]).includes(resource)) throw badRequest(`Unsupported resource: ${resource}`);
  if (!EVENTS.has(event)) throw badRequest(`Unsupported event: ${event}`);
  if (resource === "all" && event !== "all") throw badRequest("resource 'all' requires event 'all'.");
  const filter = input.filter || undefined;
  if (filter) validateFilter(ctx, resource, filter);
  const ownedBy = input.ownedBy ?? "creator";
  if (ownedBy !== "creator" && ownedBy !== "org") throw badRequest("ownedBy must be 'creator' or 'org'.");
  if (ownedBy === "org" && !ctx.engine.isAdmin(ctx.caller)) {
    throw badRequest("Only administrators can create org webhooks.");
  }
  const webhook: WebhookRecord = {
    id: hydraId("WEBHOOK", ctx.store.random.uuid4()),
    name,
    targetUrl,
    resource,
    event,
    filter,
    secret: input.secret || undefined,
    status: "active",
    ownedBy,
    createdBy: ctx.caller.id,
    orgId: ctx.caller.json.orgId,
    createdMs: ctx.engine.now(),
    failures: [],
  };
  ctx.store.webhooks.set(webhook.id, webhook);
  return { json: webhookJson(webhook) };
}

function list(ctx: Ctx): Reply {
  const orgWide = ctx.query.get("ownedBy") === "org";
  const webhooks = [...ctx.store.webhooks.values()].filter((w) =>
    orgWide ? w.ownedBy === "org" && ownsOrAdministers(ctx, w) : w.createdBy === ctx.caller.id,
  );
  return pageOf(ctx, webhooks.map(webhookJson), 100, 1000);
}

/** Only name, targetUrl, secret and status change; `status: active` re-enables a disabled webhook. */
function update(ctx: Ctx, { name, targetUrl, secret, status }: Input<typeof updateRules>): Reply {
  const webhook = webhookOfOwner(ctx);
  if (status !== undefined && status !== "active" && status !== "inactive") {
    throw badRequest("status must be 'active'.");
  }
  webhook.name = name;
  webhook.targetUrl = targetUrl;
  if (secret !== undefined) webhook.secret = secret || undefined;
  if (status === "active" && webhook.status === "inactive") {
    webhook.status = "active";
    webhook.reenabledAtMs = ctx.engine.now();
    webhook.failures = [];
  }
  return { json: webhookJson(webhook) };
}

export const webhooks = defineResource({
  name: "Webhooks",
  routes: [
    route({ method: "GET", path: "webhooks", handle: list }),
    route({ method: "POST", path: "webhooks", body: createRules, handle: create }),
    route({ method: "GET", path: "webhooks/:id", handle: (ctx) => ({ json: webhookJson(webhookOfOwner(ctx)) }) }),
    route({ method: "PUT", path: "webhooks/:id", body: updateRules, handle: update }),
    route({
      method: "DELETE",
      path: "webhooks/:id",
      handle: (ctx) => {
        ctx.store.webhooks.delete(webhookOfOwner(ctx).id);
        return { status: 204 };
      },
    }),
  ],
});
