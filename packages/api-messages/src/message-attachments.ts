import { ADAPTIVE_CARD_CONTENT_TYPE, assertValidCard, isAdaptiveCard, toAttachment } from "@wx/cards";
import { isPlainObject, ValidationError } from "@wx/core";
import type { Attachment } from "@wx/models";

/**
 * `attachments` as the API takes them: at most one, Adaptive Cards wrapped, every card validated
 * (also one already inside `{ contentType, content }`; a `ValidationError` lists every problem).
 * `undefined` when there is none.
 */
export function toAttachments(attachments: unknown): Attachment[] | undefined {
  if (attachments === undefined || attachments === null) return undefined;
  if (!Array.isArray(attachments)) {
    throw new ValidationError("attachments must be an array holding one card", { argument: "attachments" });
  }
  if (attachments.length === 0) return undefined;
  if (attachments.length > 1) {
    throw new ValidationError(`attachments takes one card per message, got ${attachments.length}`, {
      argument: "attachments",
    });
  }
  return [toApiAttachment(attachments[0])];
}

function toApiAttachment(item: unknown): Attachment {
  if (isAdaptiveCard(item)) {
    const { contentType, content } = toAttachment(item);
    return { contentType, content: { ...content } };
  }
  if (isPlainObject(item) && typeof item.contentType === "string" && isPlainObject(item.content)) {
    if (item.contentType === ADAPTIVE_CARD_CONTENT_TYPE) assertValidCard(item.content);
    return { contentType: item.contentType, content: item.content };
  }
  throw new ValidationError("attachments[0] must be an Adaptive Card or { contentType, content }", {
    argument: "attachments",
  });
}
