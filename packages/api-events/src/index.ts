export { type EventListFilters, EventsApi } from "./events-api.js";
