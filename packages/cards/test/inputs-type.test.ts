import { describe, expect, expectTypeOf, it } from "vitest";
import {
  type AdaptiveCardJson,
  actionSet,
  adaptiveCard,
  choice,
  column,
  columnSet,
  container,
  inputChoiceSet,
  inputDate,
  inputNumber,
  inputsOf,
  inputText,
  inputTime,
  inputToggle,
  type SubmittedInputs,
  showCard,
  submit,
  textBlock,
} from "../src/index.js";

const poll = adaptiveCard({
  body: [
    textBlock("Lunch poll"),
    inputText({ id: "name", isRequired: true, label: "Name" }),
    inputNumber({ id: "guests", label: "Guests" }),
    container({
      items: [
        inputDate({ id: "day", isRequired: true }),
        columnSet({ columns: [column({ items: [inputTime({ id: "time" })] })] }),
      ],
    }),
    inputToggle({ id: "veggie", title: "Vegetarian" }),
    inputToggle({ id: "rsvp", title: "Coming", valueOn: "yes", valueOff: "no", isRequired: true }),
    inputChoiceSet({ id: "dish", choices: [choice("Pizza", "pizza"), choice("Salad", "salad")], isRequired: true }),
    inputChoiceSet({ id: "extras", choices: [choice("Bread", "bread")], isMultiSelect: true }),
  ],
  actions: [
    submit({ title: "Vote", data: { action: "vote", pollId: 7 } }),
    showCard({ title: "Comment", card: { type: "AdaptiveCard", body: [inputText({ id: "comment" })] } }),
  ],
});

describe("SubmittedInputs", () => {
  it("types each input by its id, value and isRequired, plus the Submit data", () => {
    expectTypeOf<SubmittedInputs<typeof poll>>().toEqualTypeOf<{
      name: string;
      guests?: string;
      day: string;
      time?: string;
      veggie?: "true" | "false";
      rsvp: "yes" | "no";
      dish: "pizza" | "salad";
      extras?: string;
      comment?: string;
      action: "vote";
      pollId: 7;
    }>();
  });

  it("works for a plain object literal written as const", () => {
    const card = {
      type: "AdaptiveCard",
      body: [
        {
          type: "Input.ChoiceSet",
          id: "vote",
          isRequired: true,
          choices: [
            { title: "Yes", value: "y" },
            { title: "No", value: "n" },
          ],
        },
        { type: "ActionSet", actions: [{ type: "Action.Submit", data: { kind: "poll" } }] },
      ],
    } as const satisfies AdaptiveCardJson;
    expectTypeOf<SubmittedInputs<typeof card>>().toEqualTypeOf<{ vote: "y" | "n"; kind: "poll" }>();
  });

  it("is a union when Submit actions carry different data", () => {
    const card = adaptiveCard({
      body: [inputText({ id: "q", isRequired: true }), actionSet({ actions: [submit({ data: { answer: "no" } })] })],
      actions: [submit({ data: { answer: "yes" } })],
    });
    expectTypeOf<SubmittedInputs<typeof card>>().toEqualTypeOf<
      { q: string; answer: "yes" } | { q: string; answer: "no" }
    >();
  });

  // Checked by `tsc` (the typecheck task): an unused @ts-expect-error is itself an error.
  it("rejects misspelt properties and missing ids at compile time", () => {
    // @ts-expect-error `placehodler` is not an Input.Text property
    inputText({ id: "a", placehodler: "x" });
    // @ts-expect-error an input needs an id
    inputNumber({ placeholder: "x" });
    // @ts-expect-error BlockElementHeight has no "tall"
    textBlock("a", { height: "tall" });
    expectTypeOf(textBlock("a", { height: "stretch" })).toHaveProperty("height");
  });
});

describe("inputsOf", () => {
  it("returns an attachment action's inputs as Webex sent them, typed by the card", () => {
    const action = {
      id: "A1",
      messageId: "M1",
      inputs: { name: "Ada", day: "2026-11-28", rsvp: "yes", dish: "pizza", guests: "3", action: "vote", pollId: 7 },
    };
    const inputs = inputsOf(poll, action);
    expectTypeOf(inputs.rsvp).toEqualTypeOf<"yes" | "no">();
    expectTypeOf(inputs.guests).toEqualTypeOf<string | undefined>();
    expect(inputs.rsvp).toBe("yes");
    expect(inputs.guests).toBe("3");
    expect(inputs.pollId).toBe(7);
  });

  it("takes the AttachmentAction model as fetched (inputs optional there), and refuses one without inputs", () => {
    // the shape of @wx/models' AttachmentAction, where inputs are optional
    const fetched: { id: string; inputs?: Record<string, unknown> } = { id: "A1", inputs: { rsvp: "no" } };
    expect(inputsOf(poll, fetched).rsvp).toBe("no");
    expect(() => inputsOf(poll, { ...fetched, inputs: undefined })).toThrow(/has no inputs/);
  });
});
