import type { Action } from "./actions.js";
import type { ElementBase } from "./elements/common.js";
import type { ChoiceInputStyle, TextInputStyle } from "./enums.js";
import type { Exact, PropsOf } from "./exact.js";

/** Fields every input has; `label`, `isRequired` and `errorMessage` are schema 1.3. */
export interface InputBase extends ElementBase {
  /** The key of this input's value in the submitted `inputs`. */
  id: string;
  label?: string;
  isRequired?: boolean;
  errorMessage?: string;
}

export interface InputText extends InputBase {
  type: "Input.Text";
  isMultiline?: boolean;
  maxLength?: number;
  placeholder?: string;
  style?: TextInputStyle;
  value?: string;
  /** Schema 1.2: a button next to the field (not ShowCard). */
  inlineAction?: Exclude<Action, { type: "Action.ShowCard" }>;
  /** Schema 1.3: the value must match this regular expression. */
  regex?: string;
}

export interface InputNumber extends InputBase {
  type: "Input.Number";
  max?: number;
  min?: number;
  placeholder?: string;
  value?: number;
}

export interface InputDate extends InputBase {
  type: "Input.Date";
  /** YYYY-MM-DD */
  max?: string;
  min?: string;
  placeholder?: string;
  value?: string;
}

export interface InputTime extends InputBase {
  type: "Input.Time";
  /** HH:MM */
  max?: string;
  min?: string;
  placeholder?: string;
  value?: string;
}

export interface InputToggle extends InputBase {
  type: "Input.Toggle";
  title: string;
  value?: string;
  /** Submitted when off; default "false". */
  valueOff?: string;
  /** Submitted when on; default "true". */
  valueOn?: string;
  /** Schema 1.2. */
  wrap?: boolean;
}

export interface Choice {
  title: string;
  value: string;
}

export interface InputChoiceSet extends InputBase {
  type: "Input.ChoiceSet";
  choices: readonly Choice[];
  /** Several choices may be picked; they are submitted comma-joined. */
  isMultiSelect?: boolean;
  style?: ChoiceInputStyle;
  /** The preselected value(s), comma-joined. */
  value?: string;
  placeholder?: string;
  /** Schema 1.2. */
  wrap?: boolean;
}

export type Input = InputText | InputNumber | InputDate | InputTime | InputToggle | InputChoiceSet;

export function inputText<const P extends PropsOf<InputText>>(
  props: Exact<P, PropsOf<InputText>>,
): { type: "Input.Text" } & P {
  return { type: "Input.Text", ...(props as P) };
}

export function inputNumber<const P extends PropsOf<InputNumber>>(
  props: Exact<P, PropsOf<InputNumber>>,
): { type: "Input.Number" } & P {
  return { type: "Input.Number", ...(props as P) };
}

export function inputDate<const P extends PropsOf<InputDate>>(
  props: Exact<P, PropsOf<InputDate>>,
): { type: "Input.Date" } & P {
  return { type: "Input.Date", ...(props as P) };
}

export function inputTime<const P extends PropsOf<InputTime>>(
  props: Exact<P, PropsOf<InputTime>>,
): { type: "Input.Time" } & P {
  return { type: "Input.Time", ...(props as P) };
}

export function inputToggle<const P extends PropsOf<InputToggle>>(
  props: Exact<P, PropsOf<InputToggle>>,
): { type: "Input.Toggle" } & P {
  return { type: "Input.Toggle", ...(props as P) };
}

export function inputChoiceSet<const P extends PropsOf<InputChoiceSet>>(
  props: Exact<P, PropsOf<InputChoiceSet>>,
): { type: "Input.ChoiceSet" } & P {
  return { type: "Input.ChoiceSet", ...(props as P) };
}

/** `choice("Pizza", "pizza")`; the value's literal type flows into the submitted inputs' type. */
export function choice<const V extends string>(title: string, value: V): { title: string; value: V } {
  return { title, value };
}
