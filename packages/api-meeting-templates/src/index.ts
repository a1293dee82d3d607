export {
  type MeetingTemplateGetOptions,
  type MeetingTemplateListFilters,
  MeetingTemplatesApi,
} from "./meeting-templates-api.js";
