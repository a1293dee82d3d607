import type { EventResource, EventType } from "./enums.js";
import type { Extensible } from "./extensible.js";

/** A compliance event (`GET /events`). */
export interface Event extends Extensible {
  /** The unique identifier for the event. */
  id: string;
  /** The type of resource in the event. */
  resource: EventResource;
  /** The action which took place in the event. */
  type: EventType;
  /** The ID of the application for the event. */
  appId?: string;
  /** The ID of the person who performed the action. */
  actorId: string;
  /** The ID of the organization for the event. */
  orgId: string;
  /** The date and time of the event. */
  created: string;
  /** The event's data: the resource's JSON (a message's `text` included). */
  data: Record<string, unknown>;
}
