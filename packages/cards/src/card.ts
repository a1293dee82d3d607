import type { Action } from "./actions.js";
import type { BackgroundImage, SelectAction } from "./elements/common.js";
import type { Element } from "./elements/element.js";
import type { VerticalContentAlignment } from "./enums.js";
import type { Exact } from "./exact.js";

/** The newest schema Webex renders, and the version a card gets when it declares none. */
export const DEFAULT_CARD_VERSION = "1.3";
export const ADAPTIVE_CARD_SCHEMA = "http://adaptivecards.io/schemas/adaptive-card.json";

/** An Adaptive Card as JSON: what builders return and what plain object literals are typed as. */
export interface AdaptiveCardJson {
  type: "AdaptiveCard";
  /** Default "1.3". Needed on the top-level card; optional on a ShowCard's card. */
  version?: string;
  $schema?: string;
  body?: readonly Element[];
  actions?: readonly Action[];
  /** Schema 1.1. */
  selectAction?: SelectAction;
  fallbackText?: string;
  lang?: string;
  speak?: string;
  backgroundImage?: BackgroundImage;
  /** Schema 1.2: pixels such as "200px". */
  minHeight?: string;
  /** Schema 1.1. */
  verticalContentAlignment?: VerticalContentAlignment;
  rtl?: boolean;
}

/** Python SDK name for the same thing. */
export type AdaptiveCard = AdaptiveCardJson;

/** @inline */
type CardProps = Omit<AdaptiveCardJson, "type">;
/** @inline */
type CardDefaults = { type: "AdaptiveCard"; version: string; $schema: string };

/**
 * `adaptiveCard({ body: [...], actions: [...] })`: the card with `version` "1.3" and `$schema` set
 * (pass `version` to declare another). Literal types are kept, so `SubmittedInputs<typeof card>` works.
 */
export function adaptiveCard<const P extends CardProps>(props: Exact<P, CardProps>): CardDefaults & P {
  return { type: "AdaptiveCard", $schema: ADAPTIVE_CARD_SCHEMA, version: DEFAULT_CARD_VERSION, ...(props as P) };
}

/** A card from a builder or a plain `{ type: "AdaptiveCard" }` object. */
export function isAdaptiveCard(value: unknown): value is AdaptiveCardJson {
  return typeof value === "object" && value !== null && (value as { type?: unknown }).type === "AdaptiveCard";
}

/**
 * The card as the JSON Webex receives: `version` and `$schema` filled in when absent, and fields
 * set to `undefined` left out (as `JSON.stringify` would). The input is not modified.
 */
export function cardToJson<const C extends AdaptiveCardJson>(card: C): CardDefaults & C {
  const json = withoutUndefined(card) as C;
  return { $schema: ADAPTIVE_CARD_SCHEMA, version: DEFAULT_CARD_VERSION, ...json };
}

function withoutUndefined(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutUndefined);
  if (typeof value !== "object" || value === null) return value;
  const out: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(value)) {
    if (field !== undefined) out[key] = withoutUndefined(field);
  }
  return out;
}
