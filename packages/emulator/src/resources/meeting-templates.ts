import { LOCALE, MEETING_TEMPLATES, type MeetingTemplate, templateMeeting } from "../domain/meeting-templates.js";
import { actingHost, checkSiteUrl, SITE_URL } from "../domain/meetings.js";
import type { PersonRecord } from "../domain/store.js";
import { badRequest, notFound } from "../errors.js";
import { type Ctx, defineResource, type Reply, route } from "../resource.js";
import type { Json } from "../types.js";

/** Meeting templates (webex-meeting.json): the site's templates, seeded, read-only. */

function templateJson(template: MeetingTemplate): Json {
  return {
    id: template.id,
    name: template.name,
    locale: LOCALE,
    siteUrl: SITE_URL,
    templateType: template.templateType,
    isDefault: template.isDefault,
    isStandard: template.isStandard,
  };
}

function detailedJson(template: MeetingTemplate, host: PersonRecord, now: number): Json {
  return { ...templateJson(template), meeting: templateMeeting(template, host, now) };
}

function flag(ctx: Ctx, name: string): boolean | undefined {
  const raw = ctx.query.get(name);
  if (raw === null || raw === "") return undefined;
  if (raw !== "true" && raw !== "false") throw badRequest(`${name} must be true or false.`);
  return raw === "true";
}

function list(ctx: Ctx): Reply {
  actingHost(ctx.engine, ctx.caller, ctx.query.get("hostEmail"));
  checkSiteUrl(ctx.query.get("siteUrl"));
  const templateType = ctx.query.get("templateType");
  if (templateType && templateType !== "meeting" && templateType !== "webinar") {
    throw badRequest("templateType must be meeting or webinar.");
  }
  const locale = ctx.query.get("locale");
  const isDefault = flag(ctx, "isDefault");
  const isStandard = flag(ctx, "isStandard");
  // Other locales have no templates on this site.
  const items = MEETING_TEMPLATES.filter(
    (t) =>
      (!locale || locale === LOCALE) &&
      (!templateType || t.templateType === templateType) &&
      (isDefault === undefined || t.isDefault === isDefault) &&
      (isStandard === undefined || t.isStandard === isStandard),
  );
  return { json: { items: items.map(templateJson) } };
}

function get(ctx: Ctx): Reply {
  const host = actingHost(ctx.engine, ctx.caller, ctx.query.get("hostEmail"));
  const template = MEETING_TEMPLATES.find((t) => t.id === ctx.params.templateId);
  if (!template) throw notFound("Meeting template not found.");
  return { json: detailedJson(template, host, ctx.engine.now()) };
}

export const meetingTemplates = defineResource({
  name: "Meeting Templates",
  routes: [
    route({ method: "GET", path: "meetings/templates", handle: list }),
    route({ method: "GET", path: "meetings/templates/:templateId", handle: get }),
  ],
});
