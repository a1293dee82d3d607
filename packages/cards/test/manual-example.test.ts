import { describe, expect, it } from "vitest";
import {
  type AdaptiveCardJson,
  adaptiveCard,
  BlockElementHeight,
  cardToJson,
  container,
  image,
  inputNumber,
  inputText,
  openUrl,
  submit,
  textBlock,
} from "../src/index.js";

// Section 1.5.1 of the Python SDK manual:
//   greeting = TextBlock("Hey hello there! I am a adaptive card")
//   first_name = Text('first_name', placeholder="First Name")
//   age = Number('age', placeholder="Age")
//   submit = Submit(title="Send me!")
//   card = AdaptiveCard(body=[greeting, first_name, age], actions=[submit])
const expected = {
  type: "AdaptiveCard",
  $schema: "http://adaptivecards.io/schemas/adaptive-card.json",
  version: "1.3",
  body: [
    { type: "TextBlock", text: "Hey hello there! I am a adaptive card" },
    { type: "Input.Text", id: "first_name", placeholder: "First Name" },
    { type: "Input.Number", id: "age", placeholder: "Age" },
  ],
  actions: [{ type: "Action.Submit", title: "Send me!" }],
};

describe("the manual's example card", () => {
  it("serialises from builders to the expected JSON", () => {
    const card = adaptiveCard({
      body: [
        textBlock("Hey hello there! I am a adaptive card"),
        inputText({ id: "first_name", placeholder: "First Name" }),
        inputNumber({ id: "age", placeholder: "Age" }),
      ],
      actions: [submit({ title: "Send me!" })],
    });
    expect(JSON.parse(JSON.stringify(cardToJson(card)))).toStrictEqual(expected);
  });

  it("serialises from a plain object literal to the same JSON", () => {
    const card = {
      type: "AdaptiveCard",
      body: [
        { type: "TextBlock", text: "Hey hello there! I am a adaptive card" },
        { type: "Input.Text", id: "first_name", placeholder: "First Name" },
        { type: "Input.Number", id: "age", placeholder: "Age" },
      ],
      actions: [{ type: "Action.Submit", title: "Send me!" }],
    } as const satisfies AdaptiveCardJson;
    expect(JSON.parse(JSON.stringify(cardToJson(card)))).toStrictEqual(expected);
  });
});

describe("serialisation does not repeat the Python SDK's bugs", () => {
  it("keeps the url of an OpenUrl action", () => {
    expect(openUrl({ url: "https://example.com", title: "Open" })).toStrictEqual({
      type: "Action.OpenUrl",
      url: "https://example.com",
      title: "Open",
    });
  });

  it("writes BlockElementHeight.STRETCH as stretch", () => {
    expect(container({ items: [], height: BlockElementHeight.STRETCH }).height).toBe("stretch");
  });

  it("serialises a selectAction on an image as a nested action object", () => {
    const json = JSON.parse(
      JSON.stringify(image("https://example.com/a.png", { selectAction: submit({ data: { x: 1 } }) })),
    );
    expect(json).toStrictEqual({
      type: "Image",
      url: "https://example.com/a.png",
      selectAction: { type: "Action.Submit", data: { x: 1 } },
    });
  });

  it("leaves out fields that were not set, including ones set to undefined", () => {
    const json = cardToJson({ type: "AdaptiveCard", body: [{ type: "TextBlock", text: "a", wrap: undefined }] });
    expect(json.body).toStrictEqual([{ type: "TextBlock", text: "a" }]);
  });

  it("keeps a declared version and does not modify the card it is given", () => {
    const card: AdaptiveCardJson = { type: "AdaptiveCard", version: "1.2" };
    expect(cardToJson(card)).toStrictEqual({
      type: "AdaptiveCard",
      version: "1.2",
      $schema: "http://adaptivecards.io/schemas/adaptive-card.json",
    });
    expect(card).toStrictEqual({ type: "AdaptiveCard", version: "1.2" });
  });
});
