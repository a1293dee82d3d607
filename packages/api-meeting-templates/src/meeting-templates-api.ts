import { type CallOptions, type Extra, type Paginated, type QueryValue, Resource, type Session } from "@wx/core";
import type { MeetingTemplate, MeetingTemplateType } from "@wx/models";

export interface MeetingTemplateListFilters {
  /** Only meeting or only webinar templates (default: both). */
  templateType?: MeetingTemplateType;
  /** e.g. `en_US` (the default). */
  locale?: string;
  /** Only default templates (`true`) or only the others (`false`). */
  isDefault?: boolean;
  /** Only standard templates (`true`) or only the others (`false`). */
  isStandard?: boolean;
  /** An admin lists the templates available to this host. */
  hostEmail?: string;
  /** The site whose templates are listed (default: the host's preferred site). */
  siteUrl?: string;
  /** Parameters the SDK does not model yet, sent as they are; a known one cannot go here (see `Extra`). */
  extra?: Extra<MeetingTemplateListFilters, QueryValue>;
}

export interface MeetingTemplateGetOptions {
  /** An admin reads a template available to this host. */
  hostEmail?: string;
  /** IANA time zone of the times in the template's `meeting` (sent as the `timezone` header; default UTC). */
  timezone?: string;
}

/** Meeting templates: `GET /meetings/templates`, `GET /meetings/templates/{templateId}`. */
export class MeetingTemplatesApi {
  readonly #templates: Resource<MeetingTemplate>;

  constructor(session: Session) {
    this.#templates = new Resource<MeetingTemplate>(session, "meetings/templates", "meetingTemplate", "templateId");
  }

  /** The templates available to the caller, lazily paged. */
  list(filters: MeetingTemplateListFilters = {}, options?: CallOptions): Paginated<MeetingTemplate> {
    return this.#templates.list(filters, options);
  }

  /** A template with its `meeting`, ready for `meetings.create`. */
  async get(
    templateId: string,
    query: MeetingTemplateGetOptions = {},
    options?: CallOptions,
  ): Promise<MeetingTemplate> {
    const { timezone, ...rest } = query;
    const headers = timezone === undefined ? options?.headers : { ...options?.headers, timezone };
    return this.#templates.get(templateId, { ...options, headers }, rest);
  }
}
