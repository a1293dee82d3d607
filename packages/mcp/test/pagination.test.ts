import { createEmulator } from "@wx/emulator";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Spawned, spawnStdio, webexAs } from "./mcp-fixture.js";

const emu = await createEmulator({ port: 0 });
const wx = webexAs(emu, emu.tokens.user);
let mcp: Spawned;

beforeAll(async () => {
  mcp = await spawnStdio(emu.url, emu.tokens.user);
});
afterAll(async () => {
  await mcp.close();
  await wx.close();
  await emu.close();
});

interface Page {
  messages: { id: string; text: string }[];
  cursor?: string;
}

describe("read_messages pagination", () => {
  it("walks a room of 2 000 messages with cursors, newest page first, each message once, and ends", async () => {
    const room = await wx.rooms.create({ title: "big room" });
    emu.seedMessages({ roomId: room.id, count: 2000, personId: emu.people.user.id, text: (i) => `message ${i}` });
    const pages: Page[] = [];
    let cursor: string | undefined;
    for (let call = 0; call < 50; call++) {
      const args = cursor ? { cursor, limit: 100 } : { roomId: room.id, limit: 100 };
      const result = await mcp.call("read_messages", args);
      expect(result.isError).toBe(false);
      const page = result.structured as unknown as Page;
      pages.push(page);
      cursor = page.cursor;
      if (!cursor) break;
    }
    expect(pages).toHaveLength(20);
    expect(pages.every((page) => page.messages.length === 100)).toBe(true);
    // each page is oldest first; the pages go back in time
    const texts = [...pages].reverse().flatMap((page) => page.messages.map((message) => message.text));
    expect(texts).toEqual(Array.from({ length: 2000 }, (_, i) => `message ${i}`));
    expect(new Set(pages.flatMap((page) => page.messages.map((message) => message.id))).size).toBe(2000);
  });

  it("messages arriving between calls do not shift or repeat what the cursor reads next", async () => {
    const room = await wx.rooms.create({ title: "busy room" });
    emu.seedMessages({ roomId: room.id, count: 30, personId: emu.people.user.id, text: (i) => `old ${i}` });
    const first = (await mcp.call("read_messages", { roomId: room.id, limit: 10 })).structured as unknown as Page;
    await wx.messages.create({ roomId: room.id, text: "new while reading" });
    const second = (await mcp.call("read_messages", { cursor: first.cursor, limit: 10 })).structured as unknown as Page;
    expect(second.messages.map((message) => message.text)).toEqual(
      Array.from({ length: 10 }, (_, i) => `old ${10 + i}`),
    );
  });

  it("caps one answer's size and hands out a cursor for the rest, so nothing is lost", async () => {
    const room = await wx.rooms.create({ title: "long messages" });
    const long = "x".repeat(7000);
    emu.seedMessages({ roomId: room.id, count: 12, personId: emu.people.user.id, text: (i) => `${i} ${long}` });
    const first = await mcp.call("read_messages", { roomId: room.id, limit: 12 });
    const page = first.structured as unknown as Page;
    expect(page.messages.length).toBeLessThan(12);
    expect(page.messages.length).toBeGreaterThan(0);
    expect(Buffer.byteLength(JSON.stringify(first.structured))).toBeLessThan(24_000 + 8_000);
    let seen = page.messages.length;
    let cursor = page.cursor;
    for (let call = 0; cursor && call < 20; call++) {
      const next = (await mcp.call("read_messages", { cursor, limit: 12 })).structured as unknown as Page;
      seen += next.messages.length;
      cursor = next.cursor;
    }
    expect(seen).toBe(12);
  });

  it("refuses a cursor given with filters of its own", async () => {
    const room = await wx.rooms.create({ title: "cursor and filters" });
    emu.seedMessages({ roomId: room.id, count: 3, personId: emu.people.user.id });
    const first = (await mcp.call("read_messages", { roomId: room.id, limit: 1 })).structured as unknown as Page;
    const mixed = await mcp.call("read_messages", { cursor: first.cursor, roomId: room.id });
    expect(mixed).toMatchObject({ isError: true, text: expect.stringContaining("a cursor carries its own room") });
  });
});
