// What goes over the wire, against a loopback server that records each request.
import { ApiError, Session, ValidationError } from "@wx/core";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { json, startTestServer } from "../../../testing/test-server.js";
import { MeetingRegistrantsApi } from "../src/index.js";

const server = await startTestServer((req, res) => {
  if (req.method === "DELETE" || /\/(approve|reject|cancel)(\?|$)/.test(req.url)) return res.writeHead(204).end();
  return json(res, 200, { id: "R1", status: "approved", items: [{ id: "R1" }, { id: "R2" }] });
});
const session = new Session({ accessToken: "token", baseUrl: server.baseUrl });
const registrants = new MeetingRegistrantsApi(session);
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

const ada = { firstName: "Ada", lastName: "Lovelace", email: "ada@example.com" };

describe("the spec's requests", () => {
  it("list: GET under the meeting, the meeting id encoded, times as ISO strings, pages of 100", async () => {
    await registrants
      .list("M/1", { email: "ada@example.com", registrationTimeFrom: new Date("2030-01-01T00:00:00Z"), current: true })
      .toArray();
    expect(sent()).toEqual({
      method: "GET",
      path: "/v1/meetings/M%2F1/registrants",
      query: {
        max: "100",
        email: "ada@example.com",
        registrationTimeFrom: "2030-01-01T00:00:00.000Z",
        current: "true",
      },
      json: undefined,
    });
  });

  it("create: POST of the registration, current and hostEmail in the query", async () => {
    const created = await registrants.create("M1", { ...ada, zipCode: 12345 }, { hostEmail: "h@example.com" });
    expect(created).toMatchObject({ id: "R1", status: "approved" });
    expect(sent()).toEqual({
      method: "POST",
      path: "/v1/meetings/M1/registrants",
      query: { hostEmail: "h@example.com" },
      json: { ...ada, zipCode: 12345 },
    });
  });

  it("createMany: POST …/bulkInsert with { items }, resolving with the items", async () => {
    const created = await registrants.createMany("M1", [ada, { ...ada, email: "bob@example.com" }]);
    expect(created.map((r) => r.id)).toEqual(["R1", "R2"]);
    expect(sent()).toMatchObject({
      method: "POST",
      path: "/v1/meetings/M1/registrants/bulkInsert",
      json: { items: [ada, { ...ada, email: "bob@example.com" }] },
    });
  });

  it("get and delete: the registrant under its meeting", async () => {
    await registrants.get("M1", "R/1", { current: false });
    expect(sent()).toMatchObject({
      method: "GET",
      path: "/v1/meetings/M1/registrants/R%2F1",
      query: { current: "false" },
    });
    server.requests.length = 0;
    await registrants.delete("M1", "R1");
    expect(sent()).toMatchObject({ method: "DELETE", path: "/v1/meetings/M1/registrants/R1", query: {} });
  });

  it.each(["approve", "reject", "cancel"] as const)(
    "%s: POST …/%s with { sendEmail, registrants: [{ id }] }, answered 204",
    async (action) => {
      await registrants[action]("M1", ["R1", "R2"], { sendEmail: false, hostEmail: "h@example.com" });
      expect(sent()).toEqual({
        method: "POST",
        path: `/v1/meetings/M1/registrants/${action}`,
        query: { hostEmail: "h@example.com" },
        json: { sendEmail: false, registrants: [{ id: "R1" }, { id: "R2" }] },
      });
      server.requests.length = 0;
      await registrants[action]("M1", "R3");
      expect(sent().json).toEqual({ registrants: [{ id: "R3" }] });
    },
  );

  it("a 200 to approve is not the spec's 204: an ApiError, not a silent success", async () => {
    const other = await startTestServer((_req, res) => json(res, 200, {}));
    const otherSession = new Session({ accessToken: "token", baseUrl: other.baseUrl, maxRetries: 0 });
    try {
      await expect(new MeetingRegistrantsApi(otherSession).approve("M1", "R1")).rejects.toBeInstanceOf(ApiError);
    } finally {
      await otherSession.close();
      await other.close();
    }
  });
});

describe("refused before sending", () => {
  it("a registration without first name, last name or email", async () => {
    // @ts-expect-error firstName is required
    await refused(() => registrants.create("M1", { lastName: "L", email: "e@example.com" }), "firstName");
    await refused(() => registrants.create("M1", { ...ada, lastName: " " }), "lastName");
    await refused(() => registrants.create("", ada), "meetingId");
    await refused(() => registrants.createMany("M1", []), "items", /non-empty/);
    // @ts-expect-error each registrant needs an email
    await refused(() => registrants.createMany("M1", [ada, { firstName: "B", lastName: "C" }]), "items[1].email");
  });

  it("registration times out of order, more than 90 days apart, or invalid; max past 100", async () => {
    const from = "2030-01-01T00:00:00Z";
    await refused(
      () => registrants.list("M1", { registrationTimeFrom: from, registrationTimeTo: from }),
      "registrationTimeFrom",
    );
    await refused(
      () => registrants.list("M1", { registrationTimeFrom: from, registrationTimeTo: "2030-04-02T00:00:00Z" }),
      "registrationTimeTo",
      /90 days/,
    );
    await refused(() => registrants.list("M1", { registrationTimeTo: "tomorrow" }), "registrationTimeTo");
    await refused(() => registrants.list("M1", { max: 101 }).toArray(), "max");
    await refused(() => registrants.list(".."), "meetingId");
  });

  it("status changes without ids, with an empty id, or ids of '..'", async () => {
    await refused(() => registrants.approve("M1", []), "registrantIds");
    await refused(() => registrants.reject("M1", ["R1", ""]), "registrantIds[1]");
    await refused(() => registrants.cancel("", "R1"), "meetingId");
    await refused(() => registrants.get("M1", ".."), "registrantId");
    await refused(() => registrants.delete("M1", ""), "registrantId");
  });
});
