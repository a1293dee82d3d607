import type { Activity, Engine } from "./engine.js";
import { membershipJson, roomJson } from "./serialize.js";
import type { MembershipRecord, RoomRecord } from "./store.js";

/** Builders for the activities rooms and memberships produce (messages and cards build their own). */

export function roomActivity(engine: Engine, room: RoomRecord, event: Activity["event"], actorId: string): Activity {
  const full = roomJson(engine.store, room);
  // Webhook data leaves out the encrypted fields.
  const { title: _title, description: _description, ...data } = full;
  return {
    resource: "rooms",
    event,
    actorId,
    room,
    audience: new Set(room.members.keys()),
    data,
    full,
    filterFields: { type: room.type, isLocked: String(room.isLocked) },
  };
}

export function membershipActivity(
  engine: Engine,
  room: RoomRecord,
  membership: MembershipRecord,
  event: Activity["event"],
  actorId: string,
): Activity {
  const json = membershipJson(engine.store, membership);
  const audience = new Set(room.members.keys());
  audience.add(membership.personId);
  return {
    resource: "memberships",
    event,
    actorId,
    room,
    audience,
    data: json,
    full: json,
    filterFields: {
      roomId: room.id,
      personId: membership.personId,
      personEmail: String(json.personEmail ?? ""),
      isModerator: String(membership.isModerator),
    },
  };
}
