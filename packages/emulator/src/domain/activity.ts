import type { Engine } from "../engine.js";
import type { Json } from "../types.js";
import type { AttachmentActionRecord, MembershipRecord, MessageRecord, RoomRecord, Store } from "./store.js";
import { contentUrl, membershipJson, messageJson, roomJson } from "./views.js";

/** Something that happened in a room: recorded as a compliance event and sent to matching webhooks. */
export interface Activity {
  resource: "messages" | "memberships" | "rooms" | "attachmentActions";
  event: "created" | "updated" | "deleted";
  actorId: string;
  room: RoomRecord;
  /** People allowed to hear about it (room members before and after the change). */
  readonly audience: { has(personId: string): boolean };
  /** Webhook `data`: metadata only, as the service sends it (built only when a webhook matches). */
  readonly data: Json;
  /** Values webhook filters are matched against. */
  readonly filterFields: Record<string, string | string[]>;
  /** People mentioned (messages), for the bot rule. */
  mentionedPeople?: string[];
  /**
   * What the compliance event keeps: a reference, shown by `view` when events are read. Messages are
   * never changed in place (an edit makes a new record), so an event keeps showing what happened.
   */
  subject: unknown;
  view: EventView;
}

export type EventView = (subject: unknown, store: Store, baseUrl: string) => Json;

const asStored: EventView = (subject) => subject as Json;
const asMessage: EventView = (subject, store, baseUrl) => messageJson(store, subject as MessageRecord, baseUrl);

/** Builders for the activities each resource produces. */

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
    filterFields: { type: room.type, isLocked: String(room.isLocked) },
    subject: full,
    view: asStored,
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
    filterFields: {
      roomId: room.id,
      personId: membership.personId,
      personEmail: String(json.personEmail ?? ""),
      isModerator: String(membership.isModerator),
    },
    subject: json,
    view: asStored,
  };
}

/** Built for every message posted, so nothing is computed until a webhook or an event reader asks. */
export function messageActivity(
  engine: Engine,
  message: MessageRecord,
  event: Activity["event"],
  baseUrl: string,
  actorId = message.personId,
): Activity {
  const store = engine.store;
  const room = store.rooms.get(message.roomId) as RoomRecord;
  const email = () => String(store.people.get(message.personId)?.json.emails[0] ?? "");
  return {
    resource: "messages",
    event,
    actorId,
    room,
    // Read synchronously while the activity is dispatched, so the live member map is the audience.
    audience: room.members,
    get data() {
      const data: Json = {
        id: message.id,
        roomId: message.roomId,
        roomType: room.type,
        personId: message.personId,
        personEmail: store.people.get(message.personId)?.json.emails[0],
      };
      if (message.parentId) data.parentId = message.parentId;
      if (message.mentionedPeople?.length) data.mentionedPeople = message.mentionedPeople;
      if (message.mentionedGroups?.length) data.mentionedGroups = message.mentionedGroups;
      if (message.contentIds) data.files = message.contentIds.map((id) => contentUrl(baseUrl, id));
      data.created = new Date(message.createdMs).toISOString();
      if (message.updatedMs !== undefined) data.updated = new Date(message.updatedMs).toISOString();
      return data;
    },
    get filterFields() {
      return {
        roomId: room.id,
        roomType: room.type,
        personId: message.personId,
        personEmail: email(),
        mentionedPeople: message.mentionedPeople ?? [],
        hasFiles: String(Boolean(message.contentIds)),
        hasAttachments: String(Boolean(message.attachments)),
      };
    },
    mentionedPeople: message.mentionedPeople ?? [],
    subject: message,
    view: asMessage,
  };
}

export function cardActivity(action: AttachmentActionRecord, room: RoomRecord): Activity {
  const json = action.json;
  // Webhooks carry no inputs: receivers fetch them with GET /attachment/actions/{id}.
  const { inputs: _inputs, ...data } = json;
  return {
    resource: "attachmentActions",
    event: "created",
    actorId: json.personId,
    room,
    audience: new Set(room.members.keys()),
    data,
    filterFields: { messageId: json.messageId, personId: json.personId, roomId: room.id },
    subject: json,
    view: asStored,
  };
}
