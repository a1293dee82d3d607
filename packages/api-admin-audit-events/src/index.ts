export { type AdminAuditEventListFilters, AdminAuditEventsApi } from "./admin-audit-events-api.js";
