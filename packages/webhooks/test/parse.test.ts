import { describe, expect, expectTypeOf, it } from "vitest";
import {
  isAttachmentActionEvent,
  isMembershipEvent,
  isMessageEvent,
  isRoomEvent,
  parseWebhookEvent,
  WebhookParseError,
} from "../src/index.js";
import { messageCreatedBody } from "./helpers.js";

describe("parseWebhookEvent", () => {
  it("parses text, bytes or an object and keeps every field", () => {
    const text = messageCreatedBody({ futureField: 42 });
    for (const input of [text, new TextEncoder().encode(text), JSON.parse(text)]) {
      const event = parseWebhookEvent(input);
      expect(event.resource).toBe("messages");
      expect(event.futureField).toBe(42);
    }
  });

  it.each([
    ["not JSON", "nope", /not valid UTF-8 JSON/],
    ["an array", "[]", /must be a JSON object/],
    ["no resource", messageCreatedBody({ resource: undefined }), /"resource" must be a non-empty string/],
    ["a numeric event", messageCreatedBody({ event: 1 }), /"event" must be a non-empty string/],
    ["no id", messageCreatedBody({ id: "" }), /"id" must be a non-empty string/],
    ["data not an object", messageCreatedBody({ data: "x" }), /"data" must be an object/],
  ])("throws WebhookParseError for %s", (_case, body, message) => {
    expect(() => parseWebhookEvent(body)).toThrow(WebhookParseError);
    expect(() => parseWebhookEvent(body)).toThrow(message);
  });
});

describe("type guards", () => {
  const message = parseWebhookEvent(messageCreatedBody());
  const membership = parseWebhookEvent(messageCreatedBody({ resource: "memberships", event: "deleted" }));

  it("tell resources apart and narrow the data", () => {
    expect(isMessageEvent(message)).toBe(true);
    expect(isMessageEvent(membership)).toBe(false);
    expect(isMembershipEvent(membership)).toBe(true);
    expect(isRoomEvent(message)).toBe(false);
    expect(isAttachmentActionEvent(message)).toBe(false);
    if (isMessageEvent(message)) expectTypeOf(message.data.personEmail).toEqualTypeOf<string>();
    if (isAttachmentActionEvent(message)) expectTypeOf(message.data.messageId).toEqualTypeOf<string>();
  });

  it("narrow by event kind", () => {
    expect(isMessageEvent(message, "created")).toBe(true);
    expect(isMessageEvent(message, "deleted")).toBe(false);
    expect(isMembershipEvent(membership, "deleted")).toBe(true);
    if (isMessageEvent(message, "created")) expectTypeOf(message.event).toEqualTypeOf<"created">();
  });
});
