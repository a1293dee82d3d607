import type { WebexClient, Webhook, WebhookEventType, WebhookResource } from "@wx/sdk";
import type { BotLog } from "./logger.js";

export interface UpkeepOptions {
  url: string;
  /** Webhooks named `<name>: <resource>` at `url` are this bot's. */
  name: string;
  secret: string;
  /** resource → event (or `all`) the bot needs. */
  wanted: ReadonlyMap<string, string>;
  log: BotLog;
}

/**
 * Makes the bot's webhooks exactly those it needs: one per wanted resource, at `url`, with the secret and
 * `active`. Creates what is missing, re-activates one Webex disabled after failed deliveries (or updates its
 * secret), deletes the bot's duplicates and the ones no listener needs any more, and leaves every other
 * webhook alone. When nothing is off, it only lists: a second start changes nothing.
 */
export async function reconcileWebhooks(client: WebexClient, options: UpkeepOptions): Promise<Webhook[]> {
  const { url, name, secret, wanted, log } = options;
  const all = await client.webhooks.list().toArray();
  const ours = all.filter((webhook) => isOurs(webhook, url, name));
  const foreign = all.filter((webhook) => webhook.targetUrl === url && !ours.includes(webhook));
  if (foreign.length > 0) {
    log.warn(`other webhooks also post to ${url}; they are left alone and their events are handled too`, {
      webhooks: foreign.map((webhook) => webhook.name),
    });
  }
  const kept: Webhook[] = [];
  for (const [resource, event] of wanted) {
    const candidates = ours.filter((webhook) => webhook.resource === resource);
    const keep = candidates.find((webhook) => webhook.event === event && !webhook.filter);
    for (const extra of candidates) {
      if (extra === keep) continue;
      await client.webhooks.delete(extra.id);
      log.info(`deleted webhook "${extra.name}" (${extra.resource}:${extra.event}): a duplicate or out of date`);
    }
    if (keep === undefined) {
      const created = await client.webhooks.create({
        name: `${name}: ${resource}`,
        targetUrl: url,
        resource: resource as WebhookResource,
        event: event as WebhookEventType,
        secret,
      });
      log.info(`created webhook "${created.name}" (${resource}:${event})`);
      kept.push(created);
    } else if (keep.status !== "active" || keep.secret !== secret) {
      const updated = await client.webhooks.update(keep.id, {
        name: keep.name,
        targetUrl: url,
        secret,
        status: "active",
      });
      log.info(
        keep.status !== "active"
          ? `re-activated webhook "${keep.name}": Webex had set it ${keep.status} after failed deliveries`
          : `updated the secret of webhook "${keep.name}"`,
      );
      kept.push(updated);
    } else {
      kept.push(keep);
    }
  }
  for (const unneeded of ours.filter((webhook) => !wanted.has(webhook.resource))) {
    await client.webhooks.delete(unneeded.id);
    log.info(`deleted webhook "${unneeded.name}": no listener needs ${unneeded.resource} events`);
  }
  return kept;
}

/** The bot's own webhooks are those at its URL named `<name>: <resource>`; any other is another app's. */
export function isOurs(webhook: Webhook, url: string, name: string): boolean {
  return webhook.targetUrl === url && webhook.name.startsWith(`${name}: `);
}

/** Deletes the bot's own webhooks at `url` (as `reconcileWebhooks` identifies them), and no other. */
export async function removeWebhooks(
  client: WebexClient,
  options: Pick<UpkeepOptions, "url" | "name" | "log">,
): Promise<void> {
  const { url, name, log } = options;
  for (const webhook of await client.webhooks.list().toArray()) {
    if (!isOurs(webhook, url, name)) continue;
    await client.webhooks.delete(webhook.id);
    log.info(`deleted webhook "${webhook.name}" (${webhook.resource}:${webhook.event}): stop({ removeWebhooks })`);
  }
}
