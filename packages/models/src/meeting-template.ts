import type { MeetingTemplateType } from "./enums.js";
import type { Extensible } from "./extensible.js";
import type { MeetingDraft } from "./meeting-draft.js";

/** A meeting template of a site (`GET /meetings/templates`; `get` adds `meeting`). */
export interface MeetingTemplate extends Extensible {
  /** Unique identifier for the template. */
  id: string;
  name: string;
  /** e.g. `en_US`. */
  locale: string;
  /** The site the template belongs to. */
  siteUrl: string;
  templateType: MeetingTemplateType;
  /** Whether it is the site's default template. */
  isDefault: boolean;
  /** Whether it is a standard template. */
  isStandard: boolean;
  /**
   * The meeting the template creates (only from `get`): pass it to `meetings.create` at once, since its
   * `start` and `end` soon become invalid.
   */
  meeting?: MeetingDraft;
}
