import type { Engine } from "../engine.js";
import { hydraId, isoTime } from "../ids.js";
import type { Json } from "../types.js";
import {
  APP_ID,
  type EventRecord,
  type MembershipRecord,
  type MessageRecord,
  type PersonRecord,
  type RoomRecord,
  type ServedJson,
  type Store,
  type TeamMembershipRecord,
  type TeamRecord,
  type WebhookRecord,
} from "./store.js";

/** JSON shapes as the live service sends them: absent values are omitted, never null. */

export function roomJson(store: Store, room: RoomRecord, viewerId?: string): Json {
  const json: Json = { id: room.id, title: roomTitle(store, room, viewerId), type: room.type, isLocked: room.isLocked };
  if (room.teamId) json.teamId = room.teamId;
  json.lastActivity = isoTime(room.lastActivityMs);
  json.creatorId = room.creatorId;
  json.created = isoTime(room.createdMs);
  json.ownerId = store.people.get(room.creatorId)?.json.orgId ?? store.organizations[0]?.id;
  if (room.classificationId) json.classificationId = room.classificationId;
  json.isAnnouncementOnly = room.isAnnouncementOnly;
  json.isReadOnly = room.isReadOnly;
  json.isPublic = room.isPublic;
  if (room.madePublicMs !== undefined) json.madePublic = isoTime(room.madePublicMs);
  if (room.description) json.description = room.description;
  return json;
}

/** A 1:1 room is titled with the other participant's name, as each viewer sees it. */
function roomTitle(store: Store, room: RoomRecord, viewerId?: string): string {
  if (room.type !== "direct") return room.title;
  for (const personId of room.members.keys()) {
    if (personId !== viewerId) return store.people.get(personId)?.json.displayName ?? room.title;
  }
  return room.title;
}

export function membershipJson(store: Store, membership: MembershipRecord): Json {
  const person = store.people.get(membership.personId)?.json;
  const room = store.rooms.get(membership.roomId);
  return {
    id: membership.id,
    roomId: membership.roomId,
    personId: membership.personId,
    personEmail: person?.emails[0],
    personDisplayName: person?.displayName,
    personOrgId: person?.orgId,
    isModerator: membership.isModerator,
    isMonitor: false,
    isRoomHidden: membership.isRoomHidden,
    roomType: room?.type ?? "group",
    created: isoTime(membership.createdMs),
  };
}

export function contentUrl(baseUrl: string, contentId: string): string {
  return `${baseUrl}contents/${contentId}`;
}

export function messageJson(store: Store, message: MessageRecord, baseUrl: string): Json {
  const room = store.rooms.get(message.roomId);
  const author = store.people.get(message.personId)?.json;
  const json: Json = { id: message.id };
  if (message.parentId) json.parentId = message.parentId;
  json.roomId = message.roomId;
  json.roomType = room?.type ?? "group";
  if (message.toPersonId) json.toPersonId = message.toPersonId;
  if (message.toPersonEmail) json.toPersonEmail = message.toPersonEmail;
  if (message.text !== undefined) json.text = message.text;
  if (message.markdown !== undefined) json.markdown = message.markdown;
  if (message.html !== undefined) json.html = message.html;
  if (message.contentIds) json.files = message.contentIds.map((id) => contentUrl(baseUrl, id));
  json.personId = message.personId;
  json.personEmail = author?.emails[0];
  if (message.mentionedPeople?.length) json.mentionedPeople = message.mentionedPeople;
  if (message.mentionedGroups?.length) json.mentionedGroups = message.mentionedGroups;
  if (message.attachments) json.attachments = message.attachments;
  json.created = isoTime(message.createdMs);
  if (message.updatedMs !== undefined) json.updated = isoTime(message.updatedMs);
  return json;
}

/**
 * A message's JSON text, built once on first read and reused: pages are made of these. It names the
 * author's email, so it is rebuilt after any change to people, and for another base URL (file links).
 */
export function servedMessage(store: Store, message: MessageRecord, baseUrl: string): ServedJson {
  const served = message.served;
  if (served && served.baseUrl === baseUrl && served.peopleVersion === store.peopleVersion) return served;
  const text = JSON.stringify(messageJson(store, message, baseUrl));
  message.served = { text, bytes: Buffer.byteLength(text), baseUrl, peopleVersion: store.peopleVersion };
  return message.served;
}

/** A person's JSON text, kept until the person changes (the store clears it then). */
export function servedPerson(person: PersonRecord): Pick<ServedJson, "text" | "bytes"> {
  if (!person.served) {
    const text = JSON.stringify(person.json);
    person.served = { text, bytes: Buffer.byteLength(text) };
  }
  return person.served;
}

/** `{"items":[…]}` from JSON texts and their UTF-8 lengths, so its length needs no second pass. */
export function itemsPage(items: readonly Pick<ServedJson, "text" | "bytes">[]): { text: string; bytes: number } {
  const texts: string[] = new Array(items.length);
  let bytes = '{"items":[]}'.length + Math.max(0, items.length - 1);
  for (let i = 0; i < items.length; i++) {
    const item = items[i] as ServedJson;
    texts[i] = item.text;
    bytes += item.bytes;
  }
  return { text: `{"items":[${texts.join(",")}]}`, bytes };
}

export function teamJson(team: TeamRecord): Json {
  const json: Json = { id: team.id, name: team.name };
  if (team.description) json.description = team.description;
  json.creatorId = team.creatorId;
  json.created = isoTime(team.createdMs);
  return json;
}

export function teamMembershipJson(store: Store, membership: TeamMembershipRecord): Json {
  const person = store.people.get(membership.personId)?.json;
  return {
    id: membership.id,
    teamId: membership.teamId,
    personId: membership.personId,
    personEmail: person?.emails[0],
    personDisplayName: person?.displayName,
    personOrgId: person?.orgId,
    isModerator: membership.isModerator,
    created: isoTime(membership.createdMs),
  };
}

export function webhookJson(webhook: WebhookRecord): Json {
  const json: Json = {
    id: webhook.id,
    name: webhook.name,
    targetUrl: webhook.targetUrl,
    resource: webhook.resource,
    event: webhook.event,
  };
  if (webhook.filter) json.filter = webhook.filter;
  if (webhook.secret) json.secret = webhook.secret;
  json.status = webhook.status;
  json.created = isoTime(webhook.createdMs);
  json.ownedBy = webhook.ownedBy;
  json.orgId = webhook.orgId;
  json.createdBy = webhook.createdBy;
  json.appId = APP_ID;
  return json;
}

export function eventJson(engine: Engine, event: EventRecord, baseUrl: string): Json {
  return {
    id: hydraId("EVENT", event.uuid),
    resource: event.resource,
    type: event.type,
    appId: APP_ID,
    actorId: event.actorId,
    orgId: engine.orgId,
    created: isoTime(event.createdMs),
    data: event.view(event.subject, engine.store, baseUrl),
  };
}
