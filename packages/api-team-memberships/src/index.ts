export {
  type TeamMembershipCreateFields,
  type TeamMembershipListFilters,
  TeamMembershipsApi,
  type TeamMembershipUpdateFields,
} from "./team-memberships-api.js";
