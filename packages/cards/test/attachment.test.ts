import { ValidationError } from "@wx/core";
import { describe, expect, it } from "vitest";
import {
  ADAPTIVE_CARD_CONTENT_TYPE,
  adaptiveCard,
  isAdaptiveCard,
  submit,
  textBlock,
  toAttachment,
} from "../src/index.js";

describe("toAttachment", () => {
  it("wraps a builder card with the adaptive card content type", () => {
    const card = adaptiveCard({ body: [textBlock("Hi")], actions: [submit({ title: "OK" })] });
    expect(toAttachment(card)).toStrictEqual({
      contentType: "application/vnd.microsoft.card.adaptive",
      content: card,
    });
    expect(ADAPTIVE_CARD_CONTENT_TYPE).toBe("application/vnd.microsoft.card.adaptive");
  });

  it("fills version and $schema into a plain object card", () => {
    const attachment = toAttachment({ type: "AdaptiveCard", body: [{ type: "TextBlock", text: "Hi" }] });
    expect(attachment.content).toStrictEqual({
      type: "AdaptiveCard",
      version: "1.3",
      $schema: "http://adaptivecards.io/schemas/adaptive-card.json",
      body: [{ type: "TextBlock", text: "Hi" }],
    });
  });

  it("refuses an invalid card with a ValidationError naming every problem", () => {
    const card = { type: "AdaptiveCard", body: [{ type: "Input.Text" }] } as never;
    expect(() => toAttachment(card)).toThrow(ValidationError);
    expect(() => toAttachment(card)).toThrow('$.body[0]: missing required field "id"');
  });
});

describe("isAdaptiveCard", () => {
  it("recognises builder output and plain card objects, and nothing else", () => {
    expect(isAdaptiveCard(adaptiveCard({ body: [] }))).toBe(true);
    expect(isAdaptiveCard({ type: "AdaptiveCard" })).toBe(true);
    expect(isAdaptiveCard({ contentType: ADAPTIVE_CARD_CONTENT_TYPE, content: {} })).toBe(false);
    expect(isAdaptiveCard(null)).toBe(false);
    expect(isAdaptiveCard("AdaptiveCard")).toBe(false);
  });
});
