import {
  type CallOptions,
  type Extra,
  isPlainObject,
  Resource,
  requireString,
  type Session,
  ValidationError,
} from "@wx/core";
import type { AttachmentAction, AttachmentActionType } from "@wx/models";

export interface AttachmentActionCreateFields {
  type: AttachmentActionType;
  /** The message carrying the card. */
  messageId: string;
  /** The card's input values, by input id. */
  inputs: Record<string, unknown>;
  /** Fields the SDK does not model yet, sent as they are; a known one cannot go here (see `Extra`). */
  extra?: Extra<AttachmentActionCreateFields>;
}

/** Card actions: `POST /attachment/actions`, `GET /attachment/actions/{id}`. */
export class AttachmentActionsApi {
  readonly #actions: Resource<AttachmentAction>;

  constructor(session: Session) {
    this.#actions = new Resource<AttachmentAction>(session, "attachment/actions", "attachmentAction", "id");
  }

  /** Submits a card as the caller. */
  async create(fields: AttachmentActionCreateFields, options?: CallOptions): Promise<AttachmentAction> {
    requireString("type", fields?.type);
    requireString("messageId", fields.messageId);
    if (!isPlainObject(fields.inputs)) {
      throw new ValidationError("inputs is required and must be an object", { argument: "inputs" });
    }
    // The spec documents 202; the live service (and the Python SDK's live tests) answer 200.
    return this.#actions.create(fields, options, [200, 202]);
  }

  /** An action with its `inputs` (webhook deliveries leave them out). */
  async get(id: string, options?: CallOptions): Promise<AttachmentAction> {
    return this.#actions.get(id, options);
  }
}
