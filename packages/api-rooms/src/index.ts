export { type RoomCreateFields, type RoomListFilters, RoomsApi, type RoomUpdateFields } from "./rooms-api.js";
