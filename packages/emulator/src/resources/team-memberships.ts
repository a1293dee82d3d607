import { membershipActivity } from "../domain/activity.js";
import { resolvePerson } from "../domain/people.js";
import { teamOfMember } from "../domain/rooms.js";
import type { TeamMembershipRecord, TeamRecord } from "../domain/store.js";
import { addTeamMember, moderatorCount, requireModerator } from "../domain/teams.js";
import { teamMembershipJson } from "../domain/views.js";
import { badRequest, conflict, notFound } from "../errors.js";
import { pageOf } from "../pagination.js";
import { type Ctx, defineResource, type Reply, route } from "../resource.js";
import { type Input, rules } from "../rules.js";

const createRules = rules({
  teamId: { type: "string", required: "teamId cannot be null" },
  personId: { type: "string" },
  personEmail: { type: "string" },
  isModerator: { type: "boolean" },
});
const updateRules = rules({ isModerator: { type: "boolean" } });

function membershipOfMember(ctx: Ctx): { membership: TeamMembershipRecord; team: TeamRecord } {
  const membership = ctx.store.teamMemberships.get(ctx.params.id as string);
  const team = membership ? ctx.store.teams.get(membership.teamId) : undefined;
  if (!membership || !team?.members.has(ctx.caller.id)) throw notFound("Team membership not found.");
  return { membership, team };
}

function list(ctx: Ctx): Reply {
  const teamId = ctx.query.get("teamId");
  if (!teamId) throw badRequest("Required String parameter 'teamId' is not present");
  const team = teamOfMember(ctx, teamId);
  return pageOf(
    ctx,
    [...team.members.values()].map((m) => teamMembershipJson(ctx.store, m)),
    100,
    1000,
  );
}

function create(ctx: Ctx, input: Input<typeof createRules>): Reply {
  const { teamId, personId, personEmail } = input;
  if (!personId && !personEmail) throw badRequest("Must specify either personId or personEmail.");
  const team = teamOfMember(ctx, teamId);
  requireModerator(ctx, team);
  const person = resolvePerson(ctx, personId, personEmail);
  if (team.members.has(person.id)) throw conflict("Person is already a member of the team.");
  return { json: teamMembershipJson(ctx.store, addTeamMember(ctx, team, person, input.isModerator ?? false)) };
}

function update(ctx: Ctx, { isModerator }: Input<typeof updateRules>): Reply {
  const { membership, team } = membershipOfMember(ctx);
  if (isModerator === undefined) throw badRequest("isModerator cannot be null");
  requireModerator(ctx, team);
  if (!isModerator && membership.isModerator && moderatorCount(team) <= 1) {
    throw conflict("The last moderator of a team cannot be demoted.");
  }
  membership.isModerator = isModerator;
  const general = ctx.store.rooms.get(team.generalRoomId)?.members.get(membership.personId);
  if (general) general.isModerator = isModerator;
  return { json: teamMembershipJson(ctx.store, membership) };
}

function remove(ctx: Ctx): Reply {
  const { membership, team } = membershipOfMember(ctx);
  if (membership.personId !== ctx.caller.id) requireModerator(ctx, team);
  if (membership.isModerator && moderatorCount(team) <= 1) {
    throw conflict("The last moderator of a team cannot be removed.");
  }
  team.members.delete(membership.personId);
  ctx.store.teamMemberships.delete(membership.id);
  for (const room of ctx.store.rooms.values()) {
    const roomMembership = room.teamId === team.id ? room.members.get(membership.personId) : undefined;
    if (!roomMembership) continue;
    ctx.store.removeMember(room, membership.personId);
    ctx.engine.notify(membershipActivity(ctx.engine, room, roomMembership, "deleted", ctx.caller.id));
  }
  return { status: 204 };
}

export const teamMemberships = defineResource({
  name: "Team Memberships",
  routes: [
    route({ method: "GET", path: "team/memberships", handle: list }),
    route({ method: "POST", path: "team/memberships", body: createRules, handle: create }),
    route({
      method: "GET",
      path: "team/memberships/:id",
      handle: (ctx) => ({ json: teamMembershipJson(ctx.store, membershipOfMember(ctx).membership) }),
    }),
    route({ method: "PUT", path: "team/memberships/:id", body: updateRules, handle: update }),
    route({ method: "DELETE", path: "team/memberships/:id", handle: remove }),
  ],
});
