import { roomOfMember } from "../domain/rooms.js";
import { type RoomRecord, table } from "../domain/store.js";
import { badRequest, forbidden, notFound } from "../errors.js";
import { hydraId, isoTime } from "../ids.js";
import { pageOf } from "../pagination.js";
import { type Ctx, defineResource, type Reply, route } from "../resource.js";
import { type Input, rules } from "../rules.js";
import type { Json } from "../types.js";

/** Room Tabs (webex-messaging.json): a URL pinned to a room, seen and managed by its members. */

export interface RoomTabRecord {
  id: string;
  roomId: string;
  displayName: string;
  contentUrl: string;
  creatorId: string;
  createdMs: number;
}

export const roomTabRecords = table<RoomTabRecord>();

const TAB_NOT_FOUND = "Room tab not found.";

/** Both create and update (PUT) take all three fields, as the spec has it. */
const tabRules = rules({
  roomId: { type: "string", required: "roomId cannot be empty." },
  contentUrl: { type: "url", https: true, required: "contentUrl cannot be empty." },
  displayName: { type: "string", required: "displayName cannot be empty." },
});

function roomTabJson(tab: RoomTabRecord, room: RoomRecord): Json {
  return {
    id: tab.id,
    roomId: tab.roomId,
    roomType: room.type,
    displayName: tab.displayName,
    contentUrl: tab.contentUrl,
    creatorId: tab.creatorId,
    created: isoTime(tab.createdMs),
  };
}

/** A tab is seen only by members of its room (a deleted room takes its tabs with it). */
function tabOfMember(ctx: Ctx): { tab: RoomTabRecord; room: RoomRecord } {
  const tab = roomTabRecords.of(ctx.store).get(ctx.params.id as string);
  const room = tab ? ctx.store.rooms.get(tab.roomId) : undefined;
  if (!tab || !room?.members.has(ctx.caller.id)) throw notFound(TAB_NOT_FOUND);
  return { tab, room };
}

/** In a locked (moderated) room only moderators change tabs, as with its other settings. */
function requireEditor(ctx: Ctx, room: RoomRecord): void {
  if (room.isLocked && !room.members.get(ctx.caller.id)?.isModerator) {
    throw forbidden("Only moderators can change the tabs of a locked space.");
  }
}

function list(ctx: Ctx): Reply {
  const roomId = ctx.query.get("roomId");
  if (!roomId) throw badRequest("Required String parameter 'roomId' is not present");
  const room = roomOfMember(ctx, roomId);
  const tabs = [...roomTabRecords.of(ctx.store).values()].filter((tab) => tab.roomId === room.id);
  return pageOf(ctx, tabs, 100, 1000, undefined, (tab) => roomTabJson(tab, room));
}

function create(ctx: Ctx, input: Input<typeof tabRules>): Reply {
  const room = roomOfMember(ctx, input.roomId);
  requireEditor(ctx, room);
  const now = ctx.engine.now();
  const tab: RoomTabRecord = {
    id: hydraId("ROOM_TAB", ctx.store.random.uuid1(now)),
    roomId: room.id,
    displayName: input.displayName,
    contentUrl: input.contentUrl,
    creatorId: ctx.caller.id,
    createdMs: now,
  };
  roomTabRecords.of(ctx.store).set(tab.id, tab);
  return { json: roomTabJson(tab, room) };
}

function update(ctx: Ctx, input: Input<typeof tabRules>): Reply {
  const { tab, room } = tabOfMember(ctx);
  if (input.roomId !== tab.roomId) throw badRequest("roomId does not match the room tab's space.");
  requireEditor(ctx, room);
  tab.displayName = input.displayName;
  tab.contentUrl = input.contentUrl;
  return { json: roomTabJson(tab, room) };
}

function remove(ctx: Ctx): Reply {
  const { tab, room } = tabOfMember(ctx);
  requireEditor(ctx, room);
  roomTabRecords.of(ctx.store).delete(tab.id);
  return { status: 204 };
}

export const roomTabs = defineResource({
  name: "Room Tabs",
  routes: [
    route({ method: "GET", path: "room/tabs", handle: list }),
    route({ method: "POST", path: "room/tabs", body: tabRules, handle: create }),
    route({
      method: "GET",
      path: "room/tabs/:id",
      handle: (ctx) => {
        const { tab, room } = tabOfMember(ctx);
        return { json: roomTabJson(tab, room) };
      },
    }),
    route({ method: "PUT", path: "room/tabs/:id", body: tabRules, handle: update }),
    route({ method: "DELETE", path: "room/tabs/:id", handle: remove }),
  ],
});
