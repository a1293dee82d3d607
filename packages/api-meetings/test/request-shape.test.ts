// What goes over the wire, against a loopback server that records each request: bodies, queries, headers,
// methods, and the arguments refused before anything is sent.
import { Session, ValidationError } from "@wx/core";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { json, startTestServer } from "../../../testing/test-server.js";
import { MeetingsApi } from "../src/index.js";

const server = await startTestServer((req, res) =>
  req.method === "DELETE" ? res.writeHead(204).end() : json(res, 200, { id: "M1", items: [] }),
);
const session = new Session({ accessToken: "token", baseUrl: server.baseUrl });
const meetings = new MeetingsApi(session);
afterAll(async () => {
  await session.close();
  await server.close();
});
beforeEach(() => {
  server.requests.length = 0;
});

const sent = () => {
  const [request] = server.requests;
  if (!request) throw new Error("nothing was sent");
  const url = new URL(request.url, server.origin);
  return { ...request, path: url.pathname, query: Object.fromEntries(url.searchParams), json: jsonOf(request.body) };
};
const jsonOf = (body: Buffer) => (body.length ? JSON.parse(String(body)) : undefined);

async function refused(call: () => Promise<unknown> | unknown, argument: string, message?: RegExp): Promise<void> {
  let error: unknown;
  try {
    await call();
  } catch (e) {
    error = e;
  }
  expect(error).toBeInstanceOf(ValidationError);
  expect((error as ValidationError).argument).toBe(argument);
  if (message) expect((error as ValidationError).message).toMatch(message);
  expect(server.requests).toHaveLength(0);
}

const start = new Date("2030-03-01T10:00:00.000Z");
const end = "2030-03-01T12:00:00+01:00"; // 11:00 UTC, an hour after start

describe("create", () => {
  it("sends every field given, a Date start as its UTC ISO string and a string end unchanged", async () => {
    await meetings.create({
      title: "Planning",
      start,
      end: "2030-03-01T11:30:00Z",
      timezone: "Europe/Paris",
      agenda: "Q2",
      recurrence: "FREQ=WEEKLY;COUNT=4",
      scheduledType: "meeting",
      invitees: [{ email: "ada@example.com", coHost: true }],
      integrationTags: ["JIRA-1"],
      meetingOptions: { enabledChat: true },
      sendEmail: false,
      extra: { futureField: 1 },
      hostEmail: undefined,
    });
    const request = sent();
    expect(request.method).toBe("POST");
    expect(request.path).toBe("/v1/meetings");
    expect(request.headers["content-type"]).toMatch(/^application\/json/);
    expect(request.json).toEqual({
      title: "Planning",
      start: "2030-03-01T10:00:00.000Z",
      end: "2030-03-01T11:30:00Z",
      timezone: "Europe/Paris",
      agenda: "Q2",
      recurrence: "FREQ=WEEKLY;COUNT=4",
      scheduledType: "meeting",
      invitees: [{ email: "ada@example.com", coHost: true }],
      integrationTags: ["JIRA-1"],
      meetingOptions: { enabledChat: true },
      sendEmail: false,
      futureField: 1,
    });
  });

  it("takes a template or an ad-hoc space meeting without start and end", async () => {
    await meetings.create({ title: "From a template", templateId: "T1" });
    expect(sent().json).toEqual({ title: "From a template", templateId: "T1" });
    server.requests.length = 0;
    await meetings.create({ adhoc: true, roomId: "R1" });
    expect(sent().json).toEqual({ adhoc: true, roomId: "R1" });
  });

  it("refuses what the spec rules out, before sending", async () => {
    // @ts-expect-error title is required
    await refused(() => meetings.create({ start, end }), "title");
    await refused(() => meetings.create({ title: "No times" }), "start", /start is required/);
    await refused(() => meetings.create({ title: "No end", start }), "end");
    await refused(() => meetings.create({ title: "x".repeat(129), start, end }), "title", /at most 128/);
    await refused(() => meetings.create({ title: "T", agenda: "a".repeat(1301), start, end }), "agenda");
    await refused(() => meetings.create({ title: "T", start: "next tuesday", end }), "start", /valid Date or ISO/);
    await refused(() => meetings.create({ title: "T", start, end: new Date(Number.NaN) }), "end");
    await refused(() => meetings.create({ title: "T", start: end, end: start }), "end", /must be after start/);
    const tooShort = new Date(start.getTime() + 9 * 60_000);
    await refused(() => meetings.create({ title: "T", start, end: tooShort }), "end", /10 minutes to 23 hours 59/);
    const tooLong = new Date(start.getTime() + 24 * 3600_000);
    await refused(() => meetings.create({ title: "T", start, end: tooLong }), "end", /1440 minutes apart/);
    // @ts-expect-error an ad-hoc meeting needs its space
    await refused(() => meetings.create({ adhoc: true }), "roomId", /ad-hoc meeting needs the roomId/);
  });

  it("refuses more than the spec's limits on lists, tags, opacity, join-before-host minutes and live streams", async () => {
    const base = { title: "T", start, end };
    const invitees = Array.from({ length: 1001 }, (_, i) => ({ email: `p${i}@example.com` }));
    await refused(() => meetings.create({ ...base, invitees }), "invitees", /at most 1000 entries, got 1001/);
    // @ts-expect-error an invitee needs an email
    await refused(() => meetings.create({ ...base, invitees: [{ displayName: "No email" }] }), "invitees");
    await refused(() => meetings.create({ ...base, integrationTags: ["a", "b", "c", "d"] }), "integrationTags");
    await refused(() => meetings.create({ ...base, integrationTags: ["x".repeat(65)] }), "integrationTags");
    const sessions = Array.from({ length: 101 }, (_, i) => ({ name: `Room ${i}` }));
    await refused(() => meetings.create({ ...base, breakoutSessions: sessions }), "breakoutSessions");
    await refused(() => meetings.create({ ...base, visualWatermarkOpacity: 90 }), "visualWatermarkOpacity");
    await refused(
      () => meetings.create({ ...base, joinBeforeHostMinutes: 30 }),
      "joinBeforeHostMinutes",
      /of a meeting/,
    );
    await refused(() => meetings.create({ ...base, enabledLiveStream: true }), "liveStream");
    await meetings.create({ ...base, scheduledType: "webinar", joinBeforeHostMinutes: 30 });
    expect(sent().json).toMatchObject({ scheduledType: "webinar", joinBeforeHostMinutes: 30 });
  });
});

describe("list", () => {
  it("sends the filters as the query, times as ISO strings, pages of 100, and timezone and password as headers", async () => {
    await meetings
      .list({
        meetingType: "scheduledMeeting",
        state: "ready",
        scheduledType: "webinar",
        from: start,
        to: "2030-04-01T00:00:00Z",
        current: false,
        hostEmail: "host@example.com",
        integrationTag: "JIRA-1",
        timezone: "Asia/Tokyo",
        password: "s3cret",
        hasRecording: true,
      })
      .toArray();
    const request = sent();
    expect(request.path).toBe("/v1/meetings");
    expect(request.query).toEqual({
      max: "100",
      meetingType: "scheduledMeeting",
      state: "ready",
      scheduledType: "webinar",
      from: "2030-03-01T10:00:00.000Z",
      to: "2030-04-01T00:00:00Z",
      current: "false",
      hostEmail: "host@example.com",
      integrationTag: "JIRA-1",
      hasRecording: "true",
    });
    expect(request.headers).toMatchObject({ timezone: "Asia/Tokyo", password: "s3cret" });
  });

  it("refuses two of meetingNumber, webLink and roomId, from after to, bad times and max past 100", async () => {
    await refused(() => meetings.list({ meetingNumber: "123", roomId: "R" }), "roomId", /exclude each other/);
    await refused(() => meetings.list({ from: "2030-02-01T00:00:00Z", to: "2030-01-01T00:00:00Z" }), "from");
    await refused(() => meetings.list({ to: "soon" }), "to");
    await refused(() => meetings.list({ max: 101 }).toArray(), "max", /1 to 100/);
  });
});

describe("get, update, patch, delete", () => {
  it("get sends current and hostEmail as the query, timezone and password as headers", async () => {
    await meetings.get("a/b", { current: true, hostEmail: "host@example.com", timezone: "UTC", password: "pw" });
    const request = sent();
    expect(request.path).toBe("/v1/meetings/a%2Fb");
    expect(request.query).toEqual({ current: "true", hostEmail: "host@example.com" });
    expect(request.headers).toMatchObject({ timezone: "UTC", password: "pw" });
  });

  it("update is a PUT of the whole meeting, with title, start and end required", async () => {
    await meetings.update("M1", { title: "T", start, end, sendEmail: false });
    expect(sent()).toMatchObject({ method: "PUT", path: "/v1/meetings/M1" });
    expect(sent().json).toEqual({ title: "T", start: start.toISOString(), end, sendEmail: false });
    server.requests.length = 0;
    // @ts-expect-error start and end are required on update
    await refused(() => meetings.update("M1", { title: "T" }), "start");
    await refused(() => meetings.update("", { title: "T", start, end }), "meetingId");
  });

  it("patch is a PATCH of only the fields given, null clearing agenda, recurrence and tracking codes", async () => {
    await meetings.patch("M1", { agenda: null, recurrence: null, trackingCodes: null, title: "New", start });
    expect(sent()).toMatchObject({ method: "PATCH", path: "/v1/meetings/M1" });
    expect(sent().json).toEqual({
      agenda: null,
      recurrence: null,
      trackingCodes: null,
      title: "New",
      start: start.toISOString(),
    });
    server.requests.length = 0;
    await refused(() => meetings.patch("M1", {}), "fields", /at least one field/);
    await refused(() => meetings.patch("M1", { title: undefined }), "fields");
    await refused(() => meetings.patch("M1", { start: end, end: start }), "end");
    // @ts-expect-error title cannot be cleared
    await refused(() => meetings.patch("M1", { title: null }), "title");
    await refused(() => meetings.patch("..", { title: "T" }), "meetingId");
  });

  it("delete is a DELETE with hostEmail and sendEmail in the query", async () => {
    await meetings.delete("M1", { hostEmail: "host@example.com", sendEmail: false });
    expect(sent()).toMatchObject({ method: "DELETE", path: "/v1/meetings/M1" });
    expect(sent().query).toEqual({ hostEmail: "host@example.com", sendEmail: "false" });
    server.requests.length = 0;
    await meetings.delete("M1");
    expect(sent().query).toEqual({});
    server.requests.length = 0;
    await refused(() => meetings.delete(""), "meetingId");
  });
});
