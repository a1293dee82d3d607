import type { Engine } from "../engine.js";
import { notFound } from "../errors.js";
import { hydraId } from "../ids.js";
import { membershipActivity, roomActivity } from "./activity.js";
import type { PersonRecord, RoomRecord, Store, TeamRecord } from "./store.js";

const ROOM_NOT_FOUND = "Could not find a room with provided ID.";
const TEAM_NOT_FOUND = "Could not find a team with provided ID.";

interface Viewer {
  store: Store;
  caller: PersonRecord;
}

/** People see only rooms they belong to; anything else is a 404, as on the service. */
export function roomOfMember(ctx: Viewer, roomId: string | null | undefined): RoomRecord {
  const room = roomId ? ctx.store.rooms.get(roomId) : undefined;
  if (!room?.members.has(ctx.caller.id)) throw notFound(ROOM_NOT_FOUND);
  return room;
}

export function teamOfMember(ctx: Viewer, teamId: string | null | undefined): TeamRecord {
  const team = teamId ? ctx.store.teams.get(teamId) : undefined;
  if (!team?.members.has(ctx.caller.id)) throw notFound(TEAM_NOT_FOUND);
  return team;
}

export function newRoom(
  engine: Engine,
  creator: PersonRecord,
  fields: Partial<RoomRecord> & { title: string },
): RoomRecord {
  const now = engine.now();
  const uuid = engine.store.random.uuid1(now);
  const room: RoomRecord = {
    id: hydraId("ROOM", uuid),
    uuid,
    type: "group",
    isLocked: false,
    lastActivityMs: now,
    creatorId: creator.id,
    createdMs: now,
    isAnnouncementOnly: false,
    isReadOnly: false,
    isPublic: false,
    members: new Map(),
    messages: [],
    threads: new Map(),
    ...fields,
  };
  engine.store.rooms.set(room.id, room);
  return room;
}

/** Creates a group room with its creator as moderator, and tells webhooks about both. */
export function createGroupRoom(
  engine: Engine,
  creator: PersonRecord,
  fields: Partial<RoomRecord> & { title: string },
): RoomRecord {
  const room = newRoom(engine, creator, fields);
  const membership = engine.store.addMember(room, creator, true, room.createdMs);
  engine.notify(roomActivity(engine, room, "created", creator.id));
  engine.notify(membershipActivity(engine, room, membership, "created", creator.id));
  return room;
}

/** The direct room between two people, created (with its memberships and webhooks) on first use. */
export function directRoom(engine: Engine, caller: PersonRecord, other: PersonRecord): RoomRecord {
  const key = engine.store.directKey(caller.id, other.id);
  const existing = engine.store.directRooms.get(key);
  const found = existing ? engine.store.rooms.get(existing) : undefined;
  if (found) return found;
  const room = newRoom(engine, caller, { title: other.json.displayName, type: "direct" });
  engine.store.directRooms.set(key, room.id);
  const first = engine.store.addMember(room, caller, false, room.createdMs);
  const second = engine.store.addMember(room, other, false, room.createdMs);
  engine.notify(roomActivity(engine, room, "created", caller.id));
  engine.notify(membershipActivity(engine, room, first, "created", caller.id));
  engine.notify(membershipActivity(engine, room, second, "created", caller.id));
  return room;
}
