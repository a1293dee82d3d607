import { createHmac } from "node:crypto";
import http from "node:http";
import https from "node:https";
import type { Activity } from "./domain/activity.js";
import { APP_ID, type WebhookRecord } from "./domain/store.js";
import type { Engine } from "./engine.js";
import { badRequest } from "./errors.js";
import { isoTime } from "./ids.js";
import type { Delivery, HeldDeliveries } from "./types.js";
import { decodeComponent } from "./validate.js";

const FAILURE_WINDOW_MS = 5 * 60_000;
const DELIVERY_LOG_LIMIT = 10_000;

/** Filters each resource accepts (webhooks guide). */
export const FILTER_KEYS: Record<string, string[]> = {
  messages: ["roomId", "roomType", "personId", "personEmail", "mentionedPeople", "hasFiles", "hasAttachments"],
  memberships: ["roomId", "personId", "personEmail", "isModerator"],
  rooms: ["type", "isLocked"],
  attachmentActions: ["messageId", "personId", "roomId"],
};

/** `resource=all` is the firehose over these three. */
const FIREHOSE_RESOURCES = new Set(["memberships", "messages", "rooms"]);

/** `key=value&…` pairs; malformed percent-encoding is a 400, so every stored filter parses. */
export function parseFilter(filter: string): Array<[string, string]> {
  return filter
    .split("&")
    .filter(Boolean)
    .map((pair) => {
      const at = pair.indexOf("=");
      const key = decodeComponent(at < 0 ? pair : pair.slice(0, at));
      const value = decodeComponent(at < 0 ? "" : pair.slice(at + 1));
      if (key === undefined || value === undefined) throw badRequest(`invalid filter: ${pair}`);
      return [key, value];
    });
}

export function sign(secret: string, body: Buffer): string {
  return createHmac("sha1", secret).update(body).digest("hex");
}

interface HeldDelivery {
  webhook: WebhookRecord;
  delivery: Delivery;
  bytes: Buffer;
}

/** Matches activities to webhooks, signs and POSTs the envelope, logs it, applies the auto-disable rule. */
export class WebhookDispatcher {
  readonly deliveries: Delivery[] = [];
  private readonly pending = new Set<Promise<void>>();
  private held: HeldDelivery[] | undefined;
  // Every batch not yet released, also stopped ones: reset() empties them.
  private readonly unreleased = new Set<HeldDelivery[]>();
  private readonly chains = new Map<string, Promise<void>>();
  private readonly httpAgent = new http.Agent({ keepAlive: true, maxSockets: 16 });
  private readonly httpsAgent = new https.Agent({ keepAlive: true, maxSockets: 16 });

  constructor(private readonly engine: Engine) {}

  dispatch(activity: Activity): void {
    for (const webhook of this.engine.store.webhooks.values()) {
      if (!this.matches(webhook, activity)) continue;
      const body = JSON.stringify({
        id: webhook.id,
        name: webhook.name,
        targetUrl: webhook.targetUrl,
        resource: activity.resource,
        event: activity.event,
        ...(webhook.filter ? { filter: webhook.filter } : {}),
        orgId: webhook.orgId,
        createdBy: webhook.createdBy,
        appId: APP_ID,
        ownedBy: webhook.ownedBy,
        status: "active",
        created: isoTime(webhook.createdMs),
        actorId: activity.actorId,
        data: activity.data,
      });
      this.enqueue(webhook, body);
    }
  }

  /** Resolves once every queued delivery has completed (including ones queued meanwhile). */
  async flush(): Promise<void> {
    while (this.pending.size > 0) await Promise.allSettled([...this.pending]);
  }

  clearLog(): void {
    this.deliveries.length = 0;
    this.held = undefined;
    for (const batch of this.unreleased) batch.length = 0;
    this.unreleased.clear();
  }

  /**
   * From now on deliveries are logged but not sent, until `stop()` or `release()`; `release()` then sends them
   * in the order given (late, or out of order). `flush()` does not wait for held deliveries.
   */
  holdDeliveries(): HeldDeliveries {
    if (this.held) throw new Error("holdDeliveries: deliveries are already being held");
    const held: HeldDelivery[] = [];
    this.held = held;
    this.unreleased.add(held);
    const stop = () => {
      if (this.held === held) this.held = undefined;
    };
    let released = false;
    return {
      get deliveries() {
        return held.map((entry) => entry.delivery);
      },
      stop,
      release: async (options = {}) => {
        stop();
        if (released) throw new Error("release: these deliveries were released already");
        released = true;
        this.unreleased.delete(held);
        for (const entry of options.reverse ? [...held].reverse() : held) {
          await this.deliver(entry.webhook, entry.delivery, entry.bytes);
        }
      },
    };
  }

  /** Sends a logged delivery again, the same bytes and signature, as Webex does when it retries; logs it anew. */
  async redeliver(delivery: Delivery): Promise<Delivery> {
    const webhook = this.engine.store.webhooks.get(delivery.webhookId);
    if (!webhook) throw new Error(`redeliver: webhook ${delivery.webhookId} no longer exists`);
    const again: Delivery = { ...delivery, headers: { ...delivery.headers }, at: isoTime(this.engine.now()) };
    delete again.status;
    delete again.error;
    this.log(again);
    await this.deliver(webhook, again, Buffer.from(again.body));
    return again;
  }

  close(): void {
    this.httpAgent.destroy();
    this.httpsAgent.destroy();
  }

  private matches(webhook: WebhookRecord, activity: Activity): boolean {
    if (webhook.status !== "active") return false;
    const resourceOk =
      webhook.resource === activity.resource ||
      (webhook.resource === "all" && FIREHOSE_RESOURCES.has(activity.resource));
    if (!resourceOk) return false;
    if (webhook.event !== "all" && webhook.event !== activity.event) return false;
    if (activity.resource === "memberships" && activity.event === "deleted" && activity.room.type !== "group") {
      return false;
    }
    const owner = this.engine.store.people.get(webhook.createdBy);
    if (!owner) return false;
    const visible =
      webhook.ownedBy === "org" ? owner.json.orgId === this.engine.orgId : activity.audience.has(owner.id);
    if (!visible) return false;
    if (owner.json.type === "bot" && activity.resource === "messages" && activity.room.type === "group") {
      if (!activity.mentionedPeople?.includes(owner.id)) return false;
    }
    return webhook.filter ? filterMatches(webhook.filter, activity, owner.id) : true;
  }

  private enqueue(webhook: WebhookRecord, body: string): void {
    const bytes = Buffer.from(body);
    const headers: Record<string, string> = {
      "content-type": "application/json; charset=utf-8",
      "content-length": String(bytes.length),
      "user-agent": "wx-emulator-webhooks",
    };
    if (webhook.secret) headers["x-spark-signature"] = sign(webhook.secret, bytes);
    const delivery: Delivery = {
      webhookId: webhook.id,
      targetUrl: webhook.targetUrl,
      body,
      headers,
      at: isoTime(this.engine.now()),
    };
    this.log(delivery);
    if (this.held) {
      this.held.push({ webhook, delivery, bytes });
      return;
    }
    // One chain per webhook keeps each target's events in order without blocking other targets.
    const previous = this.chains.get(webhook.id) ?? Promise.resolve();
    const run = previous.then(() => this.deliver(webhook, delivery, bytes));
    this.chains.set(webhook.id, run);
    this.pending.add(run);
    void run.finally(() => {
      this.pending.delete(run);
      if (this.chains.get(webhook.id) === run) this.chains.delete(webhook.id);
    });
  }

  private log(delivery: Delivery): void {
    this.deliveries.push(delivery);
    if (this.deliveries.length > DELIVERY_LOG_LIMIT)
      this.deliveries.splice(0, this.deliveries.length - DELIVERY_LOG_LIMIT);
  }

  private deliver(webhook: WebhookRecord, delivery: Delivery, bytes: Buffer): Promise<void> {
    return new Promise<void>((resolve) => {
      let settled = false;
      const finish = (status?: number, error?: string) => {
        if (settled) return;
        settled = true;
        delivery.status = status;
        if (error) delivery.error = error;
        const ok = status !== undefined && status >= 200 && status < 300;
        if (!ok) this.recordFailure(webhook);
        resolve();
      };
      let url: URL;
      try {
        url = new URL(webhook.targetUrl);
      } catch {
        finish(undefined, "invalid targetUrl");
        return;
      }
      const client = url.protocol === "https:" ? https : http;
      const agent = url.protocol === "https:" ? this.httpsAgent : this.httpAgent;
      const request = client.request(url, {
        method: "POST",
        headers: delivery.headers,
        agent,
        timeout: this.engine.options.webhookTimeoutMs,
      });
      request.on("response", (response) => {
        response.resume();
        response.on("end", () => finish(response.statusCode));
        response.on("error", (error) => finish(response.statusCode, error.message));
      });
      request.on("timeout", () => request.destroy(new Error("delivery timed out")));
      request.on("error", (error) => finish(undefined, error.message));
      request.end(bytes);
    });
  }

  /** 100 failures within 5 minutes disable a webhook; right after a re-enable, one more failure does. */
  private recordFailure(webhook: WebhookRecord): void {
    const now = this.engine.now();
    webhook.failures = webhook.failures.filter((at) => now - at < FAILURE_WINDOW_MS);
    webhook.failures.push(now);
    const recentlyReenabled = webhook.reenabledAtMs !== undefined && now - webhook.reenabledAtMs < FAILURE_WINDOW_MS;
    const threshold = recentlyReenabled ? 1 : this.engine.options.webhookFailureThreshold;
    if (webhook.failures.length >= threshold) webhook.status = "inactive";
  }
}

function filterMatches(filter: string, activity: Activity, ownerId: string): boolean {
  for (const [key, value] of parseFilter(filter)) {
    const actual = activity.filterFields[key];
    if (actual === undefined) return false;
    const wanted = value.split(",").map((v) => (v === "me" ? ownerId : v));
    if (Array.isArray(actual)) {
      if (!wanted.some((v) => actual.includes(v))) return false;
    } else if (!wanted.some((v) => v.toLowerCase() === actual.toLowerCase())) {
      return false;
    }
  }
  return true;
}
