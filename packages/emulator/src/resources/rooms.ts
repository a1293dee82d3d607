import { membershipActivity, roomActivity } from "../domain/activity.js";
import { createGroupRoom, roomOfMember, teamOfMember } from "../domain/rooms.js";
import type { RoomRecord } from "../domain/store.js";
import { roomJson } from "../domain/views.js";
import { badRequest, forbidden } from "../errors.js";
import { pageOf } from "../pagination.js";
import { type Ctx, defineResource, type Reply, route } from "../resource.js";
import { type Input, rules } from "../rules.js";

const flagRules = rules({
  isLocked: { type: "boolean" },
  isPublic: { type: "boolean" },
  isAnnouncementOnly: { type: "boolean" },
  isReadOnly: { type: "boolean" },
  description: { type: "string" },
  classificationId: { type: "string" },
});
const roomRules = rules({
  title: { type: "string", required: "Title cannot be empty." },
  teamId: { type: "string" },
  ...flagRules,
});

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

/** The flags as sent, else as they are; the combinations the service refuses are 400s. */
function flags(input: Input<typeof flagRules>, room?: RoomRecord) {
  const isLocked = input.isLocked ?? room?.isLocked ?? false;
  const isPublic = input.isPublic ?? room?.isPublic ?? false;
  const isAnnouncementOnly = input.isAnnouncementOnly ?? room?.isAnnouncementOnly ?? false;
  const isReadOnly = input.isReadOnly ?? room?.isReadOnly ?? false;
  let description = input.description ?? room?.description;
  if (description === " ") description = undefined;
  const classificationId = input.classificationId ?? room?.classificationId;
  if (isPublic && !description) throw badRequest("A public space requires a description.");
  if (isAnnouncementOnly && !isLocked) throw badRequest("An announcement-only space must be locked.");
  return { isLocked, isPublic, isAnnouncementOnly, isReadOnly, description, classificationId };
}

function create(ctx: Ctx, input: Input<typeof roomRules>): Reply {
  const { title, teamId } = input;
  if (teamId) teamOfMember(ctx, teamId);
  const fields = flags(input);
  const room = createGroupRoom(ctx.engine, ctx.caller, {
    title,
    teamId,
    ...fields,
    madePublicMs: fields.isPublic ? ctx.engine.now() : undefined,
  });
  return { json: roomJson(ctx.store, room, ctx.caller.id) };
}

function update(ctx: Ctx, input: Input<typeof roomRules>): Reply {
  const room = roomOfMember(ctx, ctx.params.id);
  const membership = room.members.get(ctx.caller.id);
  if (room.isLocked && !membership?.isModerator) throw forbidden("Only moderators can update a locked space.");
  const { title, teamId } = input;
  const movesIntoTeam = Boolean(teamId) && teamId !== room.teamId;
  if (movesIntoTeam) {
    if (room.teamId) throw badRequest("The space already belongs to a team.");
    if (room.type === "direct") throw badRequest("A direct space cannot be moved into a team.");
    teamOfMember(ctx, teamId as string);
  }
  // Every check comes before the first change, so a refused update leaves the room as it was.
  const fields = flags(input, room);
  if (movesIntoTeam) room.teamId = teamId;
  if (fields.isPublic && !room.isPublic) room.madePublicMs = ctx.engine.now();
  Object.assign(room, fields);
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

export const rooms = defineResource({
  name: "Rooms",
  routes: [
    route({ method: "GET", path: "rooms", handle: list }),
    route({ method: "POST", path: "rooms", body: roomRules, handle: create }),
    route({
      method: "GET",
      path: "rooms/:id",
      handle: (ctx) => ({ json: roomJson(ctx.store, roomOfMember(ctx, ctx.params.id), ctx.caller.id) }),
    }),
    route({ method: "GET", path: "rooms/:id/meetingInfo", handle: meetingInfo }),
    route({ method: "PUT", path: "rooms/:id", body: roomRules, handle: update }),
    route({ method: "DELETE", path: "rooms/:id", handle: remove }),
  ],
});
