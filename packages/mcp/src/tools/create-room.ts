import { z } from "zod";
import { renderRoom, shownRoom, showRoom } from "../shown/room.js";
import { defineTool } from "../tool.js";

export const createRoom = defineTool({
  name: "create_room",
  toolset: "rooms",
  title: "Create a room",
  description: "Creates a group room (space) with the user as its first member and moderator; add_member adds others.",
  behaviour: { readOnly: false, destructive: false, idempotent: false },
  input: {
    title: z.string().min(1).max(1024).describe("The room's title"),
    teamId: z.string().min(1).optional().describe("Create it in this team"),
    locked: z.boolean().optional().describe("Moderated: only moderators add or remove members"),
    description: z.string().max(4096).optional(),
  },
  output: { room: shownRoom },
  notFound: "no such team; the team id is wrong",
  async run(args, context) {
    const created = await context.wx.rooms.create(
      { title: args.title, teamId: args.teamId, isLocked: args.locked, description: args.description },
      context.call(),
    );
    const room = showRoom(created);
    return { structured: { room }, text: `Created room:\n${renderRoom(room)}` };
  },
});
