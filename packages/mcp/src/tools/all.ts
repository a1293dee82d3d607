import type { WebexTool } from "../tool.js";
import { createMeeting } from "./create-meeting.js";
import { createRoom } from "./create-room.js";
import { deleteMessage } from "./delete-message.js";
import { editMessage } from "./edit-message.js";
import { findPeople } from "./find-people.js";
import { listMeetings } from "./list-meetings.js";
import { listRooms } from "./list-rooms.js";
import { addMember, listMembers, removeMember } from "./members.js";
import { readMessages } from "./read-messages.js";
import { sendCard } from "./send-card.js";
import { sendMessage } from "./send-message.js";
import { whoami } from "./whoami.js";

/** Every tool, in the order clients list them. */
export const ALL_TOOLS: readonly WebexTool[] = [
  whoami,
  listRooms,
  createRoom,
  findPeople,
  readMessages,
  sendMessage,
  editMessage,
  deleteMessage,
  sendCard,
  listMembers,
  addMember,
  removeMember,
  listMeetings,
  createMeeting,
] as unknown as readonly WebexTool[];
