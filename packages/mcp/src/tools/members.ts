import { type Membership, ValidationError } from "@wx/sdk";
import { z } from "zod";
import { decodeCursor, encodeCursor } from "../cursor.js";
import { listPage, positionIn } from "../list-page.js";
import { renderMember, showMember, shownMember } from "../shown/member.js";
import { defineTool, READS, type ToolContext } from "../tool.js";
import { ToolFailure } from "../tool-failure.js";
import { cursor, exactlyOne, limit, personEmail, roomId } from "./arguments.js";

export const listMembers = defineTool({
  name: "list_members",
  toolset: "memberships",
  title: "List members",
  description: "Who is in a room: names, emails, moderators, and the membership ids remove_member can take.",
  behaviour: READS,
  input: {
    roomId: roomId.optional(),
    limit: limit(50, 100),
    cursor: cursor.optional().describe("The cursor of the previous answer; it keeps the room"),
  },
  output: {
    members: z.array(shownMember),
    cursor: z.string().optional().describe("Pass to list_members for the next members"),
  },
  notFound: "no such room, or the user is not in it; list_rooms finds ids",
  async run(args, context) {
    if ((args.roomId === undefined) === (args.cursor === undefined)) {
      throw new ValidationError("give roomId, or the cursor of a previous answer (not both)", { argument: "roomId" });
    }
    const from = args.cursor === undefined ? undefined : decodeCursor("list_members", args.cursor, positionIn);
    const page = await listPage(context, {
      endpoint: "memberships",
      query: { roomId: args.roomId, max: args.limit },
      from,
      limit: args.limit,
      maxPages: 1,
      show: (membership: Membership) => showMember(membership),
    });
    const next = page.next && encodeCursor("list_members", { ...page.next });
    const head = `${page.items.length} member${page.items.length === 1 ? "" : "s"}:`;
    const more = next ? `\nMore members: call list_members with cursor "${next}".` : "";
    return {
      structured: { members: page.items, cursor: next },
      text: [head, ...page.items.map(renderMember)].join("\n") + more,
    };
  },
});

export const addMember = defineTool({
  name: "add_member",
  toolset: "memberships",
  title: "Add a member",
  description: "Adds a person to a room by email (someone new to Webex gets an invitation), optionally as a moderator.",
  behaviour: { readOnly: false, destructive: false, idempotent: true },
  input: {
    roomId,
    personEmail: personEmail.optional(),
    personId: z.string().min(1).optional().describe("The person's id, instead of an email (find_people gives it)"),
    moderator: z.boolean().optional(),
  },
  output: { member: shownMember },
  notFound: "no such room or person, or the user is not in that room; list_rooms and find_people find ids",
  async run(args, context) {
    exactlyOne(args, ["personEmail", "personId"]);
    const person =
      args.personId !== undefined ? { personId: args.personId } : { personEmail: args.personEmail as string };
    const membership = await context.wx.memberships.create(
      { roomId: args.roomId, ...person, isModerator: args.moderator },
      context.call(),
    );
    const member = showMember(membership);
    return { structured: { member }, text: `Added:\n${renderMember(member)}` };
  },
});

export const removeMember = defineTool({
  name: "remove_member",
  toolset: "memberships",
  title: "Remove a member",
  description: "Removes a person from a room, by membership id (list_members) or by room and the person's email or id.",
  behaviour: { readOnly: false, destructive: true, idempotent: true },
  input: {
    membershipId: z.string().min(1).optional(),
    roomId: roomId.optional(),
    personEmail: personEmail.optional(),
    personId: z.string().min(1).optional(),
  },
  output: { removed: z.string().describe("The membership id removed") },
  notFound: "no such membership or room; list_members shows who is in a room",
  async run(args, context) {
    if (args.membershipId !== undefined && (args.roomId ?? args.personEmail ?? args.personId) !== undefined) {
      throw new ValidationError("give membershipId alone, or roomId with personEmail or personId", {
        argument: "membershipId",
      });
    }
    const membershipId = args.membershipId ?? (await membershipOf(args, context));
    await context.wx.memberships.delete(membershipId, context.call());
    return { structured: { removed: membershipId }, text: `Removed membership ${membershipId}.` };
  },
});

async function membershipOf(
  args: { roomId?: string; personEmail?: string; personId?: string },
  context: ToolContext,
): Promise<string> {
  if (args.roomId === undefined) {
    throw new ValidationError("give membershipId, or roomId with personEmail or personId", { argument: "roomId" });
  }
  exactlyOne(args, ["personEmail", "personId"]);
  const person = args.personId !== undefined ? { personId: args.personId } : { personEmail: args.personEmail };
  const [membership] = await context.wx.memberships
    .list({ roomId: args.roomId, ...person, max: 1 }, context.call())
    .first(1);
  if (!membership) {
    throw new ToolFailure(
      `${args.personEmail ?? args.personId} is not a member of that room; list_members shows who is`,
    );
  }
  return membership.id;
}
