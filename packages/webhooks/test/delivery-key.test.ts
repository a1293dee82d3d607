import { describe, expect, it } from "vitest";
import { deliveryKey, parseWebhookEvent } from "../src/index.js";
import { messageCreatedBody } from "./helpers.js";

const event = (overrides: Record<string, unknown> = {}) => parseWebhookEvent(messageCreatedBody(overrides));
const data = JSON.parse(messageCreatedBody()).data as Record<string, unknown>;

describe("deliveryKey", () => {
  it("is the same for the same event, however its JSON is laid out", () => {
    const reordered = Object.fromEntries(Object.entries(data).reverse());
    const spaced = JSON.stringify(JSON.parse(messageCreatedBody({ data: reordered })), null, 2);
    expect(deliveryKey(parseWebhookEvent(spaced))).toBe(deliveryKey(event()));
    // Fields that describe the webhook, not the event, do not count.
    expect(deliveryKey(event({ name: "renamed", status: "active" }))).toBe(deliveryKey(event()));
  });

  it.each([
    ["another message", { data: { ...data, id: "Y2lzY29zcGFyazovL3VzL01FU1NBR0UvbXNnMg" } }],
    ["another kind of event on the same message", { event: "deleted" }],
    ["another resource with the same data id", { resource: "memberships" }],
    ["the same message seen by another webhook", { id: "Y2lzY29zcGFyazovL3VzL1dFQkhPT0svb3RoZXI" }],
    ["another actor", { actorId: "Y2lzY29zcGFyazovL3VzL1BFT1BMRS9vdGhlcg" }],
    // Two updates of one membership share id, event and created; only the rest of data tells them apart.
    ["a later update of the same object", { event: "updated", data: { ...data, isModerator: true } }],
  ])("differs for %s", (_case, overrides) => {
    const base = event("event" in overrides && overrides.event === "updated" ? { event: "updated" } : {});
    expect(deliveryKey(event(overrides))).not.toBe(deliveryKey(base));
  });
});
