import type { Room } from "@wx/sdk";
import { z } from "zod";

/** A room as the model sees it: what it needs to pick one and act on it. */
export const shownRoom = z.object({
  id: z.string(),
  title: z.string(),
  type: z.string(),
  lastActivity: z.string().optional(),
  teamId: z.string().optional(),
  locked: z.boolean().optional(),
});

export type ShownRoom = z.infer<typeof shownRoom>;

export function showRoom(room: Room): ShownRoom {
  return {
    id: room.id,
    title: room.title,
    type: room.type,
    lastActivity: room.lastActivity,
    teamId: room.teamId,
    locked: room.isLocked || undefined,
  };
}

export function renderRoom(room: ShownRoom): string {
  const when = room.lastActivity ? `, last active ${shortTime(room.lastActivity)}` : "";
  return `- ${room.title} (${room.type}${room.locked ? ", locked" : ""}${when}) id: ${room.id}`;
}

/** `2024-05-01 10:03` from an ISO time: enough for a reader, a third of the bytes. */
export function shortTime(iso: string): string {
  return iso.replace("T", " ").slice(0, 16);
}
