export { type RoleListFilters, RolesApi } from "./roles-api.js";
