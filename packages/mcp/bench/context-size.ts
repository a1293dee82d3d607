// @wx/mcp's benchmark: how many bytes of the model's context `read_messages` takes for 50 messages beside the raw
// API JSON of the same page (what a one-tool-per-endpoint server hands the model), and how many Webex API calls
// each tool call makes. Over stdio with the MCP SDK's own client, against the emulator, as an assistant would run it.
// Run from the repo root: pnpm bench:mcp (bench/mcp.ts starts this file). MCP_RUNS changes the number of timed runs.
import { fileURLToPath } from "node:url";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { getDefaultEnvironment, StdioClientTransport } from "@modelcontextprotocol/sdk/client/stdio.js";
import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import { createEmulator, type Emulator } from "@wx/emulator";
import { WebexClient } from "@wx/sdk";

const MESSAGES = 50;
const RUNS = Number(process.env.MCP_RUNS ?? 5);
const CLI = fileURLToPath(new URL("../dist/cli.js", import.meta.url));
const TIMEOUT_MS = 120_000;
const LINES = [
  "Morning all, the build on main is green again after last night's fix.",
  "Can someone review the pagination change before lunch? It touches the cursor format.",
  "Reminder: the design review moves to Thursday 15:00, same room.",
  "I pushed the draft of the release notes; comments welcome, especially on the migration section.",
  "Looks good to me.",
  "Customer call notes: they want bulk export of spaces and a way to archive old threads without deleting them.",
  "Thanks!",
  "The staging certificate expires on the 14th; I have a ticket open with the platform team.",
];

const emu = await createEmulator({ port: 0, seed: 7 });
const { roomId, scratchId, messageId } = await seedRooms(emu);
const mcp = await connect(emu);
try {
  await contextSize();
  await callsPerToolCall(messageId);
  await timings();
} finally {
  await mcp.close();
  await emu.close();
}

/**
 * A room as a team has it: three people, varied lines, every fourth message a reply in the thread before it; a
 * scratch room for the tools that write, and a 1:1 conversation with Ada.
 */
async function seedRooms(emu: Emulator): Promise<{ roomId: string; scratchId: string; messageId: string }> {
  const wx = new WebexClient({ accessToken: emu.tokens.user, baseUrl: emu.url });
  const ada = emu.addPerson({ displayName: "Ada Lovelace", email: "ada@example.com" });
  const grace = emu.addPerson({ displayName: "Grace Hopper", email: "grace@example.com" });
  const room = await wx.rooms.create({ title: "Platform team" });
  for (const person of [ada, grace]) await wx.memberships.create({ roomId: room.id, personId: person.person.id });
  const tokens = [emu.tokens.user, ada.token, grace.token];
  let parentId: string | undefined;
  for (let i = 0; i < MESSAGES; i++) {
    const reply = i % 4 === 3 && parentId !== undefined;
    const sent = await emu.act(tokens[i % 3] as string).postMessage({
      roomId: room.id,
      markdown: `${LINES[i % LINES.length]}${i % 10 === 0 ? " **(action needed)**" : ""}`,
      parentId: reply ? parentId : undefined,
    });
    if (!reply) parentId = String(sent.id);
  }
  const scratch = await wx.rooms.create({ title: "Scratch" });
  const mine = await wx.messages.create({ roomId: scratch.id, text: "to be edited and deleted" });
  await emu.act(ada.token).postMessage({ toPersonEmail: emu.people.user.emails[0], text: "got a minute?" });
  await wx.close();
  return { roomId: room.id, scratchId: scratch.id, messageId: mine.id };
}

async function connect(
  emu: Emulator,
): Promise<{ call(name: string, args: Record<string, unknown>): Promise<CallToolResult>; close(): Promise<void> }> {
  const client = new Client({ name: "wx-mcp-bench", version: "1.0.0" });
  const transport = new StdioClientTransport({
    command: process.execPath,
    args: [CLI],
    env: { ...getDefaultEnvironment(), WEBEX_ACCESS_TOKEN: emu.tokens.user, WEBEX_BASE_URL: emu.url },
  });
  await client.connect(transport, { timeout: TIMEOUT_MS });
  return {
    call: async (name, args) => {
      const result = (await client.callTool({ name, arguments: args }, undefined, {
        timeout: TIMEOUT_MS,
      })) as CallToolResult;
      if (result.isError) throw new Error(`${name} failed: ${JSON.stringify(result.content)}`);
      return result;
    },
    close: () => client.close(),
  };
}

async function contextSize(): Promise<void> {
  const raw = await rawPage();
  const result = await mcp.call("read_messages", { roomId, limit: MESSAGES });
  const text = result.content.map((part) => (part.type === "text" ? part.text : "")).join("");
  const structured = JSON.stringify(result.structuredContent);
  const shown = (result.structuredContent as { messages: { replies?: unknown[] }[] }).messages;
  const count = shown.length + shown.reduce((sum, message) => sum + (message.replies?.length ?? 0), 0);
  console.log(`read_messages, ${count} messages (${MESSAGES} in the raw page), bytes of the model's context:`);
  const rows: [string, number][] = [
    ["raw API JSON (GET /messages?max=50), compact", bytes(raw)],
    ["raw API JSON, pretty-printed (as many servers return it)", bytes(JSON.stringify(JSON.parse(raw), null, 2))],
    ["read_messages text rendering", bytes(text)],
    ["read_messages structured content", bytes(structured)],
    ["read_messages whole result (text + structured)", bytes(JSON.stringify(result))],
  ];
  for (const [label, size] of rows) {
    console.log(`  ${label.padEnd(58)}${String(size).padStart(8)}  ${(size / bytes(raw)).toFixed(2)}x raw`);
  }
}

async function rawPage(): Promise<string> {
  const url = new URL("messages", emu.url);
  url.search = new URLSearchParams({ roomId, max: String(MESSAGES) }).toString();
  const response = await fetch(url, {
    headers: { authorization: `Bearer ${emu.tokens.user}` },
    signal: AbortSignal.timeout(TIMEOUT_MS),
  });
  if (!response.ok) throw new Error(`raw page: ${response.status}`);
  return response.text();
}

/** Webex API requests per tool call, counted at the emulator. */
async function callsPerToolCall(messageId: string): Promise<void> {
  const cases: [string, Record<string, unknown>][] = [
    ["whoami", {}],
    ["list_rooms", { limit: 20 }],
    ["list_rooms", { titleContains: "platform" }],
    ["find_people", { name: "Ada" }],
    ["read_messages", { roomId, limit: MESSAGES }],
    ["read_messages", { personEmail: "ada@example.com" }],
    ["send_message", { roomId: scratchId, text: "bench" }],
    ["edit_message", { messageId, text: "edited" }],
    ["edit_message", { messageId, roomId: scratchId, text: "edited again" }],
    [
      "send_card",
      { roomId, card: { type: "AdaptiveCard", version: "1.3", body: [{ type: "TextBlock", text: "hi" }] } },
    ],
    ["list_members", { roomId: scratchId }],
    ["add_member", { roomId: scratchId, personEmail: "new.person@example.com" }],
    ["remove_member", { roomId: scratchId, personEmail: "new.person@example.com" }],
    ["delete_message", { messageId }],
  ];
  console.log("\nWebex API calls per tool call:");
  for (const [name, args] of cases) {
    const before = emu.requests.length;
    await mcp.call(name, args);
    const made = emu.requests
      .slice(before)
      .map((request) => `${request.method} ${request.path.replace(/^\/v1\//, "").replace(/\/[^/]{40,}/, "/{id}")}`);
    const shown = Object.keys(args).join(", ") || "no arguments";
    console.log(`  ${`${name} (${shown})`.padEnd(52)}${String(made.length).padStart(3)}  ${made.join(", ")}`);
  }
}

async function timings(): Promise<void> {
  const mcpMs: number[] = [];
  const rawMs: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    mcpMs.push(await timeMs(() => mcp.call("read_messages", { roomId, limit: MESSAGES })));
    rawMs.push(await timeMs(rawPage));
  }
  console.log(`\nms per read of ${MESSAGES} messages, median of ${RUNS} runs (runs):`);
  console.log(
    `  ${"read_messages over stdio (2 API calls)".padEnd(58)}${median(mcpMs).toFixed(1).padStart(8)}  ${mcpMs.map((v) => v.toFixed(1)).join(" / ")}`,
  );
  console.log(
    `  ${"raw GET /messages (1 API call, no names)".padEnd(58)}${median(rawMs).toFixed(1).padStart(8)}  ${rawMs.map((v) => v.toFixed(1)).join(" / ")}`,
  );
}

function bytes(text: string): number {
  return Buffer.byteLength(text);
}

async function timeMs(fn: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await fn();
  return performance.now() - started;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}
