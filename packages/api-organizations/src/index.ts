export { type OrganizationListFilters, OrganizationsApi } from "./organizations-api.js";
