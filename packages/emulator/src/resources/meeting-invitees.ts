import { meetingFor } from "../domain/meeting-access.js";
import { addInvitee, type InviteeRecord, inviteeName, inviteesFor, inviteesOf } from "../domain/meeting-invitees.js";
import { createInviteeRules, createInviteesRules, updateInviteeRules } from "../domain/meeting-rules.js";
import { findMeeting, type MeetingRef, scheduledMeetingId, seriesOf } from "../domain/meetings.js";
import { badRequest, conflict, notFound } from "../errors.js";
import { pageOf } from "../pagination.js";
import { type Ctx, defineResource, type Reply, route } from "../resource.js";
import type { Input } from "../rules.js";
import type { Json } from "../types.js";

/** Meeting invitees (webex-meeting.json): people invited to a series or to one scheduled meeting. */

const INVITEE_NOT_FOUND = "Meeting invitee not found.";
const EMAIL = /^[^@\s]+@[^@\s]+$/;

function inviteeJson(invitee: InviteeRecord, meetingId = invitee.meetingId): Json {
  return {
    id: invitee.id,
    email: invitee.email,
    displayName: invitee.displayName,
    coHost: invitee.coHost,
    meetingId,
    panelist: invitee.panelist,
  };
}

/** Invitees join a series or a scheduled meeting, never an instance that has begun. */
function invitable(ref: MeetingRef): { meetingId: string; seriesId: string } {
  if (ref.kind === "instance") {
    throw badRequest("Invitees can only be added to a meeting series or a scheduled meeting.");
  }
  const series = seriesOf(ref);
  return { seriesId: series.id, meetingId: ref.kind === "series" ? series.id : scheduledMeetingId(ref.occurrence) };
}

function checkEmail(email: string): string {
  const trimmed = email.trim();
  if (!EMAIL.test(trimmed)) throw badRequest(`Invalid email address: ${email}`);
  return trimmed;
}

function invitedAlready(ctx: Ctx, seriesId: string, meetingId: string, email: string): boolean {
  return inviteesFor(ctx.store, seriesId, meetingId).some((i) => i.email.toLowerCase() === email.toLowerCase());
}

function list(ctx: Ctx): Reply {
  const meetingId = ctx.query.get("meetingId");
  if (!meetingId) throw badRequest("Required String parameter 'meetingId' is not present");
  const panelist = ctx.query.get("panelist");
  if (panelist && panelist !== "true" && panelist !== "false") throw badRequest("panelist must be true or false.");
  const { ref } = meetingFor(ctx, meetingId, "see");
  const series = seriesOf(ref);
  let items = inviteesFor(ctx.store, series.id, meetingId);
  if (panelist) items = items.filter((i) => i.panelist === (panelist === "true"));
  return pageOf(ctx, items, 10, 100, undefined, (i) => inviteeJson(i, meetingId));
}

function create(ctx: Ctx, input: Input<typeof createInviteeRules>): Reply {
  const { ref } = meetingFor(ctx, input.meetingId, "manage", input.hostEmail);
  const { meetingId, seriesId } = invitable(ref);
  const email = checkEmail(input.email);
  if (invitedAlready(ctx, seriesId, meetingId, email)) throw conflict(`${email} is already invited to the meeting.`);
  const invitee = addInvitee(ctx.store, ctx.store.random, meetingId, seriesId, { ...input, email }, ctx.engine.now());
  return { json: inviteeJson(invitee) };
}

function createMany(ctx: Ctx, input: Input<typeof createInviteesRules>): Reply {
  const { ref } = meetingFor(ctx, input.meetingId, "manage", input.hostEmail);
  const { meetingId, seriesId } = invitable(ref);
  const items = input.items ?? [];
  if (items.length === 0) throw badRequest("items cannot be empty.");
  const seen = new Set<string>();
  const emails = items.map((item) => {
    const email = checkEmail(item.email);
    const key = email.toLowerCase();
    if (seen.has(key)) throw badRequest(`Each invitee should have a unique email: ${email} is given twice.`);
    seen.add(key);
    if (invitedAlready(ctx, seriesId, meetingId, email)) throw conflict(`${email} is already invited to the meeting.`);
    return email;
  });
  // Every item is checked before the first is added, so a refused insert adds none.
  const now = ctx.engine.now();
  const created = items.map((item, i) =>
    addInvitee(ctx.store, ctx.store.random, meetingId, seriesId, { ...item, email: emails[i] as string }, now),
  );
  return { json: { items: created.map((invitee) => inviteeJson(invitee)) } };
}

/** The invitee, for someone who may see its meeting (404 otherwise); `manage` needs the host. */
function inviteeFor(ctx: Ctx, need: "see" | "manage", hostEmail?: string): InviteeRecord {
  const invitee = inviteesOf(ctx.store).get(ctx.params.meetingInviteeId as string);
  if (!invitee || !findMeeting(ctx.store, invitee.meetingId, ctx.engine.now())) throw notFound(INVITEE_NOT_FOUND);
  meetingFor(ctx, invitee.meetingId, need, hostEmail ?? ctx.query.get("hostEmail"));
  return invitee;
}

function update(ctx: Ctx, input: Input<typeof updateInviteeRules>): Reply {
  const invitee = inviteeFor(ctx, "manage", input.hostEmail);
  const email = checkEmail(input.email);
  if (
    email.toLowerCase() !== invitee.email.toLowerCase() &&
    invitedAlready(ctx, invitee.seriesId, invitee.meetingId, email)
  ) {
    throw conflict(`${email} is already invited to the meeting.`);
  }
  invitee.email = email;
  invitee.displayName = input.displayName ?? inviteeName(ctx.store, email);
  invitee.coHost = input.coHost ?? false;
  invitee.panelist = input.panelist ?? false;
  return { json: inviteeJson(invitee) };
}

function remove(ctx: Ctx): Reply {
  const sendEmail = ctx.query.get("sendEmail");
  if (sendEmail !== null && sendEmail !== "true" && sendEmail !== "false") {
    throw badRequest("sendEmail must be true or false.");
  }
  const invitee = inviteeFor(ctx, "manage");
  inviteesOf(ctx.store).delete(invitee.id);
  return { status: 204 };
}

export const meetingInvitees = defineResource({
  name: "Meeting Invitees",
  routes: [
    route({ method: "GET", path: "meetingInvitees", handle: list }),
    route({ method: "POST", path: "meetingInvitees", body: createInviteeRules, handle: create }),
    route({ method: "POST", path: "meetingInvitees/bulkInsert", body: createInviteesRules, handle: createMany }),
    route({
      method: "GET",
      path: "meetingInvitees/:meetingInviteeId",
      handle: (ctx) => ({ json: inviteeJson(inviteeFor(ctx, "see")) }),
    }),
    route({ method: "PUT", path: "meetingInvitees/:meetingInviteeId", body: updateInviteeRules, handle: update }),
    route({ method: "DELETE", path: "meetingInvitees/:meetingInviteeId", handle: remove }),
  ],
});
