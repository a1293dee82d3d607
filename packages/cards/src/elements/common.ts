import type { Action } from "../actions.js";
import type {
  BlockElementHeight,
  HorizontalAlignment,
  ImageFillMode,
  Spacing,
  VerticalContentAlignment,
} from "../enums.js";
import type { Element } from "./element.js";

/** Fields every body element has. */
export interface ElementBase {
  id?: string;
  spacing?: Spacing;
  separator?: boolean;
  height?: BlockElementHeight;
  /** Schema 1.2. */
  isVisible?: boolean;
  /** Schema 1.2: host features this element needs, e.g. `{ "adaptiveCards": "1.2" }`. */
  requires?: Readonly<Record<string, string>>;
  /** Schema 1.2: what to render where this element is unsupported; "drop" removes it. */
  fallback?: Element | "drop";
}

/** Schema 1.2 as an object; a plain URL string on the card itself works from 1.0. */
export interface BackgroundImageObject {
  url: string;
  fillMode?: ImageFillMode;
  horizontalAlignment?: HorizontalAlignment;
  verticalAlignment?: VerticalContentAlignment;
}
export type BackgroundImage = string | BackgroundImageObject;

/** Actions allowed as `selectAction`: any action but ShowCard. */
export type SelectAction = Exclude<Action, { type: "Action.ShowCard" }>;
