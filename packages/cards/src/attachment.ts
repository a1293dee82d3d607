import { type AdaptiveCardJson, cardToJson } from "./card.js";
import { assertValidCard, type ValidateOptions } from "./validate.js";

export const ADAPTIVE_CARD_CONTENT_TYPE = "application/vnd.microsoft.card.adaptive";

export interface CardAttachment<C extends AdaptiveCardJson = AdaptiveCardJson> {
  contentType: typeof ADAPTIVE_CARD_CONTENT_TYPE;
  content: C;
}

/**
 * The card as a message attachment, `{ contentType, content }`, ready for `messages.create({ attachments })`.
 * Throws a `ValidationError` listing every problem if the card is invalid.
 */
export function toAttachment<const C extends AdaptiveCardJson>(card: C, options?: ValidateOptions): CardAttachment<C> {
  const content = cardToJson(card);
  assertValidCard(content, options);
  return { contentType: ADAPTIVE_CARD_CONTENT_TYPE, content };
}
