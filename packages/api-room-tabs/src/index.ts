export { type RoomTabFields, type RoomTabListFilters, RoomTabsApi } from "./room-tabs-api.js";
