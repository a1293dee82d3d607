import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, expectTypeOf, it } from "vitest";
import {
  AdaptiveCardContentType,
  type Attachment,
  AttachmentActionType,
  EventResource,
  EventType,
  type Membership,
  type Message,
  type ModelsByKind,
  type ObjectKind,
  type Person,
  PersonStatus,
  PersonType,
  plainObjectFactory,
  type Room,
  RoomSortBy,
  RoomType,
  type Team,
  type TeamMembership,
  type Webhook,
  type WebhookEvent,
  WebhookEventType,
  WebhookOwnedBy,
  WebhookResource,
  WebhookStatus,
} from "../src/index.js";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");

describe("model types", () => {
  it("types known fields and keeps unknown fields reachable as unknown", () => {
    const room = { id: "R", title: "T", futureField: 1 } as unknown as Room;
    expectTypeOf(room.title).toEqualTypeOf<string>();
    expectTypeOf(room.type).toEqualTypeOf<RoomType>();
    expectTypeOf(room.teamId).toEqualTypeOf<string | undefined>();
    expectTypeOf(room.futureField).toEqualTypeOf<unknown>();
    expect(room.futureField).toBe(1);
  });

  it("uses ISO strings for timestamps, not Date", () => {
    expectTypeOf<Message["created"]>().toEqualTypeOf<string>();
    expectTypeOf<Person["lastModified"]>().toEqualTypeOf<string | undefined>();
  });

  it("types message attachments", () => {
    expectTypeOf<NonNullable<Message["attachments"]>>().toEqualTypeOf<Attachment[]>();
    expect(AdaptiveCardContentType).toBe("application/vnd.microsoft.card.adaptive");
  });

  it("narrows a webhook event on resource and event", () => {
    const event = {} as WebhookEvent;
    if (event.resource === "messages") {
      expectTypeOf(event.data.personEmail).toEqualTypeOf<string>();
      expectTypeOf(event.event).toEqualTypeOf<"created" | "updated" | "deleted">();
    }
    if (event.resource === "memberships") {
      expectTypeOf(event.data).toEqualTypeOf<Membership>();
    }
    if (event.resource === "rooms") {
      expectTypeOf(event.data).toEqualTypeOf<Room>();
    }
    if (event.resource === "attachmentActions") {
      expectTypeOf(event.data.messageId).toEqualTypeOf<string>();
    }
  });

  it("maps every object kind to its model", () => {
    expectTypeOf<keyof ModelsByKind>().toEqualTypeOf<ObjectKind>();
    expectTypeOf<ModelsByKind["team"]>().toEqualTypeOf<Team>();
  });

  it("returns the plain parsed JSON from the default factory, unknown fields kept", () => {
    const json = { id: "R", title: "T", newField: { a: 1 } };
    expect(plainObjectFactory("room", json)).toBe(json);
  });
});

describe("enums", () => {
  const cases: [string, Record<string, string>, string[]][] = [
    ["RoomType", RoomType, ["direct", "group"]],
    ["RoomSortBy", RoomSortBy, ["id", "lastactivity", "created"]],
    [
      "PersonStatus",
      PersonStatus,
      ["active", "call", "DoNotDisturb", "inactive", "meeting", "OutOfOffice", "pending", "presenting", "unknown"],
    ],
    ["PersonType", PersonType, ["person", "bot", "appuser"]],
    [
      "WebhookResource",
      WebhookResource,
      [
        "attachmentActions",
        "memberships",
        "messages",
        "rooms",
        "all",
        "dataSources",
        "meetings",
        "recordings",
        "convergedRecordings",
        "meetingParticipants",
        "meetingTranscripts",
        "telephony_calls",
        "telephony_conference",
        "telephony_mwi",
        "uc_counters",
        "serviceApp",
        "adminBatchJobs",
      ],
    ],
    [
      "WebhookEventType",
      WebhookEventType,
      [
        "created",
        "updated",
        "deleted",
        "migrated",
        "all",
        "started",
        "ended",
        "joined",
        "left",
        "authorized",
        "deauthorized",
        "statusChanged",
      ],
    ],
    ["WebhookStatus", WebhookStatus, ["active", "inactive"]],
    ["WebhookOwnedBy", WebhookOwnedBy, ["creator", "org"]],
    [
      "EventResource",
      EventResource,
      [
        "attachmentActions",
        "businessTexts",
        "call_records",
        "convergedRecordings",
        "file_transcodings",
        "files",
        "meetingMessages",
        "meetings",
        "meetingTranscripts",
        "memberships",
        "messages",
        "rooms",
        "tabs",
      ],
    ],
    ["EventType", EventType, ["created", "updated", "deleted", "ended"]],
    ["AttachmentActionType", AttachmentActionType, ["submit"]],
  ];
  it.each(cases)("%s holds exactly the listed values, keyed by themselves", (_name, constObject, values) => {
    expect(Object.values(constObject).sort()).toEqual([...values].sort());
    for (const [key, value] of Object.entries(constObject)) expect(key).toBe(value);
  });

  it("enum types are the unions of their values", () => {
    expectTypeOf<RoomType>().toEqualTypeOf<"direct" | "group">();
    expectTypeOf<WebhookOwnedBy>().toEqualTypeOf<"creator" | "org">();
  });
});

// The compiler proves each model has these keys; the spec test proves the lists cover the spec.
const fieldNames = {
  Room: [
    "id",
    "title",
    "type",
    "isLocked",
    "teamId",
    "lastActivity",
    "creatorId",
    "created",
    "ownerId",
    "classificationId",
    "isAnnouncementOnly",
    "isReadOnly",
    "isPublic",
    "madePublic",
    "description",
  ] satisfies ReadonlyArray<keyof Room>,
  Person: [
    "id",
    "emails",
    "phoneNumbers",
    "extension",
    "locationId",
    "displayName",
    "nickName",
    "firstName",
    "lastName",
    "avatar",
    "orgId",
    "roles",
    "licenses",
    "department",
    "manager",
    "managerId",
    "title",
    "addresses",
    "created",
    "lastModified",
    "timezone",
    "lastActivity",
    "siteUrls",
    "sipAddresses",
    "xmppFederationJid",
    "status",
    "invitePending",
    "loginEnabled",
    "type",
  ] satisfies ReadonlyArray<keyof Person>,
  Message: [
    "id",
    "parentId",
    "roomId",
    "roomType",
    "toPersonId",
    "toPersonEmail",
    "text",
    "markdown",
    "html",
    "files",
    "personId",
    "personEmail",
    "mentionedPeople",
    "mentionedGroups",
    "attachments",
    "created",
    "updated",
    "isVoiceClip",
  ] satisfies ReadonlyArray<keyof Message>,
  Membership: [
    "id",
    "roomId",
    "personId",
    "personEmail",
    "personDisplayName",
    "personOrgId",
    "isModerator",
    "isRoomHidden",
    "roomType",
    "isMonitor",
    "created",
  ] satisfies ReadonlyArray<keyof Membership>,
  Team: ["id", "name", "description", "created"] satisfies ReadonlyArray<keyof Team>,
  TeamMembership: [
    "id",
    "teamId",
    "personId",
    "personEmail",
    "personDisplayName",
    "personOrgId",
    "isModerator",
    "created",
  ] satisfies ReadonlyArray<keyof TeamMembership>,
  Webhook: [
    "id",
    "name",
    "targetUrl",
    "resource",
    "event",
    "filter",
    "secret",
    "status",
    "created",
    "ownedBy",
  ] satisfies ReadonlyArray<keyof Webhook>,
};

// Our Message type merges the spec's Message (create response) and ListMessage (GET) schemas.
const specSchemas: Record<keyof typeof fieldNames, string[]> = {
  Room: ["Room"],
  Person: ["Person"],
  Message: ["Message", "ListMessage"],
  Membership: ["Membership"],
  Team: ["Team"],
  TeamMembership: ["TeamMembership"],
  Webhook: ["Webhook"],
};

// The copy in @wx/openapi, so the check runs in any clone.
const specPath = path.resolve(repoRoot, "packages/openapi/specs/webex-messaging.json");

describe(`models cover every field of the official spec (${path.basename(specPath)})`, () => {
  const spec = JSON.parse(readFileSync(specPath, "utf8")) as {
    components: { schemas: Record<string, { properties?: Record<string, unknown> }> };
  };
  it.each(Object.keys(fieldNames) as (keyof typeof fieldNames)[])("%s has every spec field", (model) => {
    const specFields = specSchemas[model].flatMap((schema) =>
      Object.keys(spec.components.schemas[schema]?.properties ?? {}),
    );
    expect(specFields.length).toBeGreaterThan(0);
    const missing = specFields.filter((field) => !(fieldNames[model] as readonly string[]).includes(field));
    expect(missing).toEqual([]);
  });
});
