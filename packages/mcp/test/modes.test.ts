import { createEmulator } from "@wx/emulator";
import { afterAll, describe, expect, it } from "vitest";
import { spawnStdio, webexAs } from "./mcp-fixture.js";

const emu = await createEmulator({ port: 0 });
const wx = webexAs(emu, emu.tokens.user);
afterAll(async () => {
  await wx.close();
  await emu.close();
});

async function toolNames(args: string[]): Promise<string[]> {
  const mcp = await spawnStdio(emu.url, emu.tokens.user, args);
  try {
    return (await mcp.client.listTools()).tools.map((tool) => tool.name);
  } finally {
    await mcp.close();
  }
}

describe("read-only mode", () => {
  it("serves only the tools that change nothing, each marked read-only", async () => {
    const mcp = await spawnStdio(emu.url, emu.tokens.user, ["--read-only"]);
    try {
      const { tools } = await mcp.client.listTools();
      expect(tools.map((tool) => tool.name)).toEqual([
        "whoami",
        "list_rooms",
        "find_people",
        "read_messages",
        "list_members",
        "list_meetings",
      ]);
      for (const tool of tools) expect(tool.annotations).toMatchObject({ readOnlyHint: true, destructiveHint: false });
    } finally {
      await mcp.close();
    }
  });

  it("refuses a write tool even when asked for by name, and nothing is sent", async () => {
    const room = await wx.rooms.create({ title: "read only" });
    const mcp = await spawnStdio(emu.url, emu.tokens.user, ["--read-only", "--toolsets", "messages"]);
    try {
      const before = emu.requests.length;
      const result = await mcp.call("send_message", { roomId: room.id, text: "should not arrive" });
      expect(result.isError).toBe(true);
      expect(result.text).toContain("send_message not found");
      expect(emu.requests.length).toBe(before);
      expect(await wx.messages.list({ roomId: room.id }).toArray()).toEqual([]);
    } finally {
      await mcp.close();
    }
  });
});

describe("toolsets", () => {
  it("serves only the toolsets named, and their resources", async () => {
    expect(await toolNames(["--toolsets", "context,memberships"])).toEqual([
      "whoami",
      "list_members",
      "add_member",
      "remove_member",
    ]);
    const mcp = await spawnStdio(emu.url, emu.tokens.user, ["--toolsets", "rooms"]);
    try {
      // no messages toolset: no transcript resource, so the server offers no resources at all
      await expect(mcp.client.listResourceTemplates()).rejects.toThrow(/Method not found/);
    } finally {
      await mcp.close();
    }
  });

  it("combines with read-only mode, which wins", async () => {
    expect(await toolNames(["--toolsets", "rooms,people", "--read-only"])).toEqual(["list_rooms", "find_people"]);
    expect(await toolNames(["--toolsets", "all"])).toHaveLength(14);
  });
});
