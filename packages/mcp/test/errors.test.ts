import { spawnSync } from "node:child_process";
import { createEmulator } from "@wx/emulator";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { CLI, type Spawned, spawnStdio, webexAs } from "./mcp-fixture.js";

const emu = await createEmulator({ port: 0 });
const wx = webexAs(emu, emu.tokens.user);
const ada = emu.addPerson({ displayName: "Ada Lovelace", email: "ada@example.com" });
let mcp: Spawned;

beforeAll(async () => {
  mcp = await spawnStdio(emu.url, emu.tokens.user);
});
afterEach(() => emu.faults.clear());
afterAll(async () => {
  await mcp.close();
  await wx.close();
  await emu.close();
});

describe("bad inputs", () => {
  it("refuses arguments outside the schema, naming the argument", async () => {
    const wrongType = await mcp.call("read_messages", { roomId: "r", limit: "lots" });
    expect(wrongType).toMatchObject({ isError: true, text: expect.stringContaining("limit") });
    const tooMany = await mcp.call("read_messages", { roomId: "r", limit: 5000 });
    expect(tooMany).toMatchObject({ isError: true, text: expect.stringContaining("limit") });
    const notAnEmail = await mcp.call("find_people", { email: "not-an-email" });
    expect(notAnEmail).toMatchObject({ isError: true, text: expect.stringContaining("email") });
    const missing = await mcp.call("delete_message", {});
    expect(missing).toMatchObject({ isError: true, text: expect.stringContaining("messageId") });
  });

  it("says which arguments go together, before anything is sent", async () => {
    const before = emu.requests.length;
    const neither = await mcp.call("send_message", { text: "to whom?" });
    expect(neither).toMatchObject({ isError: true, text: expect.stringContaining("give one of roomId, personEmail") });
    const both = await mcp.call("send_message", { roomId: "r", personEmail: "ada@example.com", text: "hi" });
    expect(both.text).toContain("give only one of roomId, personEmail");
    const empty = await mcp.call("send_message", { roomId: "r" });
    expect(empty.text).toContain("give text, markdown or fileUrl");
    const badCursor = await mcp.call("read_messages", { cursor: "not-a-cursor" });
    expect(badCursor.text).toContain("cursor is not one that read_messages gave");
    const forged = Buffer.from(
      JSON.stringify({ tool: "list_rooms", page: "https://elsewhere.example/rooms?x", skip: 0 }),
    );
    const elsewhere = await mcp.call("list_rooms", { cursor: forged.toString("base64url") });
    expect(elsewhere).toMatchObject({
      isError: true,
      text: expect.stringContaining("cursor does not name a page of rooms"),
    });
    expect(emu.requests.length).toBe(before);
  });
});

describe("API errors become results the model can act on", () => {
  it("a 404 room says there is no such room and which tool finds ids", async () => {
    const result = await mcp.call("read_messages", { roomId: "Y2lzY29zcGFyazovL3VzL1JPT00vbm9uZQ" });
    expect(result.isError).toBe(true);
    expect(result.text).toMatch(/^No such room/);
    expect(result.text).toContain("list_rooms");
    const message = await mcp.call("delete_message", { messageId: "Y2lzY29zcGFyazovL3VzL01FU1NBR0Uvbm9uZQ" });
    expect(message.text).toMatch(/^No such message.*read_messages/);
  });

  it("a 403 says the user is not allowed and why that may be", async () => {
    const admin = webexAs(emu, emu.tokens.admin);
    const room = await admin.rooms.create({ title: "locked", isLocked: true });
    await admin.memberships.create({ roomId: room.id, personId: emu.people.user.id });
    await admin.memberships.create({ roomId: room.id, personId: ada.person.id });
    await admin.close();
    const result = await mcp.call("remove_member", { roomId: room.id, personEmail: "ada@example.com" });
    expect(result.isError).toBe(true);
    expect(result.text).toContain("does not allow this for the signed-in user");
    expect(result.text).toContain("moderator");
  });

  it("a 429 is waited out as core does, and the call succeeds", async () => {
    emu.faults.next(1, { status: 429, retryAfter: 1 });
    const result = await mcp.call("whoami");
    expect(result).toMatchObject({ isError: false, structured: { id: emu.people.user.id } });
  });

  it("a 429 asking for longer than the tool may take fails at once, saying when to try again", async () => {
    emu.faults.next(1, { status: 429, retryAfter: 600 });
    const result = await mcp.call("whoami");
    expect(result.isError).toBe(true);
    expect(result.text).toContain("rate limiting");
    expect(result.text).toContain("600 s");
  });

  it("a 5xx that outlasts the retries says to try later", async () => {
    emu.faults.route("GET", "people/me", { status: 503 });
    const result = await mcp.call("whoami");
    expect(result).toMatchObject({ isError: true, text: expect.stringContaining("server error (503") });
  });

  it("a 401 says the token must be replaced, and never shows it", async () => {
    const wrong = await spawnStdio(emu.url, "not-a-valid-token-0123456789");
    try {
      const result = await wrong.call("whoami");
      expect(result.isError).toBe(true);
      expect(result.text).toContain("rejected the access token");
      expect(result.text).not.toContain("not-a-valid-token-0123456789");
    } finally {
      await wrong.close();
    }
  });

  it("the server keeps serving after every failure above, and no answer shows the token", async () => {
    const results = [await mcp.call("read_messages", { roomId: "nope" }), await mcp.call("whoami")];
    expect(results[1]?.isError).toBe(false);
    for (const result of results) expect(JSON.stringify(result)).not.toContain(emu.tokens.user);
  });
});

describe("timeouts", () => {
  it("a tool whose Webex call does not answer ends at the tool timeout with a result, and the server goes on", async () => {
    const quick = await spawnStdio(emu.url, emu.tokens.user, ["--tool-timeout-ms", "1500"]);
    try {
      emu.faults.route("GET", "people/me", { delayMs: 60_000 }, { times: 1 });
      const stalled = await quick.call("whoami");
      expect(stalled.isError).toBe(true);
      expect(stalled.text).toContain("did not answer in time");
      const next = await quick.call("list_rooms", { limit: 1 });
      expect(next.isError).toBe(false);
    } finally {
      await quick.close();
    }
  });
});

describe("the command line", () => {
  const run = (args: string[], env: Record<string, string> = {}) =>
    spawnSync(process.execPath, [CLI, ...args], {
      env: { PATH: process.env.PATH ?? "", WEBEX_BASE_URL: emu.url, ...env },
      input: "",
      encoding: "utf8",
      timeout: 60_000,
    });

  it("refuses to start without a token, saying which variable to set", () => {
    const result = run([]);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain("WEBEX_ACCESS_TOKEN");
  });

  it("refuses an unknown toolset or flag, listing what exists", () => {
    const toolset = run(["--toolsets", "rooms,chat"], { WEBEX_ACCESS_TOKEN: "t" });
    expect(toolset.status).toBe(2);
    expect(toolset.stderr).toContain(
      'unknown toolset "chat"; the toolsets are: context, rooms, people, messages, memberships, meetings, all',
    );
    const flag = run(["--write-everything"], { WEBEX_ACCESS_TOKEN: "t" });
    expect(flag.status).toBe(2);
    expect(flag.stderr).toContain("--write-everything");
    expect(flag.stderr).toContain("Usage: wx-mcp");
  });
});
