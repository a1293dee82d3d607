import type { AdaptiveCardJson } from "./card.js";
import type { ActionStyle } from "./enums.js";
import type { Exact, PropsOf } from "./exact.js";

/** Fields every action has. */
export interface ActionBase {
  title?: string;
  /** Schema 1.1. (The Python SDK wrote `iconURL`; the schema's name is `iconUrl`.) */
  iconUrl?: string;
  id?: string;
  /** Schema 1.2. */
  style?: ActionStyle;
  /** Schema 1.2. */
  fallback?: Action | "drop";
  /** Schema 1.2. */
  requires?: Readonly<Record<string, string>>;
}

export interface ActionOpenUrl extends ActionBase {
  type: "Action.OpenUrl";
  url: string;
}

export interface ActionSubmit extends ActionBase {
  type: "Action.Submit";
  /** Merged into the submitted `inputs` (an object's fields keep their JSON types). */
  data?: string | Readonly<Record<string, unknown>>;
  /** Schema 1.3: "none" submits no input values. */
  associatedInputs?: "auto" | "none";
}

export interface ActionShowCard extends ActionBase {
  type: "Action.ShowCard";
  card: AdaptiveCardJson;
}

export interface TargetElement {
  elementId: string;
  isVisible?: boolean;
}

/** Schema 1.2: shows or hides elements by id. */
export interface ActionToggleVisibility extends ActionBase {
  type: "Action.ToggleVisibility";
  targetElements: readonly (string | TargetElement)[];
}

export type Action = ActionOpenUrl | ActionSubmit | ActionShowCard | ActionToggleVisibility;

export function openUrl<const P extends PropsOf<ActionOpenUrl>>(
  props: Exact<P, PropsOf<ActionOpenUrl>>,
): { type: "Action.OpenUrl" } & P {
  return { type: "Action.OpenUrl", ...(props as P) };
}

export function submit<const P extends PropsOf<ActionSubmit> = Record<never, never>>(
  props?: Exact<P, PropsOf<ActionSubmit>>,
): { type: "Action.Submit" } & P {
  return { type: "Action.Submit", ...(props as P) };
}

export function showCard<const P extends PropsOf<ActionShowCard>>(
  props: Exact<P, PropsOf<ActionShowCard>>,
): { type: "Action.ShowCard" } & P {
  return { type: "Action.ShowCard", ...(props as P) };
}

export function toggleVisibility<const P extends PropsOf<ActionToggleVisibility>>(
  props: Exact<P, PropsOf<ActionToggleVisibility>>,
): { type: "Action.ToggleVisibility" } & P {
  return { type: "Action.ToggleVisibility", ...(props as P) };
}
