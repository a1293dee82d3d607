import { createGroupRoom, teamOfMember } from "../domain/rooms.js";
import type { TeamRecord } from "../domain/store.js";
import { addTeamMember, requireModerator } from "../domain/teams.js";
import { teamJson } from "../domain/views.js";
import { hydraId } from "../ids.js";
import { pageOf } from "../pagination.js";
import { type Ctx, defineResource, type Reply, route } from "../resource.js";
import { type Input, rules } from "../rules.js";

const teamRules = rules({
  name: { type: "string", required: "name cannot be empty." },
  description: { type: "string" },
});

function create(ctx: Ctx, { name, description }: Input<typeof teamRules>): Reply {
  const now = ctx.engine.now();
  const uuid = ctx.store.random.uuid1(now);
  const room = createGroupRoom(ctx.engine, ctx.caller, { title: name, isLocked: true });
  const team: TeamRecord = {
    id: hydraId("TEAM", uuid),
    uuid,
    name,
    description,
    creatorId: ctx.caller.id,
    createdMs: now,
    generalRoomId: room.id,
    members: new Map(),
  };
  room.teamId = team.id;
  ctx.store.teams.set(team.id, team);
  addTeamMember(ctx, team, ctx.caller, true);
  return { json: teamJson(team) };
}

function list(ctx: Ctx): Reply {
  const teams = [...ctx.store.teams.values()].filter((t) => t.members.has(ctx.caller.id));
  return pageOf(ctx, teams.map(teamJson), 100, 1000);
}

function update(ctx: Ctx, { name, description }: Input<typeof teamRules>): Reply {
  const team = teamOfMember(ctx, ctx.params.id);
  requireModerator(ctx, team);
  team.name = name;
  if (description !== undefined) team.description = description;
  const general = ctx.store.rooms.get(team.generalRoomId);
  if (general) general.title = name;
  return { json: teamJson(team) };
}

function remove(ctx: Ctx): Reply {
  const team = teamOfMember(ctx, ctx.params.id);
  requireModerator(ctx, team);
  for (const room of [...ctx.store.rooms.values()]) if (room.teamId === team.id) ctx.store.removeRoom(room);
  for (const membership of team.members.values()) ctx.store.teamMemberships.delete(membership.id);
  ctx.store.teams.delete(team.id);
  return { status: 204 };
}

export const teams = defineResource({
  name: "Teams",
  routes: [
    route({ method: "GET", path: "teams", handle: list }),
    route({ method: "POST", path: "teams", body: teamRules, handle: create }),
    route({
      method: "GET",
      path: "teams/:id",
      handle: (ctx) => ({ json: teamJson(teamOfMember(ctx, ctx.params.id)) }),
    }),
    route({ method: "PUT", path: "teams/:id", body: teamRules, handle: update }),
    route({ method: "DELETE", path: "teams/:id", handle: remove }),
  ],
});
