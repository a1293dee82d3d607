import type { Extensible } from "./extensible.js";

/** Descriptive fields of an admin audit event. */
export interface AdminAuditEventData extends Extensible {
  /** The display name of the organization. */
  actorOrgName?: string;
  /** The name of the resource being acted upon. */
  targetName?: string;
  /** A description for the event. */
  eventDescription?: string;
  /** The name of the person who performed the action. */
  actorName?: string;
  /** The email of the person who performed the action. */
  actorEmail?: string;
  /** Admin roles for the person (e.g. `User`, `Full_Admin`, `id_full_admin`). */
  adminRoles?: string[];
  /** A tracking identifier for the event. */
  trackingId?: string;
  /** The type of resource changed by the event. */
  targetType?: string;
  /** The identifier for the resource changed by the event. */
  targetId?: string;
  /** The category of resource changed by the event. */
  eventCategory?: string;
  /** The browser user agent of the person who performed the action. */
  actorUserAgent?: string;
  /** The IP address of the person who performed the action. */
  actorIp?: string;
  /** The `orgId` of the organization. */
  targetOrgId?: string;
  /** A more detailed description of the change made by the person. */
  actionText?: string;
  /** The name of the organization being acted upon. */
  targetOrgName?: string;
  /** User operation failure message. */
  errorMessage?: string;
  /** User operation failure code. */
  errorCode?: string;
}

/** An admin audit event (`GET /adminAudit/events`). */
export interface AdminAuditEvent extends Extensible {
  /** A unique identifier for the event. */
  id: string;
  /** The `personId` of the person who made the change. */
  actorId: string;
  /** The `orgId` of the person who made the change. */
  actorOrgId?: string;
  /** Organization ID as read by the Python SDK; the spec names this field `actorOrgId`. */
  orgId?: string;
  /** The date and time the event took place. */
  created: string;
  /** What happened, described. */
  data: AdminAuditEventData;
}
