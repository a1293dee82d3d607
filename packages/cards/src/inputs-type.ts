import type { AdaptiveCardJson } from "./card.js";

// Type-level walk of a card definition: which inputs it holds, what value each submits, and the
// `data` of its Submit actions. Webex clients submit every input value as a string (the Adaptive
// Cards renderer stringifies numbers and toggles), so Input.Number arrives as e.g. "42".

type ListOf<T> = T extends readonly (infer Item)[] ? Item : never;

/** Inputs inside an element, through Containers, ColumnSets and Columns. */
type InputsIn<E> = E extends { type: `Input.${string}`; id: string }
  ? E
  : E extends { type: "Container"; items: infer Items }
    ? InputsIn<ListOf<Items>>
    : E extends { type: "ColumnSet"; columns: infer Columns }
      ? ListOf<Columns> extends infer Column
        ? Column extends { items: infer Items }
          ? InputsIn<ListOf<Items>>
          : never
        : never
      : never;

/** Actions reachable in a card's body (ActionSets) and `actions`, not inside ShowCards. */
type ActionsIn<E> = E extends { type: "ActionSet"; actions: infer Actions }
  ? ListOf<Actions>
  : E extends { type: "Container"; items: infer Items }
    ? ActionsIn<ListOf<Items>>
    : E extends { type: "ColumnSet"; columns: infer Columns }
      ? ListOf<Columns> extends infer Column
        ? Column extends { items: infer Items }
          ? ActionsIn<ListOf<Items>>
          : never
        : never
      : never;

type BodyOf<C> = C extends { body: infer Body } ? ListOf<Body> : never;
type CardActions<C> = (C extends { actions: infer Actions } ? ListOf<Actions> : never) | ActionsIn<BodyOf<C>>;
type ShowCardsOf<C> = Extract<CardActions<C>, { type: "Action.ShowCard" }> extends { card: infer Sub } ? Sub : never;

/** Inputs of the card itself (required ones stay required) and of its ShowCards (always optional). */
type CardInputs<C> = InputsIn<BodyOf<C>>;
type ShowCardInputs<C, Depth extends unknown[] = []> = Depth["length"] extends 4
  ? never
  : ShowCardsOf<C> extends infer Sub
    ? Sub extends unknown
      ? CardInputs<Sub> | ShowCardInputs<Sub, [...Depth, unknown]>
      : never
    : never;
type SubmitsOf<C, Depth extends unknown[] = []> = Depth["length"] extends 4
  ? never
  :
      | Extract<CardActions<C>, { type: "Action.Submit" }>
      | (ShowCardsOf<C> extends infer Sub
          ? Sub extends unknown
            ? SubmitsOf<Sub, [...Depth, unknown]>
            : never
          : never);

type ToggleValue<E> =
  | (E extends { valueOn: infer On extends string } ? On : "true")
  | (E extends { valueOff: infer Off extends string } ? Off : "false");
type ChoiceValue<E> = E extends { isMultiSelect: true }
  ? string
  : E extends { choices: infer Choices }
    ? ListOf<Choices> extends { value: infer V extends string }
      ? V
      : string
    : string;

/** The value one input submits. */
export type InputValue<E> = E extends { type: "Input.Toggle" }
  ? ToggleValue<E>
  : E extends { type: "Input.ChoiceSet" }
    ? ChoiceValue<E>
    : string;

type RequiredInputs<I> = {
  [E in I as E extends { isRequired: true; id: infer Id extends string } ? Id : never]: InputValue<E>;
};
type OptionalInputs<I> = {
  [E in I as E extends { isRequired: true }
    ? never
    : E extends { id: infer Id extends string }
      ? Id
      : never]?: InputValue<E>;
};
type ShowCardOptional<I> = { [E in I as E extends { id: infer Id extends string } ? Id : never]?: InputValue<E> };

type SubmitData<C> =
  SubmitsOf<C> extends infer S
    ? S extends { data: infer D extends Readonly<Record<string, unknown>> }
      ? { -readonly [K in keyof D]: D[K] }
      : never
    : never;

type Simplify<T> = { [K in keyof T]: T[K] } & {};

/**
 * The `inputs` of the attachment action a card's Submit produces: every input id with the type of
 * value it submits (a string; a Toggle's valueOn/valueOff; a ChoiceSet's choice values, comma-joined
 * when `isMultiSelect`), required when `isRequired: true`, optional otherwise and inside ShowCards,
 * plus the fields of the Submit actions' `data` objects. Needs the card's literal types: build it
 * with the builders or write it `as const satisfies AdaptiveCardJson`.
 */
export type SubmittedInputs<C extends AdaptiveCardJson> = Simplify<
  RequiredInputs<CardInputs<C>> &
    OptionalInputs<CardInputs<C>> &
    ShowCardOptional<ShowCardInputs<C>> &
    ([SubmitData<C>] extends [never] ? unknown : SubmitData<C>)
>;

/**
 * Types an attachment action's `inputs` by the card that produced it:
 * `const inputs = inputsOf(card, await wx.attachmentActions.get(id))`. Only the type changes: the
 * values are those Webex sent. An action without `inputs` (the model marks them optional) is a TypeError.
 */
export function inputsOf<const C extends AdaptiveCardJson>(
  _card: C,
  action: { inputs?: Readonly<Record<string, unknown>> | undefined },
): SubmittedInputs<C> {
  if (!action?.inputs || typeof action.inputs !== "object") {
    throw new TypeError("inputsOf: the attachment action has no inputs");
  }
  return action.inputs as SubmittedInputs<C>;
}
