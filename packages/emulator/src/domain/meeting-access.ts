import { badRequest, forbidden, notFound } from "../errors.js";
import type { Ctx } from "../resource.js";
import { isCoHost, isInvitee } from "./meeting-invitees.js";
import { actingHost, findMeeting, type MeetingRef, seriesOf } from "./meetings.js";
import type { PersonRecord } from "./store.js";

export const MEETING_NOT_FOUND = "Meeting not found.";

/**
 * The meeting `id` names, for someone who may see it (its host, a cohost or invitee; an admin acting
 * for its host with `hostEmail`), else a 404. `manage` also needs the host or a cohost (403 otherwise).
 */
export function meetingFor(
  ctx: Ctx,
  id: string,
  need: "see" | "manage",
  hostEmail = ctx.query.get("hostEmail"),
): { ref: MeetingRef; actor: PersonRecord } {
  const actor = actingHost(ctx.engine, ctx.caller, hostEmail);
  const ref = findMeeting(ctx.store, id, ctx.engine.now());
  if (!ref) throw notFound(MEETING_NOT_FOUND);
  const series = seriesOf(ref);
  const host = series.hostId === actor.id || isCoHost(ctx.store, series, actor);
  if (host) return { ref, actor };
  if (!isInvitee(ctx.store, series, actor)) throw notFound(MEETING_NOT_FOUND);
  if (need === "manage") throw forbidden("Only the meeting's host or a cohost can do this.");
  return { ref, actor };
}

/** The series `id` names (registrants take series IDs only). */
export function seriesFor(ctx: Ctx, id: string, need: "see" | "manage") {
  const found = meetingFor(ctx, id, need);
  if (found.ref.kind !== "series") {
    throw badRequest("Only the ID of a meeting series is supported for meetingId.");
  }
  return { series: found.ref.series, actor: found.actor };
}
