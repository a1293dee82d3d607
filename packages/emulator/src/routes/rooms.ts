import { membershipActivity, roomActivity } from "../activity.js";
import type { Engine } from "../engine.js";
import { badRequest, forbidden, notFound } from "../errors.js";
import { hydraId } from "../ids.js";
import { pageOf } from "../pagination.js";
import type { Ctx, Reply, Route } from "../route.js";
import { roomJson } from "../serialize.js";
import type { PersonRecord, RoomRecord } from "../store.js";
import { optionalBoolean, optionalString, requiredString } from "../validate.js";

const ROOM_NOT_FOUND = "Could not find a room with provided ID.";

/** People see only rooms they belong to; anything else is a 404, as on the service. */
export function roomOfMember(ctx: Pick<Ctx, "store" | "caller">, roomId: string | null | undefined): RoomRecord {
  const room = roomId ? ctx.store.rooms.get(roomId) : undefined;
  if (!room?.members.has(ctx.caller.id)) throw notFound(ROOM_NOT_FOUND);
  return room;
}

export function newRoom(
  engine: Engine,
  creator: PersonRecord,
  fields: Partial<RoomRecord> & { title: string },
): RoomRecord {
  const now = Date.now();
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
) {
  const room = newRoom(engine, creator, fields);
  const membership = engine.store.addMember(room, creator, true, room.createdMs);
  engine.notify(roomActivity(engine, room, "created", creator.id));
  engine.notify(membershipActivity(engine, room, membership, "created", creator.id));
  return room;
}

const SORTERS: Record<string, (a: RoomRecord, b: RoomRecord) => number> = {
  id: (a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  lastactivity: (a, b) => b.lastActivityMs - a.lastActivityMs,
  created: (a, b) => b.createdMs - a.createdMs,
};

function list(ctx: Ctx): Reply {
  const teamId = ctx.query.get("teamId");
  const type = ctx.query.get("type");
  const sortBy = ctx.query.get("sortBy") ?? "lastactivity";
  if (type && type !== "direct" && type !== "group") throw badRequest("type must be 'direct' or 'group'.");
  const sorter = SORTERS[sortBy.toLowerCase()];
  if (!sorter) throw badRequest("sortBy must be one of id, lastactivity, created.");
  const rooms: RoomRecord[] = [];
  for (const roomId of ctx.store.roomIdsOf(ctx.caller.id)) {
    const room = ctx.store.rooms.get(roomId);
    if (!room) continue;
    if (teamId && room.teamId !== teamId) continue;
    if (type && room.type !== type) continue;
    rooms.push(room);
  }
  rooms.sort(sorter);
  return pageOf(
    ctx,
    rooms.map((room) => roomJson(ctx.store, room, ctx.caller.id)),
    100,
    1000,
  );
}

function readFlags(ctx: Ctx, room?: RoomRecord) {
  const isLocked = optionalBoolean(ctx.body, "isLocked") ?? room?.isLocked ?? false;
  const isPublic = optionalBoolean(ctx.body, "isPublic") ?? room?.isPublic ?? false;
  const isAnnouncementOnly = optionalBoolean(ctx.body, "isAnnouncementOnly") ?? room?.isAnnouncementOnly ?? false;
  const isReadOnly = optionalBoolean(ctx.body, "isReadOnly") ?? room?.isReadOnly ?? false;
  let description = optionalString(ctx.body, "description") ?? room?.description;
  if (description === " ") description = undefined;
  const classificationId = optionalString(ctx.body, "classificationId") ?? room?.classificationId;
  if (isPublic && !description) throw badRequest("A public space requires a description.");
  if (isAnnouncementOnly && !isLocked) throw badRequest("An announcement-only space must be locked.");
  return { isLocked, isPublic, isAnnouncementOnly, isReadOnly, description, classificationId };
}

function teamOfMember(ctx: Ctx, teamId: string) {
  const team = ctx.store.teams.get(teamId);
  if (!team?.members.has(ctx.caller.id)) throw notFound("Could not find a team with provided ID.");
  return team;
}

function create(ctx: Ctx): Reply {
  const title = requiredString(ctx.body, "title", "Title cannot be empty.");
  const teamId = optionalString(ctx.body, "teamId");
  if (teamId) teamOfMember(ctx, teamId);
  const flags = readFlags(ctx);
  const room = createGroupRoom(ctx.engine, ctx.caller, {
    title,
    teamId,
    ...flags,
    madePublicMs: flags.isPublic ? Date.now() : undefined,
  });
  return { json: roomJson(ctx.store, room, ctx.caller.id) };
}

function update(ctx: Ctx): Reply {
  const room = roomOfMember(ctx, ctx.params.id);
  const title = requiredString(ctx.body, "title", "Title cannot be empty.");
  const membership = room.members.get(ctx.caller.id);
  if (room.isLocked && !membership?.isModerator) throw forbidden("Only moderators can update a locked space.");
  const teamId = optionalString(ctx.body, "teamId");
  const movesIntoTeam = Boolean(teamId) && teamId !== room.teamId;
  if (movesIntoTeam) {
    if (room.teamId) throw badRequest("The space already belongs to a team.");
    if (room.type === "direct") throw badRequest("A direct space cannot be moved into a team.");
    teamOfMember(ctx, teamId as string);
  }
  // Every check comes before the first change, so a refused update leaves the room as it was.
  const flags = readFlags(ctx, room);
  if (movesIntoTeam) room.teamId = teamId;
  if (flags.isPublic && !room.isPublic) room.madePublicMs = Date.now();
  Object.assign(room, flags);
  if (room.type === "group") room.title = title;
  ctx.engine.notify(roomActivity(ctx.engine, room, "updated", ctx.caller.id));
  return { json: roomJson(ctx.store, room, ctx.caller.id) };
}

/** A moderator (or anyone, in an unlocked space) deletes the space; in a locked one others just leave it. */
function remove(ctx: Ctx): Reply {
  const room = roomOfMember(ctx, ctx.params.id);
  const membership = room.members.get(ctx.caller.id);
  const mayDelete = membership?.isModerator || room.creatorId === ctx.caller.id || !room.isLocked;
  if (!mayDelete && membership) {
    ctx.store.removeMember(room, ctx.caller.id);
    ctx.engine.notify(membershipActivity(ctx.engine, room, membership, "deleted", ctx.caller.id));
    return { status: 204 };
  }
  ctx.store.removeRoom(room);
  return { status: 204 };
}

function meetingInfo(ctx: Ctx): Reply {
  const room = roomOfMember(ctx, ctx.params.id);
  const digits = Number.parseInt(room.uuid.replace(/-/g, "").slice(0, 10), 16)
    .toString()
    .padStart(10, "0")
    .slice(0, 10);
  const meetingNumber = `2${digits.slice(0, 9)}`;
  return {
    json: {
      roomId: room.id,
      meetingLink: `https://emulated.webex.com/m/${room.uuid}`,
      sipAddress: `${meetingNumber}@emulated.webex.com`,
      meetingNumber,
      meetingId: room.uuid.replace(/-/g, ""),
      callInTollFreeNumber: "+1-866-555-0100",
      callInTollNumber: "+1-408-555-0100",
    },
  };
}

export const roomRoutes: Route[] = [
  { method: "GET", path: "rooms", handler: list },
  { method: "POST", path: "rooms", handler: create },
  {
    method: "GET",
    path: "rooms/:id",
    handler: (ctx) => ({ json: roomJson(ctx.store, roomOfMember(ctx, ctx.params.id), ctx.caller.id) }),
  },
  { method: "GET", path: "rooms/:id/meetingInfo", handler: meetingInfo },
  { method: "PUT", path: "rooms/:id", handler: update },
  { method: "DELETE", path: "rooms/:id", handler: remove },
];
