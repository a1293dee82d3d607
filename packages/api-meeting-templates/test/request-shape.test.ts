// What goes over the wire, against a loopback server that records each request.
import { Session, ValidationError } from "@wx/core";
import { afterAll, beforeEach, expect, it } from "vitest";
import { json, startTestServer } from "../../../testing/test-server.js";
import { MeetingTemplatesApi } from "../src/index.js";

const server = await startTestServer((_req, res) => json(res, 200, { id: "T1", items: [] }));
const session = new Session({ accessToken: "token", baseUrl: server.baseUrl });
const templates = new MeetingTemplatesApi(session);
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
  return { ...request, path: url.pathname, query: Object.fromEntries(url.searchParams) };
};

it("list sends the filters as the query (the Python SDK refuses string hostEmail and siteUrl)", async () => {
  await templates
    .list({
      templateType: "webinar",
      locale: "de_DE",
      isDefault: true,
      isStandard: false,
      hostEmail: "h@example.com",
      siteUrl: "example.webex.com",
    })
    .toArray();
  expect(sent()).toMatchObject({ method: "GET", path: "/v1/meetings/templates" });
  expect(sent().query).toEqual({
    templateType: "webinar",
    locale: "de_DE",
    isDefault: "true",
    isStandard: "false",
    hostEmail: "h@example.com",
    siteUrl: "example.webex.com",
  });
});

it("get sends hostEmail as the query and timezone as a header, the id URL-encoded", async () => {
  await templates.get("T/1", { hostEmail: "h@example.com", timezone: "Asia/Tokyo" });
  expect(sent()).toMatchObject({
    method: "GET",
    path: "/v1/meetings/templates/T%2F1",
    query: { hostEmail: "h@example.com" },
  });
  expect(sent().headers.timezone).toBe("Asia/Tokyo");
  server.requests.length = 0;
  await templates.get("T1");
  expect(sent().headers.timezone).toBeUndefined();
});

it("refuses an empty or dot id before sending", async () => {
  await expect(templates.get("")).rejects.toMatchObject({ argument: "templateId" });
  await expect(templates.get("..")).rejects.toBeInstanceOf(ValidationError);
  expect(server.requests).toHaveLength(0);
});
