import { ValidationError } from "@wx/core";
import { describe, expect, it } from "vitest";
import {
  type AdaptiveCardJson,
  adaptiveCard,
  assertValidCard,
  inputText,
  openUrl,
  submit,
  textBlock,
  validateCard,
  WEBEX_MAX_CARD_BYTES,
} from "../src/index.js";

/** Cards written as untyped JSON, as they arrive from a file or a designer export. */
const card = (fields: Record<string, unknown>): unknown => ({ type: "AdaptiveCard", version: "1.3", ...fields });

describe("validateCard", () => {
  it("finds nothing wrong with a good card", () => {
    const good = adaptiveCard({
      body: [textBlock("Vote"), inputText({ id: "name", label: "Name", isRequired: true })],
      actions: [submit({ title: "Send" })],
    });
    expect(validateCard(good)).toStrictEqual([]);
  });

  it("reports a value that is not a card", () => {
    expect(validateCard("card")).toStrictEqual([{ path: "$", message: "a card must be an object" }]);
    expect(validateCard({ type: "Message" })).toStrictEqual([
      { path: "$.type", message: 'expected "AdaptiveCard", got "Message"' },
    ]);
  });

  it("reports unknown element and action types with their paths", () => {
    const problems = validateCard(
      card({
        body: [{ type: "TextBlock", text: "a" }, { type: "Table", rows: [] }, { type: "Action.Submit" }],
        actions: [{ type: "Action.Execute", verb: "go" }],
      }),
    );
    expect(problems).toStrictEqual([
      { path: "$.body[1].type", message: 'unknown element type "Table"' },
      { path: "$.body[2].type", message: 'unknown element type "Action.Submit" (put actions in an ActionSet)' },
      { path: "$.actions[0].type", message: 'unknown action type "Action.Execute"' },
    ]);
  });

  it("reports missing required fields, nested ones included", () => {
    const problems = validateCard(
      card({
        body: [
          { type: "TextBlock" },
          { type: "Container", items: [{ type: "Image" }, { type: "Input.Text", placeholder: "no id" }] },
          { type: "Input.ChoiceSet", id: "pick", choices: [{ title: "A" }] },
          { type: "FactSet", facts: [{ value: "v" }] },
          { text: "no type" },
        ],
        actions: [{ type: "Action.OpenUrl", title: "Open" }, { type: "Action.ShowCard" }],
      }),
    );
    expect(problems).toStrictEqual([
      { path: "$.body[0]", message: 'missing required field "text"' },
      { path: "$.body[1].items[0]", message: 'missing required field "url"' },
      { path: "$.body[1].items[1]", message: 'missing required field "id"' },
      { path: "$.body[2].choices[0]", message: 'missing required field "value"' },
      { path: "$.body[3].facts[0]", message: 'missing required field "title"' },
      { path: "$.body[4]", message: 'missing required field "type"' },
      { path: "$.actions[0]", message: 'missing required field "url"' },
      { path: "$.actions[1]", message: 'missing required field "card"' },
    ]);
  });

  it("reports duplicate ids anywhere in the card, ShowCard cards included", () => {
    const problems = validateCard(
      card({
        body: [
          { type: "Input.Text", id: "choice" },
          {
            type: "ColumnSet",
            columns: [{ type: "Column", items: [{ type: "Input.Toggle", id: "choice", title: "t" }] }],
          },
        ],
        actions: [
          { type: "Action.ShowCard", card: { type: "AdaptiveCard", body: [{ type: "Input.Date", id: "choice" }] } },
        ],
      }),
    );
    expect(problems).toStrictEqual([
      { path: "$.body[1].columns[0].items[0].id", message: 'duplicate id "choice" (first used at $.body[0].id)' },
      { path: "$.actions[0].card.body[0].id", message: 'duplicate id "choice" (first used at $.body[0].id)' },
    ]);
  });

  it("reports features newer than the version the card declares", () => {
    const problems = validateCard(
      card({
        version: "1.1",
        body: [
          { type: "RichTextBlock", inlines: ["a"] },
          { type: "Input.Text", id: "name", label: "Name", isRequired: true },
          { type: "Container", items: [], style: "good", minHeight: "50px" },
        ],
        actions: [
          { type: "Action.Submit", style: "positive" },
          { type: "Action.ToggleVisibility", targetElements: [] },
        ],
      }),
    );
    expect(problems).toStrictEqual([
      { path: "$.body[0].type", message: "RichTextBlock needs schema 1.2; the card declares 1.1" },
      { path: "$.body[1].label", message: '"label" on Input.Text needs schema 1.3; the card declares 1.1' },
      { path: "$.body[1].isRequired", message: '"isRequired" on Input.Text needs schema 1.3; the card declares 1.1' },
      { path: "$.body[2].style", message: 'style "good" on Container needs schema 1.2; the card declares 1.1' },
      { path: "$.body[2].minHeight", message: '"minHeight" on Container needs schema 1.2; the card declares 1.1' },
      { path: "$.actions[0].style", message: '"style" on Action.Submit needs schema 1.2; the card declares 1.1' },
      { path: "$.actions[1].type", message: "Action.ToggleVisibility needs schema 1.2; the card declares 1.1" },
    ]);
  });

  it("reports a version newer than Webex renders, or one that is not a version", () => {
    expect(validateCard(card({ version: "1.5" }))).toStrictEqual([
      { path: "$.version", message: "version 1.5 is newer than Webex supports (1.3)" },
    ]);
    expect(validateCard(card({ version: 1.2 }))).toStrictEqual([
      { path: "$.version", message: 'version must be a string such as "1.3", got 1.2' },
    ]);
  });

  it("reports more actions than Webex shows, at the top level and in an ActionSet", () => {
    const six = Array.from({ length: 6 }, (_, i) => submit({ title: `Option ${i}` }));
    const problems = validateCard(card({ body: [{ type: "ActionSet", actions: six }], actions: six }));
    expect(problems).toStrictEqual([
      { path: "$.body[0].actions", message: "6 actions; Webex shows at most 5" },
      { path: "$.actions", message: "6 actions; Webex shows at most 5" },
    ]);
    expect(validateCard(card({ actions: six }), { maxActions: 6 })).toStrictEqual([]);
  });

  it("reports a card larger than Webex accepts", () => {
    const big = adaptiveCard({ body: [textBlock("x".repeat(WEBEX_MAX_CARD_BYTES))] });
    const problems = validateCard(big);
    expect(problems).toHaveLength(1);
    expect(problems[0]?.path).toBe("$");
    expect(problems[0]?.message).toMatch(/^the card is \d+ bytes of JSON; at most 80000 are accepted$/);
    expect(validateCard(adaptiveCard({ body: [textBlock("é".repeat(60))] }), { maxBytes: 100 })).toHaveLength(1);
  });

  it("reports option values that are not in the schema", () => {
    const problems = validateCard(
      card({
        body: [
          { type: "TextBlock", text: "a", size: "huge", spacing: "lots" },
          { type: "Image", url: "https://example.com/a.png", style: "round" },
          { type: "Input.Text", id: "t", style: "password" },
        ],
      }),
    );
    expect(problems.map((p) => p.path)).toStrictEqual([
      "$.body[0].spacing",
      "$.body[0].size",
      "$.body[1].style",
      "$.body[2].style",
    ]);
    expect(problems[1]?.message).toBe('"huge" is not one of default, small, medium, large, extraLarge');
  });

  it("reports a ShowCard used as a selectAction and a toggle target that does not exist", () => {
    const problems = validateCard(
      card({
        body: [
          { type: "Container", items: [], selectAction: { type: "Action.ShowCard", card: { type: "AdaptiveCard" } } },
        ],
        actions: [{ type: "Action.ToggleVisibility", targetElements: ["missing"] }],
      }),
    );
    expect(problems).toStrictEqual([
      { path: "$.body[0].selectAction.type", message: "Action.ShowCard cannot be used here (only as a button)" },
      { path: "$.actions[0].targetElements[0]", message: 'no element has the id "missing"' },
    ]);
  });

  it("treats a card without a version as the 1.3 it will be sent as", () => {
    const literal: AdaptiveCardJson = {
      type: "AdaptiveCard",
      body: [{ type: "Input.Text", id: "a", isRequired: true, label: "A" }],
      actions: [openUrl({ url: "https://example.com" })],
    };
    expect(validateCard(literal)).toStrictEqual([]);
  });
});

describe("assertValidCard", () => {
  it("throws a ValidationError for the attachments argument listing every problem", () => {
    const bad = card({
      body: [{ type: "TextBlock" }, { type: "Input.Text", id: "a" }, { type: "Input.Text", id: "a" }],
    });
    let error: unknown;
    try {
      assertValidCard(bad);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ValidationError);
    const validation = error as ValidationError;
    expect(validation.argument).toBe("attachments");
    expect(validation.problems).toStrictEqual([
      { path: "$.body[0]", message: 'missing required field "text"' },
      { path: "$.body[2].id", message: 'duplicate id "a" (first used at $.body[1].id)' },
    ]);
    expect(validation.message).toBe(
      'invalid adaptive card (2 problems): $.body[0]: missing required field "text"; $.body[2].id: duplicate id "a" (first used at $.body[1].id)',
    );
  });

  it("returns quietly for a valid card", () => {
    expect(() => assertValidCard(adaptiveCard({ body: [textBlock("ok")] }))).not.toThrow();
  });
});
