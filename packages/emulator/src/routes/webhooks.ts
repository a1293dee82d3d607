import { badRequest, notFound } from "../errors.js";
import { hydraId } from "../ids.js";
import { pageOf } from "../pagination.js";
import type { Ctx, Reply, Route } from "../route.js";
import { webhookJson } from "../serialize.js";
import type { WebhookRecord } from "../store.js";
import { httpUrl, optionalString, requiredString } from "../validate.js";
import { FILTER_KEYS, parseFilter } from "../webhooks.js";

const RESOURCES = new Set(["all", ...Object.keys(FILTER_KEYS)]);
const EVENTS = new Set(["all", "created", "updated", "deleted", "migrated"]);

function readTargetUrl(ctx: Ctx): string {
  const targetUrl = optionalString(ctx.body, "targetUrl");
  if (!targetUrl) throw badRequest("targetUrl cannot be null");
  httpUrl(targetUrl, "targetUrl");
  return targetUrl;
}

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

function create(ctx: Ctx): Reply {
  const name = requiredString(ctx.body, "name", "name cannot be empty");
  const targetUrl = readTargetUrl(ctx);
  const resource = requiredString(ctx.body, "resource", "resource cannot be empty");
  const event = requiredString(ctx.body, "event", "event cannot be empty");
  if (!RESOURCES.has(resource)) throw badRequest(`Unsupported resource: ${resource}`);
  if (!EVENTS.has(event)) throw badRequest(`Unsupported event: ${event}`);
  if (resource === "all" && event !== "all") throw badRequest("resource 'all' requires event 'all'.");
  const filter = optionalString(ctx.body, "filter") || undefined;
  if (filter) validateFilter(ctx, resource, filter);
  const secret = optionalString(ctx.body, "secret") || undefined;
  const ownedBy = optionalString(ctx.body, "ownedBy") ?? "creator";
  if (ownedBy !== "creator" && ownedBy !== "org") throw badRequest("ownedBy must be 'creator' or 'org'.");
  if (ownedBy === "org" && !ctx.engine.isAdmin(ctx.caller))
    throw badRequest("Only administrators can create org webhooks.");
  const webhook: WebhookRecord = {
    id: hydraId("WEBHOOK", ctx.store.random.uuid4()),
    name,
    targetUrl,
    resource,
    event,
    filter,
    secret,
    status: "active",
    ownedBy,
    createdBy: ctx.caller.id,
    orgId: ctx.caller.json.orgId,
    createdMs: Date.now(),
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
function update(ctx: Ctx): Reply {
  const webhook = webhookOfOwner(ctx);
  const name = requiredString(ctx.body, "name", "name cannot be empty");
  const targetUrl = readTargetUrl(ctx);
  const secret = optionalString(ctx.body, "secret");
  const status = optionalString(ctx.body, "status");
  if (status !== undefined && status !== "active" && status !== "inactive")
    throw badRequest("status must be 'active'.");
  webhook.name = name;
  webhook.targetUrl = targetUrl;
  if (secret !== undefined) webhook.secret = secret || undefined;
  if (status === "active" && webhook.status === "inactive") {
    webhook.status = "active";
    webhook.reenabledAtMs = Date.now();
    webhook.failures = [];
  }
  return { json: webhookJson(webhook) };
}

export const webhookRoutes: Route[] = [
  { method: "GET", path: "webhooks", handler: list },
  { method: "POST", path: "webhooks", handler: create },
  { method: "GET", path: "webhooks/:id", handler: (ctx) => ({ json: webhookJson(webhookOfOwner(ctx)) }) },
  { method: "PUT", path: "webhooks/:id", handler: update },
  {
    method: "DELETE",
    path: "webhooks/:id",
    handler: (ctx) => {
      ctx.store.webhooks.delete(webhookOfOwner(ctx).id);
      return { status: 204 };
    },
  },
];
