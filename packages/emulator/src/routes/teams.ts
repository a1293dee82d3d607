import { membershipActivity } from "../activity.js";
import { badRequest, conflict, forbidden, notFound } from "../errors.js";
import { hydraId } from "../ids.js";
import { pageOf } from "../pagination.js";
import type { Ctx, Reply, Route } from "../route.js";
import { teamJson, teamMembershipJson } from "../serialize.js";
import type { PersonRecord, TeamMembershipRecord, TeamRecord } from "../store.js";
import { optionalBoolean, optionalString, requiredString } from "../validate.js";
import { resolvePerson } from "./memberships.js";
import { createGroupRoom } from "./rooms.js";

function teamOfMember(ctx: Ctx, teamId: string | null | undefined): TeamRecord {
  const team = teamId ? ctx.store.teams.get(teamId) : undefined;
  if (!team?.members.has(ctx.caller.id)) throw notFound("Could not find a team with provided ID.");
  return team;
}

function requireModerator(ctx: Ctx, team: TeamRecord): void {
  if (!team.members.get(ctx.caller.id)?.isModerator) throw forbidden("Only team moderators can do this.");
}

/** Adds a person to the team and to its General room. */
function addTeamMember(ctx: Ctx, team: TeamRecord, person: PersonRecord, isModerator: boolean): TeamMembershipRecord {
  const membership: TeamMembershipRecord = {
    id: hydraId("TEAM_MEMBERSHIP", `${person.uuid}:${team.uuid}`),
    teamId: team.id,
    personId: person.id,
    isModerator,
    createdMs: Date.now(),
  };
  team.members.set(person.id, membership);
  ctx.store.teamMemberships.set(membership.id, membership);
  const general = ctx.store.rooms.get(team.generalRoomId);
  if (general && !general.members.has(person.id)) {
    const roomMembership = ctx.store.addMember(general, person, isModerator);
    ctx.engine.notify(membershipActivity(ctx.engine, general, roomMembership, "created", ctx.caller.id));
  }
  return membership;
}

function createTeam(ctx: Ctx): Reply {
  const name = requiredString(ctx.body, "name", "name cannot be empty.");
  const description = optionalString(ctx.body, "description");
  const now = Date.now();
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

function listTeams(ctx: Ctx): Reply {
  const teams = [...ctx.store.teams.values()].filter((t) => t.members.has(ctx.caller.id));
  return pageOf(ctx, teams.map(teamJson), 100, 1000);
}

function updateTeam(ctx: Ctx): Reply {
  const team = teamOfMember(ctx, ctx.params.id);
  const name = requiredString(ctx.body, "name", "name cannot be empty.");
  requireModerator(ctx, team);
  team.name = name;
  const description = optionalString(ctx.body, "description");
  if (description !== undefined) team.description = description;
  const general = ctx.store.rooms.get(team.generalRoomId);
  if (general) general.title = name;
  return { json: teamJson(team) };
}

function deleteTeam(ctx: Ctx): Reply {
  const team = teamOfMember(ctx, ctx.params.id);
  requireModerator(ctx, team);
  for (const room of [...ctx.store.rooms.values()]) if (room.teamId === team.id) ctx.store.removeRoom(room);
  for (const membership of team.members.values()) ctx.store.teamMemberships.delete(membership.id);
  ctx.store.teams.delete(team.id);
  return { status: 204 };
}

function teamMembershipOfMember(ctx: Ctx): { membership: TeamMembershipRecord; team: TeamRecord } {
  const membership = ctx.store.teamMemberships.get(ctx.params.id as string);
  const team = membership ? ctx.store.teams.get(membership.teamId) : undefined;
  if (!membership || !team?.members.has(ctx.caller.id)) throw notFound("Team membership not found.");
  return { membership, team };
}

function listTeamMemberships(ctx: Ctx): Reply {
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

function createTeamMembership(ctx: Ctx): Reply {
  const teamId = optionalString(ctx.body, "teamId");
  if (!teamId) throw badRequest("teamId cannot be null");
  const personId = optionalString(ctx.body, "personId");
  const personEmail = optionalString(ctx.body, "personEmail");
  const isModerator = optionalBoolean(ctx.body, "isModerator") ?? false;
  if (!personId && !personEmail) throw badRequest("Must specify either personId or personEmail.");
  const team = teamOfMember(ctx, teamId);
  requireModerator(ctx, team);
  const person = resolvePerson(ctx, personId, personEmail);
  if (team.members.has(person.id)) throw conflict("Person is already a member of the team.");
  return { json: teamMembershipJson(ctx.store, addTeamMember(ctx, team, person, isModerator)) };
}

function updateTeamMembership(ctx: Ctx): Reply {
  const { membership, team } = teamMembershipOfMember(ctx);
  const isModerator = optionalBoolean(ctx.body, "isModerator");
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

function moderatorCount(team: TeamRecord): number {
  return [...team.members.values()].filter((m) => m.isModerator).length;
}

function deleteTeamMembership(ctx: Ctx): Reply {
  const { membership, team } = teamMembershipOfMember(ctx);
  if (membership.personId !== ctx.caller.id) requireModerator(ctx, team);
  if (membership.isModerator && moderatorCount(team) <= 1) {
    throw conflict("The last moderator of a team cannot be removed.");
  }
  team.members.delete(membership.personId);
  ctx.store.teamMemberships.delete(membership.id);
  for (const room of ctx.store.rooms.values()) {
    const roomMembership = room.teamId === team.id ? room.members.get(membership.personId) : undefined;
    if (!room || !roomMembership) continue;
    ctx.store.removeMember(room, membership.personId);
    ctx.engine.notify(membershipActivity(ctx.engine, room, roomMembership, "deleted", ctx.caller.id));
  }
  return { status: 204 };
}

export const teamRoutes: Route[] = [
  { method: "GET", path: "teams", handler: listTeams },
  { method: "POST", path: "teams", handler: createTeam },
  { method: "GET", path: "teams/:id", handler: (ctx) => ({ json: teamJson(teamOfMember(ctx, ctx.params.id)) }) },
  { method: "PUT", path: "teams/:id", handler: updateTeam },
  { method: "DELETE", path: "teams/:id", handler: deleteTeam },
  { method: "GET", path: "team/memberships", handler: listTeamMemberships },
  { method: "POST", path: "team/memberships", handler: createTeamMembership },
  {
    method: "GET",
    path: "team/memberships/:id",
    handler: (ctx) => ({ json: teamMembershipJson(ctx.store, teamMembershipOfMember(ctx).membership) }),
  },
  { method: "PUT", path: "team/memberships/:id", handler: updateTeamMembership },
  { method: "DELETE", path: "team/memberships/:id", handler: deleteTeamMembership },
];
