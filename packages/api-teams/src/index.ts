export { type TeamCreateFields, type TeamListFilters, TeamsApi, type TeamUpdateFields } from "./teams-api.js";
