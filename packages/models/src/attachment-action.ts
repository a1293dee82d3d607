import type { AttachmentActionType } from "./enums.js";
import type { Extensible } from "./extensible.js";

/** A card action: a user submitted an Adaptive Card (`/attachment/actions`). */
export interface AttachmentAction extends Extensible {
  /** A unique identifier for the action. */
  id: string;
  /** The type of action performed. */
  type: AttachmentActionType;
  /** The parent message on which the attachment action was performed. */
  messageId: string;
  /** The ID of the person who performed the action. */
  personId: string;
  /** The ID of the room in which the action was performed. */
  roomId: string;
  /** The action's inputs (absent from webhook payloads; read them with `GET /attachment/actions/{id}`). */
  inputs?: Record<string, unknown>;
  /** The date and time the action was created. */
  created: string;
}
