// What goes over the wire, against a loopback server that records each request.
import { MalformedResponseError, Session, ValidationError } from "@wx/core";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { json, startTestServer } from "../../../testing/test-server.js";
import { MeetingInviteesApi } from "../src/index.js";

const server = await startTestServer((req, res) => {
  if (req.method === "DELETE") return res.writeHead(204).end();
  if (req.url.endsWith("/bulkInsert") && String(req.body).includes("no-items")) return json(res, 200, { id: "X" });
  return json(res, 200, { id: "I1", items: [{ id: "I1" }, { id: "I2" }] });
});
const session = new Session({ accessToken: "token", baseUrl: server.baseUrl });
const invitees = new MeetingInviteesApi(session);
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
  return { method: request.method, path: url.pathname, query: Object.fromEntries(url.searchParams), json: body };
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
  it("list: GET with meetingId, pages of 100 by default, panelist and hostEmail", async () => {
    await invitees.list({ meetingId: "M1", panelist: false, hostEmail: "h@example.com" }).toArray();
    expect(sent()).toEqual({
      method: "GET",
      path: "/v1/meetingInvitees",
      query: { max: "100", meetingId: "M1", panelist: "false", hostEmail: "h@example.com" },
      json: undefined,
    });
  });

  it("create: POST of the invitee", async () => {
    await invitees.create({ meetingId: "M1", email: "ada@example.com", coHost: true, sendEmail: false });
    expect(sent()).toMatchObject({
      method: "POST",
      path: "/v1/meetingInvitees",
      json: { meetingId: "M1", email: "ada@example.com", coHost: true, sendEmail: false },
    });
  });

  it("createMany: POST /meetingInvitees/bulkInsert (the Python SDK sends a PUT), resolving with the items", async () => {
    const created = await invitees.createMany({
      meetingId: "M1",
      hostEmail: "h@example.com",
      items: [{ email: "a@example.com" }, { email: "b@example.com", panelist: true }],
    });
    expect(created.map((invitee) => invitee.id)).toEqual(["I1", "I2"]);
    expect(sent()).toMatchObject({
      method: "POST",
      path: "/v1/meetingInvitees/bulkInsert",
      json: {
        meetingId: "M1",
        hostEmail: "h@example.com",
        items: [{ email: "a@example.com" }, { email: "b@example.com", panelist: true }],
      },
    });
  });

  it("createMany: an answer without items is a MalformedResponseError, not an empty list", async () => {
    const error = await invitees
      .createMany({ meetingId: "no-items", items: [{ email: "a@example.com" }] })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MalformedResponseError);
    expect((error as Error).message).toMatch(/'items' key not found .*POST .*bulkInsert, status 200/);
  });

  it("get, update and delete: the id URL-encoded, hostEmail and sendEmail in the query", async () => {
    await invitees.get("M1_2", { hostEmail: "h@example.com" });
    expect(sent()).toMatchObject({
      method: "GET",
      path: "/v1/meetingInvitees/M1_2",
      query: { hostEmail: "h@example.com" },
    });
    server.requests.length = 0;
    await invitees.update("a/b", { email: "ada@example.com", displayName: "Ada" });
    expect(sent()).toMatchObject({
      method: "PUT",
      path: "/v1/meetingInvitees/a%2Fb",
      json: { email: "ada@example.com", displayName: "Ada" },
    });
    server.requests.length = 0;
    await invitees.delete("M1_2", { sendEmail: false });
    expect(sent()).toMatchObject({ method: "DELETE", path: "/v1/meetingInvitees/M1_2", query: { sendEmail: "false" } });
  });
});

describe("refused before sending", () => {
  it("a missing meeting or email, a long display name", async () => {
    // @ts-expect-error meetingId is required
    await refused(() => invitees.list({}), "meetingId");
    // @ts-expect-error email is required
    await refused(() => invitees.create({ meetingId: "M1" }), "email");
    // @ts-expect-error meetingId is required
    await refused(() => invitees.create({ email: "a@example.com" }), "meetingId");
    await refused(
      () => invitees.create({ meetingId: "M1", email: "a@example.com", displayName: "x".repeat(129) }),
      "displayName",
      /at most 128/,
    );
    // @ts-expect-error email is required on update
    await refused(() => invitees.update("I1", { displayName: "A" }), "email");
    await refused(() => invitees.list({ meetingId: "M1", max: 101 }).toArray(), "max");
  });

  it("bulk inserts of none, more than 100, a repeated email or an invitee without one", async () => {
    await refused(() => invitees.createMany({ meetingId: "M1", items: [] }), "items", /non-empty/);
    const many = Array.from({ length: 101 }, (_, i) => ({ email: `p${i}@example.com` }));
    await refused(
      () => invitees.createMany({ meetingId: "M1", items: many }),
      "items",
      /at most 100 invitees, got 101/,
    );
    const twice = [{ email: "a@example.com" }, { email: "A@example.com" }];
    await refused(() => invitees.createMany({ meetingId: "M1", items: twice }), "items[1].email", /already in items/);
    // @ts-expect-error each item needs an email
    await refused(() => invitees.createMany({ meetingId: "M1", items: [{ displayName: "A" }] }), "items[0].email");
    // @ts-expect-error items is required
    await refused(() => invitees.createMany({ meetingId: "M1" }), "items");
  });

  it("empty and dot ids", async () => {
    await refused(() => invitees.get(""), "meetingInviteeId");
    await refused(() => invitees.update("..", { email: "a@example.com" }), "meetingInviteeId");
    await refused(() => invitees.delete(""), "meetingInviteeId");
  });
});
