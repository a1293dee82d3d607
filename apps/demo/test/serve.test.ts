import { execFileSync } from "node:child_process";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createEmulator, type Emulator } from "@wx/emulator";
import { chromium } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { runScenario, type ScenarioResult } from "../src/scenario.js";
import { serveUi } from "../src/serve.js";
import { openTarget, type Target } from "../src/target.js";

const executablePath =
  process.env.CHROMIUM_PATH ||
  (() => {
    try {
      return execFileSync("sh", ["-c", "command -v chromium"], { encoding: "utf8" }).trim();
    } catch {
      return "";
    }
  })();

let emu: Emulator;
let target: Target;
let result: ScenarioResult;
let ui: { url: string; close(): Promise<void> };

beforeAll(async () => {
  emu = await createEmulator({ port: 0 });
  target = await openTarget({ emulator: emu });
  result = await runScenario(target, {
    historySize: 10,
    exportFile: join(tmpdir(), `wx-demo-serve-${process.pid}.jsonl`),
    voteTimeoutMs: 10_000,
    log: () => {},
  });
  ui = await serveUi(target.wx, 0);
}, 60_000);
afterAll(async () => {
  await ui?.close();
  await target?.close();
  await emu?.close();
});

it.skipIf(!executablePath)(
  "--serve shows the room with the poll card rendered by the adaptivecards renderer (headless Chromium)",
  async () => {
    const browser = await chromium.launch({
      executablePath,
      headless: true,
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-quic",
      ],
    });
    try {
      const page = await browser.newPage();
      await page.goto(ui.url);
      await page.waitForSelector("body[data-ready=true]", { timeout: 20_000 });
      expect(await page.getAttribute("body", "data-error")).toBeNull();
      const room = page.locator("section.room", { hasText: result.room.title });
      await expect(room.locator("h2").textContent()).resolves.toBe(result.room.title);
      const card = room.locator(".ac-adaptiveCard").first();
      await expect(card.textContent()).resolves.toContain("Where do we go for lunch?");
      const choices = await room.locator(".ac-adaptiveCard input[type=radio]").count();
      expect(choices).toBe(3);
      await expect(room.locator(".ac-pushButton", { hasText: "Vote" }).count()).resolves.toBe(1);
      await expect(room.locator(".reply .ac-adaptiveCard").textContent()).resolves.toContain("Tacos: ██ 2 of 4");
    } finally {
      await browser.close();
    }
  },
  60_000,
);
