import { membershipActivity } from "../domain/activity.js";
import { resolvePerson } from "../domain/people.js";
import { roomOfMember } from "../domain/rooms.js";
import type { MembershipRecord, RoomRecord } from "../domain/store.js";
import { membershipJson } from "../domain/views.js";
import { badRequest, conflict, forbidden, notFound } from "../errors.js";
import { pageOf } from "../pagination.js";
import { type Ctx, defineResource, type Reply, route } from "../resource.js";
import { type Input, rules } from "../rules.js";

const createRules = rules({
  roomId: { type: "string", required: "roomId cannot be null" },
  personId: { type: "string" },
  personEmail: { type: "string" },
  isModerator: { type: "boolean" },
});
const updateRules = rules({ isModerator: { type: "boolean" }, isRoomHidden: { type: "boolean" } });

function membershipOfMember(ctx: Ctx): { membership: MembershipRecord; room: RoomRecord } {
  const membership = ctx.store.memberships.get(ctx.params.id as string);
  const room = membership ? ctx.store.rooms.get(membership.roomId) : undefined;
  if (!membership || !room?.members.has(ctx.caller.id)) throw notFound("Membership not found.");
  return { membership, room };
}

function list(ctx: Ctx): Reply {
  const roomId = ctx.query.get("roomId");
  const personId = ctx.query.get("personId");
  const personEmail = ctx.query.get("personEmail")?.toLowerCase();
  let memberships: MembershipRecord[];
  if (roomId) {
    memberships = [...roomOfMember(ctx, roomId).members.values()];
  } else {
    memberships = [];
    for (const id of ctx.store.roomIdsOf(ctx.caller.id)) {
      const own = ctx.store.rooms.get(id)?.members.get(ctx.caller.id);
      if (own) memberships.push(own);
    }
  }
  let items = memberships.map((m) => membershipJson(ctx.store, m));
  if (personId) items = items.filter((m) => m.personId === personId);
  if (personEmail) items = items.filter((m) => String(m.personEmail).toLowerCase() === personEmail);
  return pageOf(ctx, items, 100, 1000);
}

function create(ctx: Ctx, input: Input<typeof createRules>): Reply {
  const { roomId, personId, personEmail } = input;
  const isModerator = input.isModerator ?? false;
  if (!personId && !personEmail) throw badRequest("Must specify either personId or personEmail.");
  const room = roomOfMember(ctx, roomId);
  if (room.type === "direct") throw forbidden("People cannot be added to a direct space.");
  if (room.isLocked && !room.members.get(ctx.caller.id)?.isModerator) {
    throw forbidden("Only moderators can add people to a locked space.");
  }
  const person = resolvePerson(ctx, personId, personEmail);
  if (room.members.has(person.id)) throw conflict("Person is already in the room.");
  const membership = ctx.store.addMember(room, person, isModerator);
  ctx.engine.notify(membershipActivity(ctx.engine, room, membership, "created", ctx.caller.id));
  return { json: membershipJson(ctx.store, membership) };
}

function update(ctx: Ctx, input: Input<typeof updateRules>): Reply {
  const { membership, room } = membershipOfMember(ctx);
  const { isModerator, isRoomHidden } = input;
  if (isModerator !== undefined && isModerator !== membership.isModerator) {
    if (room.type === "direct") throw badRequest("A direct space has no moderators.");
    const callerIsModerator = room.members.get(ctx.caller.id)?.isModerator ?? false;
    if (!callerIsModerator && room.isLocked) throw forbidden("Only moderators can change moderators.");
    membership.isModerator = isModerator;
  }
  if (isRoomHidden !== undefined) {
    if (membership.personId !== ctx.caller.id) throw forbidden("Only the member can hide a space.");
    membership.isRoomHidden = isRoomHidden;
  }
  ctx.engine.notify(membershipActivity(ctx.engine, room, membership, "updated", ctx.caller.id));
  return { json: membershipJson(ctx.store, membership) };
}

function remove(ctx: Ctx): Reply {
  const { membership, room } = membershipOfMember(ctx);
  const self = membership.personId === ctx.caller.id;
  const callerIsModerator = room.members.get(ctx.caller.id)?.isModerator ?? false;
  if (room.type === "direct") throw forbidden("People cannot be removed from a direct space.");
  if (!self && room.isLocked && !callerIsModerator) throw forbidden("Only moderators can remove people.");
  const team = room.teamId ? ctx.store.teams.get(room.teamId) : undefined;
  if (team?.generalRoomId === room.id && membership.isModerator) {
    const moderators = [...room.members.values()].filter((m) => m.isModerator).length;
    if (moderators <= 1) throw conflict("The last moderator of a team's General space cannot be removed.");
  }
  ctx.store.removeMember(room, membership.personId);
  ctx.engine.notify(membershipActivity(ctx.engine, room, membership, "deleted", ctx.caller.id));
  return { status: 204 };
}

export const memberships = defineResource({
  name: "Memberships",
  routes: [
    route({ method: "GET", path: "memberships", handle: list }),
    route({ method: "POST", path: "memberships", body: createRules, handle: create }),
    route({
      method: "GET",
      path: "memberships/:id",
      handle: (ctx) => ({ json: membershipJson(ctx.store, membershipOfMember(ctx).membership) }),
    }),
    route({ method: "PUT", path: "memberships/:id", body: updateRules, handle: update }),
    route({ method: "DELETE", path: "memberships/:id", handle: remove }),
  ],
});
