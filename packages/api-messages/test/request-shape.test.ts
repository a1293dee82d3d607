import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { adaptiveCard, textBlock } from "@wx/cards";
import { Session, ValidationError } from "@wx/core";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { TestServer } from "../../../testing/test-server.js";
import { MessagesApi } from "../src/index.js";
import { parseMultipart, startRecorder } from "./helpers/recorder.js";

let server: TestServer;
let session: Session;
let messages: MessagesApi;
let dir: string;

beforeAll(async () => {
  server = await startRecorder();
  session = new Session({ accessToken: "token", baseUrl: server.baseUrl });
  messages = new MessagesApi(session);
  dir = await mkdtemp(join(tmpdir(), "wx-messages-"));
});
afterAll(async () => {
  await session.close();
  await server.close();
  await rm(dir, { recursive: true, force: true });
});
beforeEach(() => {
  server.requests.length = 0;
});

function sentJson(): Record<string, unknown> {
  const [request] = server.requests;
  expect(request?.headers["content-type"]).toMatch(/^application\/json/);
  return JSON.parse(String(request?.body));
}

async function refused(call: Promise<unknown>, argument: string): Promise<ValidationError> {
  const error = await call.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ValidationError);
  expect((error as ValidationError).argument).toBe(argument);
  expect(server.requests).toHaveLength(0);
  return error as ValidationError;
}

describe("create: arguments refused at compile time and at run time, nothing sent", () => {
  it("no destination", async () => {
    // @ts-expect-error a message needs a destination
    await refused(messages.create({ text: "hi" }), "roomId");
  });

  it("two destinations", async () => {
    const fields = { roomId: "R", toPersonEmail: "a@b.c", text: "hi" };
    // @ts-expect-error only one destination
    const error = await refused(messages.create(fields), "toPersonEmail");
    expect(error.message).toContain("Exactly one of roomId, toPersonId, toPersonEmail");
  });

  it("no content", async () => {
    // @ts-expect-error a message needs text, markdown, a file or a card
    await refused(messages.create({ roomId: "R" }), "text");
    // @ts-expect-error an empty files array is no content
    await refused(messages.create({ roomId: "R", files: [] }), "text");
  });

  it("more than one file", async () => {
    const files = ["https://x.io/a", "https://x.io/b"] as const;
    // @ts-expect-error one file per message
    const error = await refused(messages.create({ roomId: "R", text: "x", files }), "files");
    expect(error.message).toContain("one file per message");
  });

  it("a local path that does not exist", async () => {
    await refused(messages.create({ roomId: "R", files: [join(dir, "missing.pdf")] }), "files");
  });

  it("a local file together with a card", async () => {
    const card = adaptiveCard({ body: [textBlock("Hi")] });
    const error = await refused(
      messages.create({ roomId: "R", files: [Buffer.from("x")], attachments: [card] }),
      "attachments",
    );
    expect(error.message).toContain("URL");
  });

  it("an invalid card, as a card or inside { contentType, content }, listing every problem", async () => {
    const broken = { type: "AdaptiveCard", version: "1.3", body: [{ type: "Nope" }, { type: "TextBlock" }] } as const;
    // @ts-expect-error not a valid element
    const error = await refused(messages.create({ roomId: "R", attachments: [broken] }), "attachments");
    expect(error.problems.length).toBeGreaterThanOrEqual(2);
    const wrapped = { contentType: "application/vnd.microsoft.card.adaptive", content: { ...broken } };
    await refused(messages.create({ roomId: "R", attachments: [wrapped] }), "attachments");
  });

  it("more than one card", async () => {
    const card = adaptiveCard({ body: [textBlock("Hi")] });
    // @ts-expect-error one card per message
    await refused(messages.create({ roomId: "R", text: "x", attachments: [card, card] }), "attachments");
  });

  it("an edit without text", async () => {
    // @ts-expect-error an edit needs text or markdown
    await refused(messages.update("M1", { roomId: "R" }), "text");
    // @ts-expect-error an edit needs the room
    await refused(messages.update("M1", { text: "x" }), "roomId");
  });

  it("listDirect with both or neither person", () => {
    // @ts-expect-error exactly one of personId and personEmail
    expect(() => messages.listDirect({ personId: "P", personEmail: "a@example.com" })).toThrow(ValidationError);
    // @ts-expect-error exactly one of personId and personEmail
    expect(() => messages.listDirect({})).toThrow(ValidationError);
  });

  it("list without a room or with an invalid time", () => {
    // @ts-expect-error roomId is required
    expect(() => messages.list({})).toThrow(ValidationError);
    expect(() => messages.list({ roomId: "R", before: "yesterday" })).toThrow(/before/);
  });
});

describe("create: what is sent", () => {
  it("a URL file, a card and extra fields go as JSON", async () => {
    const card = adaptiveCard({ body: [textBlock("Hi")] });
    await messages.create({
      toPersonEmail: "a@example.com",
      text: "fallback",
      files: ["https://example.com/report.pdf"],
      attachments: [card],
      extra: { someNewField: 1 },
    });
    expect(sentJson()).toEqual({
      toPersonEmail: "a@example.com",
      text: "fallback",
      files: ["https://example.com/report.pdf"],
      attachments: [{ contentType: "application/vnd.microsoft.card.adaptive", content: card }],
      someNewField: 1,
    });
  });

  it("a plain card literal is wrapped; an empty files array is left out", async () => {
    await messages.create({
      roomId: "R",
      markdown: "**hi**",
      files: [] as never,
      attachments: [{ type: "AdaptiveCard" }],
    });
    expect(sentJson()).toEqual({
      roomId: "R",
      markdown: "**hi**",
      attachments: [
        {
          contentType: "application/vnd.microsoft.card.adaptive",
          content: expect.objectContaining({ type: "AdaptiveCard", version: "1.3" }),
        },
      ],
    });
  });

  it("a local file goes as multipart: text fields in order, then the file with its name and type", async () => {
    const path = join(dir, "report.csv");
    await writeFile(path, "a,b\n1,2\n");
    await messages.create({ parentId: "P", markdown: "**m**", text: "t", roomId: "R", files: [path] });
    const [request] = server.requests;
    const parts = parseMultipart(request?.headers["content-type"], request?.body as Buffer);
    expect(parts.map((p) => p.name)).toEqual(["roomId", "text", "markdown", "parentId", "files"]);
    expect(parts.map((p) => String(p.data)).slice(0, 4)).toEqual(["R", "t", "**m**", "P"]);
    expect(parts[4]).toMatchObject({ filename: "report.csv", contentType: "text/csv" });
    expect(String(parts[4]?.data)).toBe("a,b\n1,2\n");
    expect(Number(request?.headers["content-length"])).toBe(request?.body.length);
  });

  it("bytes with a chosen name and type", async () => {
    const bytes = Buffer.from([0, 1, 2, 255]);
    await messages.create({
      toPersonId: "P",
      files: [{ source: bytes, filename: "x.bin", contentType: "application/x-test" }],
    });
    const [request] = server.requests;
    const parts = parseMultipart(request?.headers["content-type"], request?.body as Buffer);
    expect(parts.map((p) => p.name)).toEqual(["toPersonId", "files"]);
    expect(parts[1]).toMatchObject({ filename: "x.bin", contentType: "application/x-test", data: bytes });
  });
});

describe("other requests", () => {
  it("list: default max 50, mentionedPeople joined, before as ISO", async () => {
    const before = new Date("2024-05-06T07:08:09.010Z");
    await messages.list({ roomId: "R", mentionedPeople: ["me", "P2"], before }).toArray();
    const url = new URL(server.requests[0]?.url ?? "", server.baseUrl);
    expect(url.pathname).toBe("/v1/messages");
    expect(Object.fromEntries(url.searchParams)).toEqual({
      max: "50",
      roomId: "R",
      mentionedPeople: "me,P2",
      before: "2024-05-06T07:08:09.010Z",
    });
  });

  it("listDirect sends no max", async () => {
    await messages.listDirect({ personEmail: "a@example.com", parentId: "M0" }).toArray();
    expect(server.requests[0]?.url).toBe("/v1/messages/direct?personEmail=a%40example.com&parentId=M0");
  });

  it("update is a PUT of roomId and the new text; ids are URL-encoded", async () => {
    await messages.update("M/1", { roomId: "R", markdown: "new" });
    expect(server.requests[0]).toMatchObject({ method: "PUT", url: "/v1/messages/M%2F1" });
    expect(sentJson()).toEqual({ roomId: "R", markdown: "new" });
  });

  it("get and delete", async () => {
    await messages.get("M1");
    await messages.delete("M1");
    expect(server.requests.map((r) => `${r.method} ${r.url}`)).toEqual([
      "GET /v1/messages/M1",
      "DELETE /v1/messages/M1",
    ]);
  });
});
