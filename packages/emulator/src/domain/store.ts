import { hydraId, type Random } from "../ids.js";
import type { Json } from "../types.js";

export interface PersonRecord {
  id: string;
  uuid: string;
  /** The Person JSON as served (mutable: PUT replaces fields). */
  json: Json & {
    id: string;
    emails: string[];
    displayName: string;
    orgId: string;
    type: string;
    roles: string[];
    licenses?: string[];
  };
  /** `json` as text, kept until the person changes (GET /people/me is the hottest route). */
  served?: { text: string; bytes: number };
}

export interface TokenRecord {
  personId: string;
  expiresAtMs?: number;
  scope?: string;
}

export interface MembershipRecord {
  id: string;
  roomId: string;
  personId: string;
  isModerator: boolean;
  isRoomHidden: boolean;
  createdMs: number;
}

export interface MessageRecord {
  id: string;
  /** Global insertion order; every per-room sequence is sorted by it. */
  seq: number;
  roomId: string;
  personId: string;
  parentId?: string;
  text?: string;
  markdown?: string;
  html?: string;
  /** Content IDs (uploads and links). */
  contentIds?: string[];
  attachments?: Json[];
  mentionedPeople?: string[];
  mentionedGroups?: string[];
  toPersonId?: string;
  toPersonEmail?: string;
  createdMs: number;
  updatedMs?: number;
  edits: number;
  deleted: boolean;
  /** The served JSON, kept once built (see views.ts); an edit replaces the record, so it never goes stale. */
  served?: ServedJson;
}

/** A record's JSON text as last served, valid for one base URL and one version of the people it names. */
export interface ServedJson {
  text: string;
  /** Its length in UTF-8, the Content-Length of a page made of it. */
  bytes: number;
  baseUrl: string;
  peopleVersion: number;
}

export interface RoomRecord {
  id: string;
  uuid: string;
  title: string;
  type: "direct" | "group";
  isLocked: boolean;
  teamId?: string;
  lastActivityMs: number;
  creatorId: string;
  createdMs: number;
  isAnnouncementOnly: boolean;
  isReadOnly: boolean;
  isPublic: boolean;
  madePublicMs?: number;
  description?: string;
  classificationId?: string;
  members: Map<string, MembershipRecord>;
  /** Messages in posting order (tombstoned on delete, never spliced, so positions stay valid). */
  messages: MessageRecord[];
  /** Replies per parent message, in posting order. */
  threads: Map<string, MessageRecord[]>;
}

export interface TeamMembershipRecord {
  id: string;
  teamId: string;
  personId: string;
  isModerator: boolean;
  createdMs: number;
}

export interface TeamRecord {
  id: string;
  uuid: string;
  name: string;
  description?: string;
  creatorId: string;
  createdMs: number;
  generalRoomId: string;
  members: Map<string, TeamMembershipRecord>;
}

export interface WebhookRecord {
  id: string;
  name: string;
  targetUrl: string;
  resource: string;
  event: string;
  filter?: string;
  secret?: string;
  status: "active" | "inactive";
  ownedBy: "creator" | "org";
  createdBy: string;
  orgId: string;
  createdMs: number;
  /** Times (ms) of recent failed deliveries, for the auto-disable rule. */
  failures: number[];
  reenabledAtMs?: number;
}

export interface ContentRecord {
  id: string;
  messageId: string;
  roomId: string;
  filename: string;
  contentType: string;
  bytes?: Buffer;
  /** A file sent by URL is kept as a link. */
  link?: string;
}

export interface AttachmentActionRecord {
  json: Json & { id: string; roomId: string; messageId: string; personId: string };
}

export interface CodeRecord {
  personId: string;
  scope: string;
  redirectUri: string;
  codeChallenge?: string;
  codeChallengeMethod?: string;
  expiresAtMs: number;
}

/** A compliance event: what happened, and a reference to what it happened to (see activity.ts). */
export interface EventRecord {
  uuid: string;
  resource: string;
  type: string;
  actorId: string;
  createdMs: number;
  subject: unknown;
  view: (subject: unknown, store: Store, baseUrl: string) => Json;
}

export const APP_ID = hydraId("APPLICATION", "c1ec8f1d-0ad4-4f5c-9a5c-7b1e9e1f4b0a");

/**
 * Records a resource keeps beyond the core ones: `table<RoomTabRecord>()` gives each Store its own
 * Map (created on first use, gone on reset), so adding a resource never touches this file.
 */
export interface Table<R> {
  of(store: Store): Map<string, R>;
}

export function table<R>(): Table<R> {
  const key = Symbol();
  return { of: (store) => store.tableFor(key) as Map<string, R> };
}

/** All emulator state. Maps keyed by ID, plus the indexes the hot paths need. */
export class Store {
  readonly people = new Map<string, PersonRecord>();
  readonly peopleByEmail = new Map<string, string>();
  readonly tokens = new Map<string, TokenRecord>();
  readonly rooms = new Map<string, RoomRecord>();
  readonly roomsByPerson = new Map<string, Set<string>>();
  readonly directRooms = new Map<string, string>();
  readonly memberships = new Map<string, MembershipRecord>();
  readonly messages = new Map<string, MessageRecord>();
  readonly teams = new Map<string, TeamRecord>();
  readonly teamMemberships = new Map<string, TeamMembershipRecord>();
  readonly webhooks = new Map<string, WebhookRecord>();
  readonly contents = new Map<string, ContentRecord>();
  readonly attachmentActions = new Map<string, AttachmentActionRecord>();
  readonly events: EventRecord[] = [];
  /** By the event's uuid (the ID's last part). */
  readonly eventsById = new Map<string, EventRecord>();
  readonly auditEvents: Json[] = [];
  readonly licenses: Json[] = [];
  readonly roles: Json[] = [];
  readonly organizations: Json[] = [];
  readonly codes = new Map<string, CodeRecord>();
  readonly refreshTokens = new Map<string, { personId: string; scope: string; clientId: string }>();
  readonly guests = new Map<string, string>();
  /** Bumped whenever a person's served fields change, so cached JSON naming people is rebuilt. */
  peopleVersion = 0;
  private seq = 0;
  private readonly tables = new Map<symbol, Map<string, unknown>>();

  constructor(
    readonly random: Random,
    readonly now: () => number,
  ) {}

  tableFor(key: symbol): Map<string, unknown> {
    let map = this.tables.get(key);
    if (!map) {
      map = new Map();
      this.tables.set(key, map);
    }
    return map;
  }

  nextSeq(): number {
    this.seq += 1;
    return this.seq;
  }

  personByEmail(email: string): PersonRecord | undefined {
    const id = this.peopleByEmail.get(email.toLowerCase());
    return id ? this.people.get(id) : undefined;
  }

  addPersonRecord(person: PersonRecord): void {
    this.peopleVersion += 1;
    person.served = undefined;
    this.people.set(person.id, person);
    for (const email of person.json.emails) this.peopleByEmail.set(email.toLowerCase(), person.id);
  }

  removePersonRecordEmails(person: PersonRecord): void {
    this.peopleVersion += 1;
    for (const email of person.json.emails) this.peopleByEmail.delete(email.toLowerCase());
  }

  removePersonRecord(person: PersonRecord): void {
    this.people.delete(person.id);
    this.removePersonRecordEmails(person);
    for (const [token, record] of this.tokens) if (record.personId === person.id) this.tokens.delete(token);
  }

  roomIdsOf(personId: string): Set<string> {
    let set = this.roomsByPerson.get(personId);
    if (!set) {
      set = new Set();
      this.roomsByPerson.set(personId, set);
    }
    return set;
  }

  addMember(room: RoomRecord, person: PersonRecord, isModerator: boolean, ms = this.now()): MembershipRecord {
    const membership: MembershipRecord = {
      id: hydraId("MEMBERSHIP", `${person.uuid}:${room.uuid}`),
      roomId: room.id,
      personId: person.id,
      isModerator,
      isRoomHidden: false,
      createdMs: ms,
    };
    room.members.set(person.id, membership);
    this.memberships.set(membership.id, membership);
    this.roomIdsOf(person.id).add(room.id);
    return membership;
  }

  removeMember(room: RoomRecord, personId: string): void {
    const membership = room.members.get(personId);
    if (!membership) return;
    room.members.delete(personId);
    this.memberships.delete(membership.id);
    this.roomsByPerson.get(personId)?.delete(room.id);
  }

  removeRoom(room: RoomRecord): void {
    for (const personId of [...room.members.keys()]) this.removeMember(room, personId);
    this.rooms.delete(room.id);
    for (const message of room.messages) this.messages.delete(message.id);
    for (const [key, id] of this.directRooms) if (id === room.id) this.directRooms.delete(key);
  }

  directKey(a: string, b: string): string {
    return a < b ? `${a}|${b}` : `${b}|${a}`;
  }
}
