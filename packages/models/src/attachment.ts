/** Content type of an Adaptive Card attachment. */
export const AdaptiveCardContentType = "application/vnd.microsoft.card.adaptive";
export type AdaptiveCardContentType = typeof AdaptiveCardContentType;

/** A content attachment of a message, such as an Adaptive Card. */
export interface Attachment {
  /** The attachment's content type, e.g. `application/vnd.microsoft.card.adaptive`. */
  contentType: string;
  /** The attachment itself, e.g. the Adaptive Card JSON. */
  content: Record<string, unknown>;
}
