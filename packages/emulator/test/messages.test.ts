import { describe, expect, it } from "vitest";
import { type ApiResponse, call, expectWebexError, qs, useEmulator } from "./helpers.js";

const t = useEmulator();

async function groupRoom(...extra: string[]) {
  const room = (await t.user.post("rooms", { title: "Chat" })).body;
  for (const personId of extra) await t.user.post("memberships", { roomId: room.id, personId });
  return room;
}

function multipart(fields: Record<string, string>, file?: { name: string; type: string; data: Buffer }) {
  const boundary = "----wxtest1234";
  const chunks: Buffer[] = [];
  for (const [name, value] of Object.entries(fields)) {
    chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`));
  }
  if (file) {
    chunks.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="files"; filename="${file.name}"\r\nContent-Type: ${file.type}\r\n\r\n`,
      ),
      file.data,
      Buffer.from("\r\n"),
    );
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { body: Buffer.concat(chunks), contentType: `multipart/form-data; boundary=${boundary}` };
}

describe("messages", () => {
  it("posts, gets and lists newest first", async () => {
    const room = await groupRoom();
    const first = (await t.user.post("messages", { roomId: room.id, text: "one" })).body;
    const second = (await t.user.post("messages", { roomId: room.id, text: "two" })).body;
    expect(first).toMatchObject({ roomId: room.id, roomType: "group", text: "one", personId: t.emu.people.user.id });
    expect(first.personEmail).toBe(t.emu.people.user.emails[0]);
    expect((await t.user.get(`messages/${first.id}`)).body.text).toBe("one");
    const list = await t.user.get(`messages?${qs({ roomId: room.id })}`);
    expect(list.body.items.map((m: { id: string }) => m.id)).toEqual([second.id, first.id]);
  });

  it("validates destination, content and size", async () => {
    const room = await groupRoom();
    expectWebexError(await t.user.post("messages", { text: "no room" }), 400);
    expectWebexError(
      await t.user.post("messages", { roomId: room.id, toPersonId: t.emu.people.admin.id, text: "x" }),
      400,
    );
    expectWebexError(await t.user.post("messages", { roomId: room.id }), 400);
    expectWebexError(await t.user.post("messages", { roomId: room.id, text: "x".repeat(7440) }), 400);
    expect((await t.user.post("messages", { roomId: room.id, text: "x".repeat(7439) })).status).toBe(200);
    expectWebexError(await t.user.post("messages", { roomId: room.id, text: 5 }), 400);
    expectWebexError(await t.user.post("messages", { roomId: room.id, files: ["https://a/1", "https://a/2"] }), 400);
    expectWebexError(await t.user.get("messages"), 400);
    expectWebexError(await t.user.get("messages/unknown"), 404);
  });

  it("renders markdown to text and html and fills mentions", async () => {
    const room = await groupRoom(t.emu.people.admin.id);
    const markdown = `**Hi** <@personEmail:${t.emu.people.admin.emails[0]}|Ada> and <@personId:${t.emu.people.user.id}|me> <@all>`;
    const msg = (await t.user.post("messages", { roomId: room.id, markdown })).body;
    expect(msg.text).toBe("Hi Ada and me All");
    expect(msg.markdown).toBe(markdown);
    expect(msg.mentionedPeople).toEqual([t.emu.people.admin.id, t.emu.people.user.id]);
    expect(msg.mentionedGroups).toEqual(["all"]);
    const html = (await t.user.get(`messages/${msg.id}`)).body.html;
    expect(html).toContain("<strong>Hi</strong>");
    expect(html).toContain(`data-object-id="${t.emu.people.admin.id}"`);
  });

  it("threads replies with parentId and lists them", async () => {
    const room = await groupRoom();
    const parent = (await t.user.post("messages", { roomId: room.id, text: "parent" })).body;
    const reply = (await t.user.post("messages", { roomId: room.id, text: "reply", parentId: parent.id })).body;
    expect(reply.parentId).toBe(parent.id);
    const thread = await t.user.get(`messages?${qs({ roomId: room.id, parentId: parent.id })}`);
    expect(thread.body.items.map((m: { id: string }) => m.id)).toEqual([reply.id]);
    expectWebexError(await t.user.post("messages", { roomId: room.id, text: "x", parentId: reply.id }), 400);
  });

  it("filters by before, beforeMessage and mentionedPeople", async () => {
    const room = await groupRoom(t.emu.people.admin.id);
    const a = (await t.user.post("messages", { roomId: room.id, text: "a" })).body;
    await new Promise((resolve) => setTimeout(resolve, 5)); // `before` is strict: keep a and b in different milliseconds
    const b = (
      await t.user.post("messages", { roomId: room.id, markdown: `<@personId:${t.emu.people.admin.id}|Ada> b` })
    ).body;
    const c = (await t.user.post("messages", { roomId: room.id, text: "c" })).body;
    const ids = (r: ApiResponse) => r.body.items.map((m: { id: string }) => m.id);
    expect(ids(await t.user.get(`messages?${qs({ roomId: room.id, beforeMessage: c.id })}`))).toEqual([b.id, a.id]);
    const before = await t.user.get(`messages?${qs({ roomId: room.id, before: b.created })}`);
    expect(ids(before)).not.toContain(b.id);
    expect(ids(before)).toContain(a.id);
    expect(ids(await t.admin.get(`messages?${qs({ roomId: room.id, mentionedPeople: "me" })}`))).toEqual([b.id]);
    expectWebexError(
      await t.admin.get(`messages?${qs({ roomId: room.id, mentionedPeople: t.emu.people.user.id })}`),
      400,
    );
    expectWebexError(await t.user.get(`messages?${qs({ roomId: room.id, before: "yesterday" })}`), 400);
  });

  it("makes bots pass mentionedPeople=me in group rooms, not in direct ones", async () => {
    const room = await groupRoom(t.emu.people.bot.id);
    await t.user.post("messages", { roomId: room.id, markdown: `<@personId:${t.emu.people.bot.id}|Bot> help` });
    expectWebexError(await t.bot.get(`messages?${qs({ roomId: room.id })}`), 403);
    const mentioned = await t.bot.get(`messages?${qs({ roomId: room.id, mentionedPeople: "me" })}`);
    expect(mentioned.body.items).toHaveLength(1);
    const dm = (await t.user.post("messages", { toPersonId: t.emu.people.bot.id, text: "psst" })).body;
    expect((await t.bot.get(`messages?${qs({ roomId: dm.roomId })}`)).body.items).toHaveLength(1);
  });

  it("creates a 1:1 room on the first direct message and lists it with /messages/direct", async () => {
    const sent = await t.user.post("messages", { toPersonEmail: t.emu.people.admin.emails[0], text: "hello" });
    expect(sent.body).toMatchObject({ roomType: "direct", toPersonEmail: t.emu.people.admin.emails[0] });
    const again = await t.user.post("messages", { toPersonId: t.emu.people.admin.id, text: "again" });
    expect(again.body.roomId).toBe(sent.body.roomId);
    const direct = await t.admin.get(`messages/direct?${qs({ personEmail: t.emu.people.user.emails[0] })}`);
    expect(direct.body.items.map((m: { text: string }) => m.text)).toEqual(["again", "hello"]);
    expect(direct.body.items[0].roomType).toBe("direct");
    expectWebexError(await t.admin.get("messages/direct"), 400);
    expectWebexError(await t.user.post("messages", { toPersonId: t.emu.people.user.id, text: "me" }), 400);
  });

  it("edits with limits and deletes", async () => {
    const room = await groupRoom(t.emu.people.admin.id);
    const msg = (await t.user.post("messages", { roomId: room.id, text: "v0" })).body;
    expectWebexError(await t.user.put(`messages/${msg.id}`, { text: "no room" }), 400);
    expectWebexError(await t.admin.put(`messages/${msg.id}`, { roomId: room.id, text: "not mine" }), 403);
    for (let i = 1; i <= 10; i++) {
      const edited = await t.user.put(`messages/${msg.id}`, { roomId: room.id, markdown: `**v${i}**` });
      expect(edited.status).toBe(200);
      expect(edited.body).toMatchObject({ text: `v${i}`, updated: expect.any(String) });
    }
    expectWebexError(await t.user.put(`messages/${msg.id}`, { roomId: room.id, text: "v11" }), 400);
    const withFile = (await t.user.post("messages", { roomId: room.id, files: ["https://example.com/a.png"] })).body;
    expectWebexError(await t.user.put(`messages/${withFile.id}`, { roomId: room.id, text: "x" }), 400);
    expectWebexError(await t.admin.delete(`messages/${msg.id}`), 403);
    const deleted = await t.user.delete(`messages/${msg.id}`);
    expect(deleted.status).toBe(204);
    expect(deleted.text).toBe("");
    expectWebexError(await t.user.get(`messages/${msg.id}`), 404);
  });

  it("uploads one file by multipart and serves it from /contents/{id} (GET and HEAD)", async () => {
    const room = await groupRoom();
    const data = Buffer.from("%PDF-1.4 fake pdf bytes");
    const form = multipart({ roomId: room.id, text: "report" }, { name: "report.pdf", type: "application/pdf", data });
    const res = await call(`${t.emu.url}messages`, {
      method: "POST",
      token: t.emu.tokens.user,
      body: form.body,
      headers: { "content-type": form.contentType },
    });
    expect(res.status).toBe(200);
    expect(res.body.text).toBe("report");
    expect(res.body.files).toHaveLength(1);
    const fileUrl: string = res.body.files[0];
    expect(fileUrl.startsWith(`${t.emu.url}contents/`)).toBe(true);
    const contentId = fileUrl.split("/").pop() as string;
    expect(Buffer.from(contentId, "base64").toString()).toMatch(/^ciscospark:\/\/us\/CONTENT\/[0-9a-f-]+\/0$/);
    const file = await call(fileUrl, { token: t.emu.tokens.user });
    expect(file.text).toBe(data.toString());
    expect(file.headers["content-type"]).toBe("application/pdf");
    expect(file.headers["content-disposition"]).toBe('attachment; filename="report.pdf"');
    const head = await call(fileUrl, { method: "HEAD", token: t.emu.tokens.user });
    expect(head.status).toBe(200);
    expect(head.headers["content-length"]).toBe(String(data.length));
    expectWebexError(await call(fileUrl, { token: t.emu.tokens.admin }), 404);
    const two = multipart({ roomId: room.id }, { name: "a.txt", type: "text/plain", data });
    const twoFiles = Buffer.concat([
      two.body.subarray(0, -`--${"----wxtest1234"}--\r\n`.length),
      multipart({}, { name: "b.txt", type: "text/plain", data }).body,
    ]);
    expectWebexError(
      await call(`${t.emu.url}messages`, {
        method: "POST",
        token: t.emu.tokens.user,
        body: twoFiles,
        headers: { "content-type": two.contentType },
      }),
      400,
    );
  });

  it("keeps a file sent by URL as a link behind /contents/{id}", async () => {
    const room = await groupRoom();
    const msg = (await t.user.post("messages", { roomId: room.id, files: ["https://example.com/pic.png"] })).body;
    const res = await call(msg.files[0], { token: t.emu.tokens.user });
    expect(res.status).toBe(302);
    expect(res.headers.location).toBe("https://example.com/pic.png");
  });

  it("accepts one adaptive card attachment", async () => {
    const room = await groupRoom();
    const card = {
      contentType: "application/vnd.microsoft.card.adaptive",
      content: { type: "AdaptiveCard", version: "1.3", body: [] },
    };
    const msg = await t.user.post("messages", { roomId: room.id, text: "fallback", attachments: [card] });
    expect(msg.body.attachments).toEqual([card]);
    expectWebexError(await t.user.post("messages", { roomId: room.id, text: "x", attachments: [card, card] }), 400);
    expectWebexError(
      await t.user.post("messages", { roomId: room.id, text: "x", attachments: [{ content: {} }] }),
      400,
    );
  });
});
