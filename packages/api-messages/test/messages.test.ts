import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable } from "node:stream";
import { adaptiveCard, submit, textBlock } from "@wx/cards";
import { RateLimitError, Session } from "@wx/core";
import type { Message } from "@wx/models";
import { request } from "undici";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { apiError } from "../../../testing/api-error.js";
import { useEmulator } from "../../../testing/emulator-fixture.js";
import { type MessageFile, MessagesApi } from "../src/index.js";

const { emu, sessionFor } = await useEmulator();
const session = sessionFor(emu.tokens.user, { sleep: async () => {} });
const messages = new MessagesApi(session);
let roomId: string;
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "wx-messages-"));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});
beforeEach(async () => {
  roomId = (await session.request<{ id: string }>({ method: "POST", path: "rooms", json: { title: "Room" } })).id;
});

/** The bytes behind a message's `files[0]` URL, fetched as the user. */
async function download(message: Message): Promise<{ bytes: Buffer; disposition: string | undefined }> {
  const url = message.files?.[0];
  expect(url).toMatch(/\/contents\//);
  const response = await request(url as string, { headers: { authorization: `Bearer ${emu.tokens.user}` } });
  expect(response.statusCode).toBe(200);
  const disposition = response.headers["content-disposition"];
  return { bytes: Buffer.from(await response.body.arrayBuffer()), disposition: disposition as string | undefined };
}

describe("messages in a room", () => {
  it("create, get, update (edit), delete", async () => {
    const sent = await messages.create({ roomId, markdown: "**hello**" });
    expect(sent).toMatchObject({ roomId, markdown: "**hello**", personId: emu.people.user.id });

    expect(await messages.get(sent.id)).toMatchObject({ id: sent.id, text: expect.stringContaining("hello") });

    const edited = await messages.update(sent.id, { roomId, text: "edited" });
    expect(edited).toMatchObject({ id: sent.id, text: "edited", updated: expect.any(String) });

    await expect(messages.delete(sent.id)).resolves.toBeUndefined();
    const error = await apiError(messages.get(sent.id));
    expect(error.status).toBe(404);
    expect(error.message).toContain(`[Tracking ID: ${error.trackingId}]`);
  });

  it("lists 120 messages newest first over several pages (max 25)", async () => {
    emu.seedMessages({ roomId, count: 120, text: (i) => `seed ${i}` });
    const sizes: number[] = [];
    for await (const page of messages.list({ roomId, max: 25 }).pages()) sizes.push(page.items.length);
    expect(sizes).toEqual([25, 25, 25, 25, 20]);
    const texts = (await messages.list({ roomId, max: 25 }).toArray()).map((m) => m.text);
    expect(texts).toHaveLength(120);
    expect(texts[0]).toBe("seed 119");
    expect(texts[119]).toBe("seed 0");
  });

  it("filters: replies by parentId, before a message, before a time", async () => {
    const parent = await messages.create({ roomId, text: "question" });
    await messages.create({ roomId, parentId: parent.id, text: "answer 1" });
    await messages.create({ roomId, parentId: parent.id, text: "answer 2" });
    const replies = await messages.list({ roomId, parentId: parent.id }).toArray();
    expect(replies.map((m) => m.text).sort()).toEqual(["answer 1", "answer 2"]);

    const older = await messages.list({ roomId, beforeMessage: parent.id }).toArray();
    expect(older.map((m) => m.id)).not.toContain(parent.id);
    expect(await messages.list({ roomId, before: new Date(Date.parse(parent.created) - 1) }).toArray()).toEqual([]);
    expect(await messages.list({ roomId, before: "2001-01-01T00:00:00.000Z" }).toArray()).toEqual([]);
  });

  it("a card is sent as an attachment", async () => {
    const card = adaptiveCard({ body: [textBlock("Vote")], actions: [submit({ title: "Yes", data: { vote: 1 } })] });
    const sent = await messages.create({ roomId, text: "fallback", attachments: [card] });
    expect(sent.attachments).toEqual([
      { contentType: "application/vnd.microsoft.card.adaptive", content: expect.objectContaining({ body: card.body }) },
    ]);
  });

  it("a bot listing a group room without mentionedPeople is a 403 ApiError; with mentionedPeople=me it works", async () => {
    await session.request({ method: "POST", path: "memberships", json: { roomId, personId: emu.people.bot.id } });
    const botSession = new Session({ accessToken: emu.tokens.bot, baseUrl: emu.url });
    const asBot = new MessagesApi(botSession);
    const error = await apiError(asBot.list({ roomId }).toArray());
    expect(error.status).toBe(403);
    const mention = `<@personId:${emu.people.bot.id}|Bot> hi`;
    await messages.create({ roomId, markdown: mention });
    await messages.create({ roomId, text: "not for the bot" });
    const mine = await asBot.list({ roomId, mentionedPeople: ["me"] }).toArray();
    expect(mine).toHaveLength(1);
    await botSession.close();
  });
});

describe("direct messages", () => {
  it("create to a person, then listDirect by email or id", async () => {
    const botEmail = (emu.people.bot.emails as string[])[0] as string;
    const first = await messages.create({ toPersonEmail: botEmail, text: "one" });
    expect(first.roomType).toBe("direct");
    await messages.create({ toPersonId: emu.people.bot.id as string, text: "two" });
    const byEmail = await messages.listDirect({ personEmail: botEmail }).toArray();
    expect(byEmail.map((m) => m.text)).toEqual(["two", "one"]);
    const byId = await messages.listDirect({ personId: emu.people.bot.id as string }).toArray();
    expect(byId.map((m) => m.id)).toEqual(byEmail.map((m) => m.id));
  });
});

describe("uploads", () => {
  const content = Buffer.from(Array.from({ length: 70_000 }, (_, i) => i % 251));

  const sources: [string, () => Promise<MessageFile>, string][] = [
    ["a local path", async () => writeTemp("path.bin"), "path.bin"],
    ["a Buffer", async () => content, "file"],
    ["a Uint8Array", async () => new Uint8Array(content), "file"],
    ["a Blob (File)", async () => new File([content], "blob.bin"), "blob.bin"],
    ["a Readable stream", async () => Readable.from([content.subarray(0, 1000), content.subarray(1000)]), "file"],
    ["{ source, filename }", async () => ({ source: Readable.from([content]), filename: "named.bin" }), "named.bin"],
  ];

  async function writeTemp(name: string): Promise<string> {
    const path = join(dir, name);
    await writeFile(path, content);
    return path;
  }

  it.each(sources)("from %s: the content URL serves the same bytes", async (_label, make, filename) => {
    const sent = await messages.create({ roomId, text: "file", files: [await make()] });
    const { bytes, disposition } = await download(sent);
    expect(bytes.equals(content)).toBe(true);
    expect(disposition).toContain(`filename="${filename}"`);
  });

  it("a URL file is passed on as a URL", async () => {
    const sent = await messages.create({ roomId, files: ["https://example.com/report.pdf"] });
    expect(sent.files).toHaveLength(1);
  });

  it.each([
    ["a local path", async () => writeTemp("retry.bin")],
    ["a Buffer", async () => content],
    ["a Blob", async () => new Blob([content])],
  ] as const)("after a 429 (Retry-After 0), an upload from %s is sent again whole", async (_label, make) => {
    emu.faults.route("POST", "messages", { status: 429, retryAfter: 0 }, { times: 1 });
    const before = emu.requests.length;
    const sent = await messages.create({ roomId, files: [await make()] });
    const posts = emu.requests.slice(before).filter((r) => r.method === "POST");
    expect(posts.map((r) => r.status)).toEqual([429, 200]);
    expect((await download(sent)).bytes.equals(content)).toBe(true);
  });

  it("a stream cannot be read twice, so a 429 on its upload surfaces as RateLimitError", async () => {
    emu.faults.route("POST", "messages", { status: 429, retryAfter: 0 }, { times: 1 });
    const error = await apiError(messages.create({ roomId, files: [Readable.from([content])] }));
    expect(error).toBeInstanceOf(RateLimitError);
  });

  it("a 503 on an upload is not retried (a POST may have been processed) and surfaces as ApiError", async () => {
    emu.faults.route("POST", "messages", { status: 503 }, { times: 1 });
    const error = await apiError(messages.create({ roomId, files: [await writeTemp("busy.bin")] }));
    expect(error.status).toBe(503);
    expect(await messages.list({ roomId }).toArray()).toEqual([]);
  });
});

describe("page sizes", () => {
  it("with mentionedPeople the service allows at most 100: 101 is refused before sending", async () => {
    const error = await messages
      .list({ roomId, mentionedPeople: "me", max: 101 })
      .toArray()
      .catch((e: unknown) => e);
    expect((error as Error).message).toMatch(/max must be a whole number from 1 to 100\b/);
    expect(await messages.list({ roomId, max: 500 }).toArray()).toEqual([]);
  });
});
