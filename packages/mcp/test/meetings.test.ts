import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { json, type RecordedRequest, startTestServer, type TestServer } from "../../../testing/test-server.js";
import { type Spawned, spawnStdio } from "./mcp-fixture.js";

// The emulator has no meetings yet: a loopback server answers as the meetings API does, and records what it got.
const TOKEN = "meetings-token";
const standup = {
  id: "870f51ff287b41be84648412901e0402_20300501T080000Z",
  meetingSeriesId: "870f51ff287b41be84648412901e0402",
  title: "Stand-up",
  start: "2030-05-01T08:00:00Z",
  end: "2030-05-01T08:15:00Z",
  state: "scheduled",
  meetingType: "scheduledMeeting",
  scheduledType: "meeting",
  hostDisplayName: "Ada Lovelace",
  hostEmail: "ada@example.com",
  hostKey: "123456",
  password: "s3cret-pass",
  phoneAndVideoSystemPassword: "98765432",
  webLink: "https://example.webex.com/meet/standup",
  telephony: { accessCode: "1234567890" },
};
const review = {
  ...standup,
  id: "b2_20300502T140000Z",
  title: "Design review",
  start: "2030-05-02T14:00:00Z",
  end: "2030-05-02T15:00:00Z",
};

let server: TestServer;
let mcp: Spawned;

function answer(req: RecordedRequest, res: Parameters<Parameters<typeof startTestServer>[0]>[1]): void {
  const url = new URL(req.url, "http://127.0.0.1");
  if (req.method === "GET" && url.pathname === "/v1/meetings") {
    if (url.searchParams.get("roomId") === "missing") {
      json(res, 404, { message: "The requested resource could not be found.", trackingId: "T-404" });
      return;
    }
    const second = url.searchParams.get("page") === "2";
    const next = new URL(url);
    next.searchParams.set("page", "2");
    const link: Record<string, string> = second
      ? {}
      : { link: `<${server.origin}${next.pathname}${next.search}>; rel="next"` };
    json(res, 200, { items: second ? [review] : [standup] }, link);
    return;
  }
  if (req.method === "POST" && url.pathname === "/v1/meetings") {
    const body = JSON.parse(req.body.toString());
    json(res, 200, { ...standup, ...body, id: "new-meeting-id", webLink: "https://example.webex.com/meet/new" });
    return;
  }
  json(res, 404, { message: "no such route" });
}

beforeAll(async () => {
  server = await startTestServer(answer);
  mcp = await spawnStdio(server.baseUrl, TOKEN, ["--toolsets", "meetings"]);
});
afterAll(async () => {
  await mcp.close();
  await server.close();
});

describe("list_meetings", () => {
  it("lists scheduled meetings between two times, with join links and never a password or host key", async () => {
    const result = await mcp.call("list_meetings", {
      from: "2030-05-01T00:00:00Z",
      to: "2030-05-08T00:00:00Z",
      limit: 1,
    });
    expect(result.isError).toBe(false);
    expect(result.structured.meetings).toEqual([
      {
        id: standup.id,
        title: "Stand-up",
        start: standup.start,
        end: standup.end,
        state: "scheduled",
        host: "Ada Lovelace",
        webLink: standup.webLink,
      },
    ]);
    const sent = new URL(server.requests.at(-1)?.url ?? "", "http://127.0.0.1");
    expect(Object.fromEntries(sent.searchParams)).toEqual({
      meetingType: "scheduledMeeting",
      from: "2030-05-01T00:00:00Z",
      to: "2030-05-08T00:00:00Z",
      max: "1",
    });
    for (const secret of ["s3cret-pass", "123456", "98765432", TOKEN])
      expect(JSON.stringify(result)).not.toContain(secret);

    const next = await mcp.call("list_meetings", { cursor: result.structured.cursor });
    expect((next.structured.meetings as { title: string }[]).map((meeting) => meeting.title)).toEqual([
      "Design review",
    ]);
    expect(next.structured.cursor).toBeUndefined();
  });

  it("a room without meetings access says there is no such room and which tool finds ids", async () => {
    const result = await mcp.call("list_meetings", { roomId: "missing" });
    expect(result).toMatchObject({ isError: true, text: expect.stringContaining("list_rooms finds ids") });
  });
});

describe("create_meeting", () => {
  it("schedules a meeting with invitees and gives the join link", async () => {
    const result = await mcp.call("create_meeting", {
      title: "Kick-off",
      start: "2030-06-01T09:00:00+02:00",
      end: "2030-06-01T10:00:00+02:00",
      invitees: ["ada@example.com", "grace@example.com"],
    });
    expect(result.isError).toBe(false);
    expect(result.structured.meeting).toMatchObject({
      id: "new-meeting-id",
      title: "Kick-off",
      webLink: "https://example.webex.com/meet/new",
    });
    expect(result.text).toContain("https://example.webex.com/meet/new");
    const sent = server.requests.at(-1) as RecordedRequest;
    expect(sent.method).toBe("POST");
    expect(JSON.parse(sent.body.toString())).toEqual({
      title: "Kick-off",
      start: "2030-06-01T09:00:00+02:00",
      end: "2030-06-01T10:00:00+02:00",
      invitees: [{ email: "ada@example.com" }, { email: "grace@example.com" }],
      sendEmail: true,
    });
  });

  it("refuses an end before the start, or a meeting shorter than Webex allows, before sending", async () => {
    const before = server.requests.length;
    const backwards = await mcp.call("create_meeting", {
      title: "x",
      start: "2030-06-01T10:00:00Z",
      end: "2030-06-01T09:00:00Z",
    });
    expect(backwards).toMatchObject({ isError: true, text: expect.stringContaining("end must be later than start") });
    const short = await mcp.call("create_meeting", {
      title: "x",
      start: "2030-06-01T10:00:00Z",
      end: "2030-06-01T10:05:00Z",
    });
    expect(short.isError).toBe(true);
    expect(short.text).toMatch(/^Invalid arguments: /);
    expect(server.requests.length).toBe(before);
  });

  it("is not served in read-only mode", async () => {
    const readOnly = await spawnStdio(server.baseUrl, TOKEN, ["--toolsets", "meetings", "--read-only"]);
    try {
      expect((await readOnly.client.listTools()).tools.map((tool) => tool.name)).toEqual(["list_meetings"]);
    } finally {
      await readOnly.close();
    }
  });
});
