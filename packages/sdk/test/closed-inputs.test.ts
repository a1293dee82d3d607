import { afterAll, describe, expect, it } from "vitest";
import { json, startTestServer } from "../../../testing/test-server.js";
import { ValidationError, WebexClient } from "../src/index.js";

// Answers every call the way its method expects: a page (`items`) or an object, 204 where the API gives it.
const server = await startTestServer((req, res) => {
  if (req.method === "DELETE" || /\/registrants\/(approve|reject|cancel|bulkDelete)$/.test(req.url)) {
    return res.writeHead(204).end();
  }
  json(res, 200, { items: [], id: "X", roomId: "R" });
});
afterAll(() => server.close());
const wx = new WebexClient({ accessToken: "token", baseUrl: server.baseUrl, maxRetries: 0 });
afterAll(() => wx.close());

const extra = { wxProbe: "sent" };
const start = "2030-03-01T10:00:00Z";
const end = "2030-03-01T11:00:00Z";
const file = { source: new Uint8Array([1, 2, 3]), filename: "a.bin" };

/** Every method that takes fields or filters, each given the one escape hatch. */
const calls: [string, () => Promise<unknown>][] = [
  ["adminAuditEvents.list", () => wx.adminAuditEvents.list({ orgId: "O", from: start, to: end, extra }).first(1)],
  [
    "attachmentActions.create",
    () => wx.attachmentActions.create({ type: "submit", messageId: "M", inputs: {}, extra }),
  ],
  ["events.list", () => wx.events.list({ resource: "messages", extra }).first(1)],
  ["licenses.list", () => wx.licenses.list({ extra }).first(1)],
  ["licenses.get", () => wx.licenses.get("L", { includeAssignedTo: "user", extra })],
  ["meetingInvitees.list", () => wx.meetingInvitees.list({ meetingId: "M", extra }).first(1)],
  ["meetingInvitees.create", () => wx.meetingInvitees.create({ meetingId: "M", email: "a@example.com", extra })],
  [
    "meetingInvitees.createMany",
    () => wx.meetingInvitees.createMany({ meetingId: "M", items: [{ email: "a@example.com" }], extra }),
  ],
  [
    "meetingInvitees.createMany item",
    () => wx.meetingInvitees.createMany({ meetingId: "M", items: [{ email: "a@example.com", extra }] }),
  ],
  ["meetingInvitees.update", () => wx.meetingInvitees.update("I", { email: "a@example.com", extra })],
  ["meetingRegistrants.list", () => wx.meetingRegistrants.list("M", { email: "a@example.com", extra }).first(1)],
  [
    "meetingRegistrants.create",
    () => wx.meetingRegistrants.create("M", { firstName: "A", lastName: "B", email: "a@example.com", extra }),
  ],
  [
    "meetingRegistrants.createMany",
    () => wx.meetingRegistrants.createMany("M", [{ firstName: "A", lastName: "B", email: "a@example.com", extra }]),
  ],
  ["meetingRegistrants.query", () => wx.meetingRegistrants.query("M", { emails: ["a@example.com"], extra })],
  ["meetingTemplates.list", () => wx.meetingTemplates.list({ templateType: "webinar", extra }).first(1)],
  ["meetings.list", () => wx.meetings.list({ state: "scheduled", extra }).first(1)],
  ["meetings.create", () => wx.meetings.create({ title: "T", start, end, extra })],
  ["meetings.update", () => wx.meetings.update("M", { title: "T", start, end, extra })],
  ["meetings.patch", () => wx.meetings.patch("M", { agenda: "A", extra })],
  ["memberships.list", () => wx.memberships.list({ roomId: "R", extra }).first(1)],
  ["memberships.create", () => wx.memberships.create({ roomId: "R", personId: "P", extra })],
  ["memberships.update", () => wx.memberships.update("M", { isModerator: true, extra })],
  ["messages.list", () => wx.messages.list({ roomId: "R", extra }).first(1)],
  ["messages.listDirect", () => wx.messages.listDirect({ personId: "P", extra }).first(1)],
  ["messages.create", () => wx.messages.create({ roomId: "R", text: "hi", extra })],
  ["messages.create (multipart)", () => wx.messages.create({ roomId: "R", text: "hi", files: [file], extra })],
  ["messages.update", () => wx.messages.update("M", { roomId: "R", text: "hi", extra })],
  ["organizations.list", () => wx.organizations.list({ extra }).first(1)],
  ["people.list", () => wx.people.list({ email: "a@example.com", extra }).first(1)],
  ["people.create", () => wx.people.create({ emails: ["a@example.com"], extra })],
  ["people.update", () => wx.people.update("P", { displayName: "A", extra })],
  ["recordings.list", () => wx.recordings.list({ meetingId: "M", extra }).first(1)],
  ["roles.list", () => wx.roles.list({ extra }).first(1)],
  ["roomTabs.list", () => wx.roomTabs.list({ roomId: "R", extra }).first(1)],
  [
    "roomTabs.create",
    () => wx.roomTabs.create({ roomId: "R", contentUrl: "https://example.com", displayName: "D", extra }),
  ],
  [
    "roomTabs.update",
    () => wx.roomTabs.update("T", { roomId: "R", contentUrl: "https://example.com", displayName: "D", extra }),
  ],
  ["rooms.list", () => wx.rooms.list({ type: "group", extra }).first(1)],
  ["rooms.create", () => wx.rooms.create({ title: "T", extra })],
  ["rooms.update", () => wx.rooms.update("R", { title: "T", extra })],
  ["teamMemberships.list", () => wx.teamMemberships.list({ teamId: "T", extra }).first(1)],
  ["teamMemberships.create", () => wx.teamMemberships.create({ teamId: "T", personId: "P", extra })],
  ["teamMemberships.update", () => wx.teamMemberships.update("M", { isModerator: true, extra })],
  ["teams.list", () => wx.teams.list({ extra }).first(1)],
  ["teams.create", () => wx.teams.create({ name: "T", extra })],
  ["teams.update", () => wx.teams.update("T", { name: "T", extra })],
  ["webhooks.list", () => wx.webhooks.list({ extra }).first(1)],
  [
    "webhooks.create",
    () =>
      wx.webhooks.create({
        name: "W",
        targetUrl: "https://example.com",
        resource: "messages",
        event: "created",
        extra,
      }),
  ],
  ["webhooks.update", () => wx.webhooks.update("W", { name: "W", targetUrl: "https://example.com", extra })],
];

describe("the escape hatch: extra fields reach the wire", () => {
  it.each(calls)("%s sends extra.wxProbe beside the known fields", async (_name, call) => {
    const before = server.requests.length;
    await call();
    expect(server.requests.length).toBe(before + 1);
    const sent = server.requests.at(-1);
    const body = sent?.body.toString("latin1") ?? "";
    const inQuery = new URL(sent?.url ?? "", server.origin).searchParams.get("wxProbe") === "sent";
    const inJson = body.includes('"wxProbe":"sent"');
    const inMultipart = /name="wxProbe"\r\n\r\nsent\r\n/.test(body);
    expect([inQuery, inJson, inMultipart].filter(Boolean)).toEqual([true]);
  });

  it("refuses an extra that repeats a field given by name, or is not an object, before sending", async () => {
    const before = server.requests.length;
    // Only a JavaScript caller (or a cast) can get here: the types forbid known names in extra.
    const repeated = { title: "T", extra: { title: "U" } } as unknown as Parameters<typeof wx.rooms.create>[0];
    await expect(wx.rooms.create(repeated)).rejects.toMatchObject({ argument: "extra.title" });
    const notObject = { title: "T", extra: "isLocked=true" } as unknown as Parameters<typeof wx.rooms.create>[0];
    await expect(wx.rooms.create(notObject)).rejects.toBeInstanceOf(ValidationError);
    expect(server.requests.length).toBe(before);
  });

  it("sends known fields as before when no extra is given", async () => {
    await wx.rooms.create({ title: "T", isLocked: true });
    expect(JSON.parse(server.requests.at(-1)?.body.toString() ?? "")).toEqual({ title: "T", isLocked: true });
  });
});

// Compiled by `pnpm typecheck` (never run): each `@ts-expect-error` fails the typecheck if its line compiles.
function inputTypes(): void {
  // @ts-expect-error a misspelt field
  wx.rooms.create({ title: "T", isLockd: true });
  // @ts-expect-error a known field with the wrong type
  wx.rooms.create({ title: "T", isLocked: "yes" });
  // @ts-expect-error a known field cannot go through extra
  wx.rooms.create({ title: "T", extra: { isLocked: "yes" } });
  // @ts-expect-error a misspelt filter
  wx.rooms.list({ tpye: "group" });
  // @ts-expect-error a known filter through extra
  wx.rooms.list({ extra: { type: "group" } });
  // @ts-expect-error a query value must be a query value
  wx.rooms.list({ extra: { since: { nested: true } } });
  // @ts-expect-error a misspelt message field
  wx.messages.create({ roomId: "R", text: "hi", parentID: "P" });
  // @ts-expect-error a destination through extra
  wx.messages.create({ roomId: "R", text: "hi", extra: { toPersonEmail: "a@example.com" } });
  // @ts-expect-error a misspelt message filter
  wx.messages.list({ roomId: "R", mentionedPeeple: ["me"] });
  // @ts-expect-error a misspelt meeting field
  wx.meetings.create({ title: "T", start, end, agneda: "A" });
  // @ts-expect-error a meeting setting through extra
  wx.meetings.patch("M", { extra: { agenda: 1 } });
  // @ts-expect-error a misspelt meeting filter
  wx.meetings.list({ stat: "scheduled" });
  // @ts-expect-error a misspelt invitee field in a bulk item
  wx.meetingInvitees.createMany({ meetingId: "M", items: [{ email: "a@example.com", cohost: true }] });
  // @ts-expect-error meetingId through extra on create
  wx.meetingInvitees.create({ meetingId: "M", email: "a@example.com", extra: { meetingId: "N" } });
  // @ts-expect-error a misspelt registrant field
  wx.meetingRegistrants.create("M", { firstName: "A", lastName: "B", email: "a@example.com", jobTitel: "X" });
  // @ts-expect-error a misspelt recording filter
  wx.recordings.list({ meetingID: "M" });
  // @ts-expect-error a misspelt person field
  wx.people.create({ emails: ["a@example.com"], dispalyName: "A" });
  // @ts-expect-error emails through extra on create
  wx.people.create({ emails: ["a@example.com"], extra: { emails: "a@example.com" } });
  // @ts-expect-error a misspelt membership field
  wx.memberships.create({ roomId: "R", personId: "P", isModerater: true });
  const hook = { name: "W", targetUrl: "https://example.com", resource: "messages", event: "created" } as const;
  // @ts-expect-error a misspelt webhook field
  wx.webhooks.create({ ...hook, secert: "s" });
  // @ts-expect-error a misspelt team field
  wx.teams.create({ name: "T", descripton: "D" });
  // @ts-expect-error a misspelt event filter
  wx.events.list({ actorID: "P" });
  // @ts-expect-error a misspelt audit filter
  wx.adminAuditEvents.list({ orgId: "O", from: start, to: end, actorID: "P" });
  // @ts-expect-error a misspelt licence option
  wx.licenses.get("L", { includeAssigned: "user" });
  // @ts-expect-error the endpoint takes no filters but extra
  wx.organizations.list({ max: 10 });
  // @ts-expect-error a misspelt template filter
  wx.meetingTemplates.list({ templatetype: "webinar" });
  // @ts-expect-error a misspelt tab field
  wx.roomTabs.create({ roomId: "R", contentUrl: "https://example.com", displayname: "D" });
  // @ts-expect-error a misspelt team membership filter
  wx.teamMemberships.list({ teamID: "T" });
  // @ts-expect-error a misspelt card action field
  wx.attachmentActions.create({ type: "submit", messageId: "M", input: {} });
}
void inputTypes;
