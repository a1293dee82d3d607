export {
  type MembershipCreateFields,
  type MembershipListFilters,
  MembershipsApi,
  type MembershipUpdateFields,
} from "./memberships-api.js";
