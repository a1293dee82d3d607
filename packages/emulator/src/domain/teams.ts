import { forbidden } from "../errors.js";
import { hydraId } from "../ids.js";
import type { Ctx } from "../resource.js";
import { membershipActivity } from "./activity.js";
import type { PersonRecord, TeamMembershipRecord, TeamRecord } from "./store.js";

export function requireModerator(ctx: Ctx, team: TeamRecord): void {
  if (!team.members.get(ctx.caller.id)?.isModerator) throw forbidden("Only team moderators can do this.");
}

export function moderatorCount(team: TeamRecord): number {
  return [...team.members.values()].filter((m) => m.isModerator).length;
}

/** Adds a person to the team and to its General room. */
export function addTeamMember(
  ctx: Ctx,
  team: TeamRecord,
  person: PersonRecord,
  isModerator: boolean,
): TeamMembershipRecord {
  const membership: TeamMembershipRecord = {
    id: hydraId("TEAM_MEMBERSHIP", `${person.uuid}:${team.uuid}`),
    teamId: team.id,
    personId: person.id,
    isModerator,
    createdMs: ctx.engine.now(),
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
