export {
  MAX_PERSON_IDS,
  PeopleApi,
  type PersonCreateFields,
  type PersonFields,
  type PersonListFilters,
  type PersonUpdateFields,
} from "./people-api.js";
