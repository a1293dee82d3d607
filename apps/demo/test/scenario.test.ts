import { readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createEmulator, type Emulator } from "@wx/emulator";
import { verifySignature } from "@wx/webhooks";
import { afterAll, beforeAll, expect, it } from "vitest";
import { runScenario, type ScenarioResult } from "../src/scenario.js";
import { openTarget, type Target } from "../src/target.js";

let emu: Emulator;
let target: Target;
let result: ScenarioResult;
const exportFile = join(tmpdir(), `wx-demo-test-${process.pid}.jsonl`);

beforeAll(async () => {
  emu = await createEmulator({ port: 0 });
  target = await openTarget({ emulator: emu });
  result = await runScenario(target, { historySize: 2500, exportFile, voteTimeoutMs: 10_000, log: () => {} });
}, 60_000);
afterAll(async () => {
  await target.close();
  await emu.close();
});

it("counts every simulated vote, fetched through the attachment actions", () => {
  expect([...result.tally.values()].reduce((a, b) => a + b, 0)).toBe(4);
  expect(result.tally.get("Tacos")).toBe(2);
});

it("replies with the results card in the poll's thread", async () => {
  const results = await target.wx.messages.get(result.results.id);
  expect(results.parentId).toBe(result.poll.id);
  expect(results.attachments?.[0]?.contentType).toBe("application/vnd.microsoft.card.adaptive");
  expect(results.text).toContain("Tacos 2");
});

it("posts the intro with a mention and the menu file", async () => {
  const messages = await target.wx.messages.list({ roomId: result.room.id, max: 10 }).first(5);
  const intro = messages.find((m) => m.text?.includes(":intro]"));
  expect(intro?.mentionedPeople).toHaveLength(1);
  expect(intro?.files).toHaveLength(1);
});

it("received signed webhook deliveries that verify against the secret, and only against it", () => {
  const deliveries = emu.deliveries.filter((d) => d.body.includes(result.room.id));
  expect(deliveries).toHaveLength(4); // the bot registers only what its handlers need: card submissions
  expect(result.webhookEvents).toBe(deliveries.length);
  for (const d of deliveries) {
    const signature = d.headers["x-spark-signature"] ?? d.headers["X-Spark-Signature"];
    expect(d.status).toBe(200);
    expect(verifySignature(d.body, signature, result.webhookSecret)).toBe(true);
    expect(verifySignature(d.body, signature, "wrong-secret")).toBe(false);
  }
});

it("exports the whole history, newest first, one JSON message per line", async () => {
  const lines = (await readFile(exportFile, "utf8")).trim().split("\n");
  expect(result.exported).toBe(2500 + result.posted.size);
  expect(lines).toHaveLength(result.exported);
  const first = JSON.parse(lines[0] ?? "{}");
  const last = JSON.parse(lines.at(-1) ?? "{}");
  expect(first.id).toBe(result.results.id);
  expect(Date.parse(first.created)).toBeGreaterThanOrEqual(Date.parse(last.created));
});

it("cleans up its webhooks", async () => {
  expect(await target.wx.webhooks.list().toArray()).toEqual([]);
});
