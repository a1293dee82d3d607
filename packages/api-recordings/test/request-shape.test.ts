// What goes over the wire, against a loopback server that records each request.
import { Session, ValidationError } from "@wx/core";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { json, startTestServer } from "../../../testing/test-server.js";
import { RecordingsApi } from "../src/index.js";

const server = await startTestServer((req, res) =>
  req.method === "DELETE" ? res.writeHead(204).end() : json(res, 200, { id: "R1", items: [] }),
);
const session = new Session({ accessToken: "token", baseUrl: server.baseUrl });
const recordings = new RecordingsApi(session);
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
  const body = request.body.length ? JSON.parse(String(request.body)) : undefined;
  const { method, headers } = request;
  return { method, headers, path: url.pathname, query: Object.fromEntries(url.searchParams), json: body };
};

async function refused(call: () => unknown, argument: string, message?: RegExp): Promise<void> {
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

describe("the spec's requests", () => {
  it("list: `max` (the Python SDK sends `max_recordings`), times as ISO strings, every filter, timezone as a header", async () => {
    await recordings
      .list({
        from: new Date("2030-01-01T00:00:00Z"),
        to: "2030-01-08T00:00:00+01:00",
        meetingId: "M1",
        hostEmail: "h@example.com",
        siteUrl: "example.webex.com",
        topic: "Planning",
        format: "MP4",
        serviceType: "MeetingCenter",
        status: "deleted",
        timezone: "Asia/Tokyo",
        max: 20,
      })
      .toArray();
    const request = sent();
    expect(request.path).toBe("/v1/recordings");
    expect(request.query).toEqual({
      max: "20",
      from: "2030-01-01T00:00:00.000Z",
      to: "2030-01-08T00:00:00+01:00",
      meetingId: "M1",
      hostEmail: "h@example.com",
      siteUrl: "example.webex.com",
      topic: "Planning",
      format: "MP4",
      serviceType: "MeetingCenter",
      status: "deleted",
    });
    expect(request.headers.timezone).toBe("Asia/Tokyo");
  });

  it("list: no integrationTag needed (the Python SDK requires one), pages of 100 by default", async () => {
    await recordings.list().toArray();
    expect(sent().query).toEqual({ max: "100" });
  });

  it("get: hostEmail in the query, siteUrl and timezone as headers (as the spec says)", async () => {
    await recordings.get("R/1", { hostEmail: "h@example.com", siteUrl: "example.webex.com", timezone: "UTC" });
    const request = sent();
    expect(request).toMatchObject({
      method: "GET",
      path: "/v1/recordings/R%2F1",
      query: { hostEmail: "h@example.com" },
    });
    expect(request.headers).toMatchObject({ siteurl: "example.webex.com", timezone: "UTC" });
  });

  it("delete: a real DELETE (the Python SDK sends a GET), reason and comment in the body", async () => {
    await recordings.delete("R1", {
      hostEmail: "h@example.com",
      siteUrl: "example.webex.com",
      reason: "audit",
      comment: "Privacy",
    });
    const request = sent();
    expect(request).toMatchObject({
      method: "DELETE",
      path: "/v1/recordings/R1",
      query: { hostEmail: "h@example.com" },
    });
    expect(request.json).toEqual({ reason: "audit", comment: "Privacy" });
    expect(request.headers.siteurl).toBe("example.webex.com");
    server.requests.length = 0;
    await recordings.delete("R1");
    expect(sent()).toMatchObject({ method: "DELETE", query: {}, json: undefined });
  });
});

describe("refused before sending", () => {
  it("from after to, invalid times, max past 100", async () => {
    await refused(
      () => recordings.list({ from: "2030-02-01T00:00:00Z", to: new Date("2030-01-01T00:00:00Z") }),
      "from",
    );
    await refused(() => recordings.list({ from: "last week" }), "from");
    await refused(() => recordings.list({ max: 101 }).toArray(), "max", /1 to 100/);
  });

  it("a comment past 255 characters, empty and dot ids", async () => {
    await refused(() => recordings.delete("R1", { comment: "x".repeat(256) }), "comment", /at most 255/);
    await refused(() => recordings.delete(""), "recordingId");
    await refused(() => recordings.get(".."), "recordingId");
  });
});
