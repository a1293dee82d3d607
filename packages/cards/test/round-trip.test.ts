import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import {
  type Action,
  type AdaptiveCardJson,
  actionSet,
  adaptiveCard,
  cardToJson,
  choice,
  column,
  columnSet,
  container,
  type Element,
  fact,
  factSet,
  image,
  imageSet,
  inputChoiceSet,
  inputDate,
  inputNumber,
  inputText,
  inputTime,
  inputToggle,
  media,
  mediaSource,
  openUrl,
  richTextBlock,
  showCard,
  submit,
  textBlock,
  textRun,
  toggleVisibility,
  validateCard,
} from "../src/index.js";

interface ParsedCard {
  parse(json: unknown, context: unknown): void;
  toJSON(): unknown;
}
interface AdaptiveCardsModule {
  AdaptiveCard: new () => ParsedCard;
  SerializationContext: new () => { eventCount: number; getEventAt(i: number): { message: string } };
}
const AC = createRequire(import.meta.url)("adaptivecards/dist/adaptivecards.js") as AdaptiveCardsModule;

/**
 * The library re-serialises in its own style: enum values capitalised ("ExtraLarge"), default values
 * left out, a backgroundImage URL as `{ url }`, and no `fallback`. This brings both sides to one style,
 * so what remains compared is whether every field we emit was understood.
 */
function normalise(value: unknown, key = ""): unknown {
  if (typeof value === "string") {
    if (key === "backgroundImage") return { url: value };
    return value.charAt(0).toLowerCase() + value.slice(1);
  }
  if (Array.isArray(value)) return value.map((item) => normalise(item));
  if (typeof value !== "object" || value === null) return value;
  const out: Record<string, unknown> = {};
  for (const [field, item] of Object.entries(value)) {
    const isDefault =
      item === "default" ||
      (field === "isVisible" && item === true) ||
      (field === "isMultiline" && item === false) ||
      (field === "imageSize" && item === "medium");
    if (!isDefault && field !== "fallback") out[field] = normalise(item, field);
  }
  return out;
}

/** Parses the card with the official library: its warnings and its own re-serialisation. */
function roundTrip(card: AdaptiveCardJson): { warnings: string[]; json: unknown } {
  const context = new AC.SerializationContext();
  const parsed = new AC.AdaptiveCard();
  parsed.parse(JSON.parse(JSON.stringify(cardToJson(card))), context);
  const warnings = Array.from({ length: context.eventCount }, (_, i) => context.getEventAt(i).message);
  return { warnings, json: normalise(parsed.toJSON()) };
}

const url = "https://example.com/picture.png";

const elements: Record<string, Element> = {
  TextBlock: textBlock("Hello", {
    color: "accent",
    fontType: "monospace",
    horizontalAlignment: "center",
    isSubtle: true,
    maxLines: 2,
    size: "extraLarge",
    weight: "bolder",
    wrap: true,
    spacing: "large",
    separator: true,
    id: "hello",
    isVisible: true,
  }),
  Image: image(url, {
    altText: "a picture",
    backgroundColor: "#DDDDDD",
    height: "50px",
    width: "60px",
    horizontalAlignment: "right",
    selectAction: openUrl({ url: "https://example.com" }),
    size: "small",
    style: "person",
  }),
  Media: media({ sources: [mediaSource("video/mp4", "https://example.com/v.mp4")], poster: url, altText: "video" }),
  RichTextBlock: richTextBlock({
    inlines: [
      textRun("plain"),
      textRun("rich", { italic: true, strikethrough: true, highlight: true, underline: true }),
    ],
    horizontalAlignment: "left",
  }),
  Container: container({
    items: [textBlock("inside")],
    style: "emphasis",
    verticalContentAlignment: "center",
    bleed: true,
    minHeight: "80px",
    rtl: true,
    backgroundImage: { url, fillMode: "repeat", horizontalAlignment: "center", verticalAlignment: "bottom" },
    selectAction: submit({ data: { clicked: "container" } }),
    height: "stretch",
  }),
  ColumnSet: columnSet({
    columns: [
      column({ width: "auto", items: [textBlock("left")], verticalContentAlignment: "top" }),
      column({ width: 2, items: [textBlock("right")], style: "good", backgroundImage: url, minHeight: "40px" }),
    ],
    style: "accent",
    horizontalAlignment: "center",
  }),
  FactSet: factSet({ facts: [fact("Owner", "Ada"), fact("Status", "Open")] }),
  ImageSet: imageSet({ images: [image(url), image(url, { altText: "again" })], imageSize: "medium" }),
  ActionSet: actionSet({ actions: [submit({ title: "Go", style: "positive" })], horizontalAlignment: "right" }),
  "Input.Text": inputText({
    id: "name",
    label: "Name",
    isRequired: true,
    errorMessage: "Please give a name",
    regex: "^[a-z]+$",
    placeholder: "your name",
    maxLength: 20,
    isMultiline: false,
    style: "email",
    value: "ada",
    inlineAction: submit({ title: "Send" }),
  }),
  "Input.Number": inputNumber({ id: "age", min: 0, max: 120, value: 30, placeholder: "age", label: "Age" }),
  "Input.Date": inputDate({ id: "day", min: "2020-01-01", max: "2030-12-31", value: "2026-11-28" }),
  "Input.Time": inputTime({ id: "time", min: "09:00", max: "17:00", value: "12:30" }),
  "Input.Toggle": inputToggle({
    id: "agree",
    title: "I agree",
    valueOn: "yes",
    valueOff: "no",
    value: "no",
    wrap: true,
  }),
  "Input.ChoiceSet": inputChoiceSet({
    id: "lunch",
    choices: [choice("Pizza", "pizza"), choice("Salad", "salad")],
    isMultiSelect: true,
    style: "expanded",
    value: "pizza",
    wrap: true,
    label: "Lunch",
  }),
  "fallback (element)": textBlock("new", { fallback: textBlock("old") }),
  "fallback (drop)": textBlock("new", { fallback: "drop" }),
};

const actions: Record<string, Action> = {
  "Action.OpenUrl": openUrl({ url: "https://example.com", title: "Open", iconUrl: url, style: "default" }),
  "Action.Submit": submit({ title: "Send", data: { kind: "vote", n: 1 }, style: "destructive", id: "send" }),
  "Action.ShowCard": showCard({
    title: "More",
    card: { type: "AdaptiveCard", body: [inputText({ id: "comment" })], actions: [submit({ title: "Comment" })] },
  }),
  "Action.ToggleVisibility": toggleVisibility({
    title: "Toggle",
    targetElements: ["target", { elementId: "other", isVisible: false }],
  }),
};

describe("every element round-trips through the official adaptivecards parser", () => {
  for (const [name, element] of Object.entries(elements)) {
    it(name, () => {
      const card = adaptiveCard({ body: [element] });
      expect(validateCard(card)).toStrictEqual([]);
      const { warnings, json } = roundTrip(card);
      expect(warnings).toStrictEqual([]);
      expect(json).toMatchObject(normalise(JSON.parse(JSON.stringify(cardToJson(card)))) as object);
    });
  }
});

describe("every action round-trips through the official adaptivecards parser", () => {
  for (const [name, action] of Object.entries(actions)) {
    it(name, () => {
      const card = adaptiveCard({
        body: [textBlock("target", { id: "target" }), textBlock("other", { id: "other" })],
        actions: [action],
      });
      expect(validateCard(card)).toStrictEqual([]);
      const { warnings, json } = roundTrip(card);
      expect(warnings).toStrictEqual([]);
      expect(json).toMatchObject(normalise(JSON.parse(JSON.stringify(cardToJson(card)))) as object);
    });
  }
});

it("a card with selectAction, minHeight, backgroundImage, rtl and fallbackText round-trips", () => {
  const card = adaptiveCard({
    body: [textBlock("hello")],
    selectAction: openUrl({ url: "https://example.com" }),
    minHeight: "200px",
    backgroundImage: url,
    rtl: false,
    fallbackText: "hello",
    lang: "en",
    speak: "hello",
    verticalContentAlignment: "bottom",
  });
  expect(validateCard(card)).toStrictEqual([]);
  const { warnings, json } = roundTrip(card);
  expect(warnings).toStrictEqual([]);
  expect(json).toMatchObject(normalise(JSON.parse(JSON.stringify(cardToJson(card)))) as object);
});
