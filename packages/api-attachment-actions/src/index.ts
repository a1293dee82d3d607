export { type AttachmentActionCreateFields, AttachmentActionsApi } from "./attachment-actions-api.js";
