import { createEmulator } from "@wx/emulator";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Spawned, spawnStdio, webexAs } from "./mcp-fixture.js";

const emu = await createEmulator({ port: 0 });
const wx = webexAs(emu, emu.tokens.user);
const admin = webexAs(emu, emu.tokens.admin);
const ada = emu.addPerson({ displayName: "Ada Lovelace", email: "ada@example.com" });
const ALL_TOOLS = [
  "whoami",
  "list_rooms",
  "create_room",
  "find_people",
  "read_messages",
  "send_message",
  "edit_message",
  "delete_message",
  "send_card",
  "list_members",
  "add_member",
  "remove_member",
  "list_meetings",
  "create_meeting",
];
let mcp: Spawned;

beforeAll(async () => {
  mcp = await spawnStdio(emu.url, emu.tokens.user);
});
afterAll(async () => {
  await mcp.close();
  await Promise.all([wx.close(), admin.close()]);
  await emu.close();
});

async function roomWithAda(title: string): Promise<string> {
  const room = await wx.rooms.create({ title });
  await wx.memberships.create({ roomId: room.id, personId: ada.person.id });
  return room.id;
}

describe("listing", () => {
  it("lists every tool with input and output schemas and the protocol's behaviour hints", async () => {
    const { tools } = await mcp.client.listTools();
    expect(tools.map((tool) => tool.name)).toEqual(ALL_TOOLS);
    for (const tool of tools) {
      expect(tool.inputSchema.type).toBe("object");
      expect(tool.outputSchema?.type).toBe("object");
      expect(typeof tool.annotations?.readOnlyHint).toBe("boolean");
      expect(typeof tool.annotations?.destructiveHint).toBe("boolean");
      expect(typeof tool.annotations?.idempotentHint).toBe("boolean");
    }
    const hints = Object.fromEntries(tools.map((tool) => [tool.name, tool.annotations]));
    expect(hints.read_messages).toMatchObject({ readOnlyHint: true, destructiveHint: false });
    expect(hints.delete_message).toMatchObject({ readOnlyHint: false, destructiveHint: true, idempotentHint: true });
    expect(hints.send_message).toMatchObject({ readOnlyHint: false, destructiveHint: false, idempotentHint: false });
  });

  it("offers a room's transcript as a resource template", async () => {
    const { resourceTemplates } = await mcp.client.listResourceTemplates();
    expect(resourceTemplates.map((template) => template.uriTemplate)).toEqual(["webex://rooms/{roomId}/messages"]);
  });
});

describe("whoami", () => {
  it("names the token's owner without showing the token", async () => {
    const result = await mcp.call("whoami");
    expect(result.isError).toBe(false);
    expect(result.structured).toMatchObject({ id: emu.people.user.id, name: emu.people.user.displayName });
    expect(result.text).toContain(emu.people.user.emails[0]);
    expect(JSON.stringify(result)).not.toContain(emu.tokens.user);
  });
});

describe("rooms", () => {
  it("creates a room, then finds it by words of its title in any case", async () => {
    const created = await mcp.call("create_room", { title: "Quarterly Planning MCP" });
    expect(created.isError).toBe(false);
    const roomId = (created.structured.room as { id: string }).id;
    const found = await mcp.call("list_rooms", { titleContains: "quarterly planning" });
    expect(found.structured.rooms).toEqual([
      expect.objectContaining({ id: roomId, title: "Quarterly Planning MCP", type: "group" }),
    ]);
    expect(found.text).toContain("Quarterly Planning MCP");
  });

  it("filters by type and pages with a cursor through every room once", async () => {
    for (let i = 0; i < 5; i++) await wx.rooms.create({ title: `paging room ${i}` });
    await wx.messages.create({ toPersonEmail: "ada@example.com", text: "hi Ada" });
    const direct = await mcp.call("list_rooms", { type: "direct" });
    expect((direct.structured.rooms as { type: string }[]).map((room) => room.type)).toEqual(["direct"]);

    const seen: string[] = [];
    let cursor: string | undefined;
    for (let calls = 0; calls < 20; calls++) {
      const page = await mcp.call("list_rooms", {
        titleContains: "paging room",
        limit: 2,
        ...(cursor ? { cursor } : {}),
      });
      seen.push(...(page.structured.rooms as { title: string }[]).map((room) => room.title));
      cursor = page.structured.cursor as string | undefined;
      if (!cursor) break;
    }
    expect(seen.sort()).toEqual([0, 1, 2, 3, 4].map((i) => `paging room ${i}`));
  });
});

describe("people", () => {
  it("finds people by email and by the start of their name", async () => {
    const byEmail = await mcp.call("find_people", { email: "ada@example.com" });
    expect(byEmail.structured.people).toEqual([
      { id: ada.person.id, name: "Ada Lovelace", email: "ada@example.com", type: "person" },
    ]);
    const byName = await mcp.call("find_people", { name: "Ada L" });
    expect((byName.structured.people as { id: string }[]).map((person) => person.id)).toEqual([ada.person.id]);
    expect(byName.text).toContain("Ada Lovelace <ada@example.com>");
  });
});

describe("messages", () => {
  it("reads a room oldest first with replies under their parent and senders by name, looked up once", async () => {
    const roomId = await roomWithAda("threads");
    const question = await wx.messages.create({ roomId, text: "Lunch at noon?" });
    await emu.act(ada.token).postMessage({ roomId, parentId: question.id, text: "Yes" });
    await wx.messages.create({ roomId, parentId: question.id, text: "Great" });
    await emu.act(ada.token).postMessage({ roomId, text: "Also: slides are up" });
    const before = emu.requests.length;

    const result = await mcp.call("read_messages", { roomId });
    expect(result.isError).toBe(false);
    const user = emu.people.user.displayName;
    expect(result.structured.messages).toEqual([
      expect.objectContaining({
        text: "Lunch at noon?",
        from: user,
        replies: [
          expect.objectContaining({ text: "Yes", from: "Ada Lovelace" }),
          expect.objectContaining({ text: "Great", from: user }),
        ],
      }),
      expect.objectContaining({ text: "Also: slides are up", from: "Ada Lovelace" }),
    ]);
    expect(result.structured.cursor).toBeUndefined();
    const made = emu.requests.slice(before).map((request) => `${request.method} ${request.path}`);
    expect(made).toEqual(["GET /v1/messages", "GET /v1/people"]);
    expect(result.text).toMatch(/Lunch at noon\?[^\n]*\n {2}- ↳ [^\n]*Ada Lovelace: Yes/);
  });

  it("reads the 1:1 conversation with a person by email", async () => {
    await emu.act(ada.token).postMessage({ toPersonEmail: emu.people.user.emails[0], text: "ping from Ada" });
    const result = await mcp.call("read_messages", { personEmail: "ada@example.com" });
    expect((result.structured.messages as { text: string }[]).map((message) => message.text)).toContain(
      "ping from Ada",
    );
  });

  it("keeps to the before and since times", async () => {
    const roomId = await roomWithAda("times");
    emu.setTime("2030-01-01T09:00:00.000Z");
    await wx.messages.create({ roomId, text: "nine" });
    emu.setTime("2030-01-01T10:00:00.000Z");
    await wx.messages.create({ roomId, text: "ten" });
    emu.setTime("2030-01-01T11:00:00.000Z");
    await wx.messages.create({ roomId, text: "eleven" });
    const texts = async (args: Record<string, unknown>) =>
      ((await mcp.call("read_messages", { roomId, ...args })).structured.messages as { text: string }[]).map(
        (m) => m.text,
      );
    expect(await texts({ since: "2030-01-01T09:30:00Z" })).toEqual(["ten", "eleven"]);
    expect(await texts({ before: "2030-01-01T10:30:00Z" })).toEqual(["nine", "ten"]);
    expect(await texts({ since: "2030-01-01T09:30:00Z", before: "2030-01-01T10:30:00Z" })).toEqual(["ten"]);
  });

  it("sends text, markdown, a thread reply and a file by URL, to a room or a person", async () => {
    const roomId = await roomWithAda("sending");
    const sent = await mcp.call("send_message", { roomId, text: "hello from the assistant" });
    expect(sent.isError).toBe(false);
    const id = sent.structured.id as string;
    const reply = await mcp.call("send_message", { roomId, markdown: "**agreed**", replyTo: id });
    const file = await mcp.call("send_message", {
      roomId,
      text: "the report",
      fileUrl: "https://example.com/report.pdf",
    });
    const direct = await mcp.call("send_message", { personEmail: "ada@example.com", text: "just you" });
    expect([reply, file, direct].map((result) => result.isError)).toEqual([false, false, false]);

    const stored = await wx.messages.list({ roomId }).toArray();
    expect(stored.find((message) => message.id === reply.structured.id)).toMatchObject({
      parentId: id,
      markdown: "**agreed**",
    });
    expect(stored.find((message) => message.id === file.structured.id)?.files).toHaveLength(1);
    const adaSees = await webexAs(emu, ada.token).messages.get(direct.structured.id as string);
    expect(adaSees.text).toBe("just you");
  });

  it("edits and deletes a message", async () => {
    const roomId = await roomWithAda("editing");
    const sent = await wx.messages.create({ roomId, text: "draft" });
    const edited = await mcp.call("edit_message", { messageId: sent.id, text: "final" });
    expect(edited.structured.message).toMatchObject({ id: sent.id, text: "final", edited: true });
    expect((await wx.messages.get(sent.id)).text).toBe("final");

    const deleted = await mcp.call("delete_message", { messageId: sent.id });
    expect(deleted.structured).toEqual({ deleted: sent.id });
    expect(await wx.messages.list({ roomId }).toArray()).toEqual([]);
  });

  it("sends a valid card and returns a broken card's problems with their JSON paths, sending nothing", async () => {
    const roomId = await roomWithAda("cards");
    const card = { type: "AdaptiveCard", version: "1.3", body: [{ type: "TextBlock", text: "Vote" }] };
    const sent = await mcp.call("send_card", { roomId, card, text: "Vote (card)" });
    expect(sent.isError).toBe(false);
    expect((await wx.messages.get(sent.structured.id as string)).attachments?.[0]?.content).toMatchObject(card);

    const broken = await mcp.call("send_card", {
      roomId,
      card: { type: "AdaptiveCard", version: "1.3", body: [{ type: "TextBlock" }, { type: "Nope" }] },
    });
    expect(broken.isError).toBe(true);
    expect(broken.text).toContain("$.body[0]");
    expect(broken.text).toContain("$.body[1]");
    expect(await wx.messages.list({ roomId }).toArray()).toHaveLength(1);
  });

  it("reads the transcript resource of a room", async () => {
    const roomId = await roomWithAda("transcript");
    await emu.act(ada.token).postMessage({ roomId, text: "minutes are in the doc" });
    const resource = await mcp.client.readResource({ uri: `webex://rooms/${roomId}/messages` });
    const content = resource.contents[0] as { text: string; mimeType: string };
    expect(content.mimeType).toBe("text/plain");
    expect(content.text).toContain("Ada Lovelace: minutes are in the doc");
  });
});

describe("members", () => {
  it("lists, adds and removes members, by email or by membership id", async () => {
    const roomId = (await wx.rooms.create({ title: "members" })).id;
    const added = await mcp.call("add_member", { roomId, personEmail: "ada@example.com", moderator: true });
    expect(added.structured.member).toMatchObject({ personId: ada.person.id, name: "Ada Lovelace", moderator: true });
    await mcp.call("add_member", { roomId, personId: emu.people.admin.id });

    const listed = await mcp.call("list_members", { roomId });
    const emails = (listed.structured.members as { email: string }[]).map((member) => member.email);
    expect(emails.sort()).toEqual([...emu.people.admin.emails, "ada@example.com", ...emu.people.user.emails].sort());

    const byEmail = await mcp.call("remove_member", { roomId, personEmail: "ada@example.com" });
    expect(byEmail.isError).toBe(false);
    const adminMembership = (listed.structured.members as { membershipId: string; personId: string }[]).find(
      (member) => member.personId === emu.people.admin.id,
    );
    const byId = await mcp.call("remove_member", { membershipId: adminMembership?.membershipId });
    expect(byId.isError).toBe(false);
    const left = await wx.memberships.list({ roomId }).toArray();
    expect(left.map((membership) => membership.personId)).toEqual([emu.people.user.id]);

    const again = await mcp.call("remove_member", { roomId, personEmail: "ada@example.com" });
    expect(again).toMatchObject({ isError: true, text: expect.stringContaining("not a member of that room") });
  });
});

describe("as a bot", () => {
  it("reads the messages of a group room that mention it, as Webex lets bots", async () => {
    const roomId = await roomWithAda("bot room");
    await wx.memberships.create({ roomId, personId: emu.people.bot.id });
    await wx.messages.create({ roomId, text: "not for the bot" });
    await wx.messages.create({ roomId, markdown: `<@personId:${emu.people.bot.id}|Bot> summarise please` });
    const bot = await spawnStdio(emu.url, emu.tokens.bot, ["--toolsets", "messages"]);
    try {
      const refused = await bot.call("read_messages", { roomId });
      expect(refused).toMatchObject({ isError: true, text: expect.stringContaining("does not allow this") });
      const mentions = await bot.call("read_messages", { roomId, mentionsMe: true });
      expect((mentions.structured.messages as { text: string }[]).map((message) => message.text)).toEqual([
        "Bot summarise please",
      ]);
    } finally {
      await bot.close();
    }
  });
});
