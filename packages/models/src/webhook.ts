import type { WebhookEventType, WebhookOwnedBy, WebhookResource, WebhookStatus } from "./enums.js";
import type { Extensible } from "./extensible.js";

/** A webhook registration. */
export interface Webhook extends Extensible {
  /** A unique identifier for the webhook. */
  id: string;
  /** A user-friendly name for the webhook. */
  name: string;
  /** URL that receives POST requests for each event. */
  targetUrl: string;
  /** Resource type for the webhook. */
  resource: WebhookResource;
  /** Event type for the webhook. */
  event: WebhookEventType;
  /** Filter that defines the webhook scope, e.g. `roomId=…&personEmail=…`. */
  filter?: string;
  /** Secret used to generate the payload signature (`X-Spark-Signature`). */
  secret?: string;
  /** Status of the webhook; `inactive` after repeated delivery failures. */
  status: WebhookStatus;
  /** Date and time the webhook was created. */
  created: string;
  /** `org` for an org-wide webhook, else `creator`. */
  ownedBy?: WebhookOwnedBy;
  /** The ID of the organization of the webhook's creator. */
  orgId?: string;
  /** The ID of the person who created the webhook. */
  createdBy?: string;
  /** The ID of the application that created the webhook. */
  appId?: string;
}
