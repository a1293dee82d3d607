import { tmpdir } from "node:os";
import { join } from "node:path";
import { createEmulator, type Emulator } from "@wx/emulator";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chromiumPath, launchChromium } from "../../../testing/chromium.js";
import { runScenario, type ScenarioResult } from "../src/scenario.js";
import { serveUi } from "../src/serve.js";
import { openTarget, type Target } from "../src/target.js";

const HISTORY = 120; // more than two pages of 50, so "show older" has to fetch
const VIEWPORT = { width: 1280, height: 720 };
const INJECTION = '<script>window.injected = 1</script> <img src="x" onerror="window.injected = 2">';
const FORMATTED = "Try *this*, `npm test` and [the docs](https://developer.webex.com/docs)\n- first\n- second";

let emu: Emulator;
let target: Target;
let result: ScenarioResult;
let ui: { url: string; close(): Promise<void> };
let browser: Browser;
let page: Page;

describe.skipIf(!chromiumPath)("the --serve page in headless Chromium", () => {
  beforeAll(async () => {
    emu = await createEmulator({ port: 0 });
    target = await openTarget({ emulator: emu });
    result = await runScenario(target, {
      historySize: HISTORY,
      exportFile: join(tmpdir(), `wx-demo-serve-${process.pid}.jsonl`),
      voteTimeoutMs: 10_000,
      log: () => {},
    });
    await target.wx.messages.create({ roomId: result.room.id, markdown: FORMATTED });
    await target.wx.messages.create({ roomId: result.room.id, markdown: INJECTION });
    ui = await serveUi(target.wx, { historyBefore: result.intro, accessToken: target.accessToken });
    browser = await launchChromium();
    page = await browser.newPage({ viewport: VIEWPORT });
    await page.goto(ui.url);
    await page.waitForSelector("body[data-ready=true]", { timeout: 30_000 });
  }, 90_000);
  afterAll(async () => {
    await browser?.close();
    await ui?.close();
    await target?.close();
    await emu?.close();
  });

  const topLevel = () => page.locator("#messages > article.message");
  const pollMessage = () => topLevel().filter({ has: page.locator("input[type=radio]") });
  /** The button is disabled while its click fetches a page; this waits for that to end. */
  const showOlder = async () => {
    await page.getByRole("button", { name: "Show older messages" }).click();
    await page.waitForSelector("#show-older:not([disabled])", { state: "attached", timeout: 30_000 });
  };

  it("opens the room the demo ran in, with no error", async () => {
    expect(await page.getAttribute("body", "data-error")).toBeNull();
    await expect(page.locator("#room-title").textContent()).resolves.toBe(result.room.title);
    await expect(page.locator("nav button[aria-current=true]").textContent()).resolves.toBe(result.room.title);
  });

  it("shows the poll card, rendered by the adaptivecards renderer, in the first viewport", async () => {
    const card = pollMessage().locator(":scope > .ac-adaptiveCard");
    await expect(card.textContent()).resolves.toContain("Where do we go for lunch?");
    await expect(card.locator("input[type=radio]").count()).resolves.toBe(3);
    await expect(card.locator(".ac-pushButton", { hasText: "Vote" }).count()).resolves.toBe(1);
    const box = await card.boundingBox();
    expect(box).not.toBeNull();
    expect(box?.y).toBeGreaterThanOrEqual(0);
    expect((box?.y ?? 0) + (box?.height ?? 0)).toBeLessThanOrEqual(VIEWPORT.height);
  });

  it("names people instead of showing their emails", async () => {
    const me = await target.wx.people.me();
    const authors = await page.locator("#messages .author").allTextContents();
    expect(new Set(authors)).toEqual(new Set([me.displayName]));
    await expect(page.locator("#messages .mention").first().textContent()).resolves.toBe("Ada");
    // biome-ignore lint/performance/useDomNodeTextContent: the text as shown, without what is hidden
    const text = await page.locator("main").innerText();
    expect(text).not.toMatch(/[\w.-]+@[\w-]+\.[\w.]+/);
  });

  it("shows none of the run's bookkeeping: no markers, fallback texts, ids or JSON", async () => {
    // biome-ignore lint/performance/useDomNodeTextContent: the text as shown, without what is hidden
    const text = await page.locator("main").innerText();
    expect(text).not.toMatch(/\[[0-9a-f]{8}:\w+\]/); // the create-once markers
    expect(text).not.toContain("open this in a client that shows cards"); // the poll's fallback text
    expect(text).not.toContain("Results: Tacos"); // the results' fallback text
    expect(text).not.toMatch(/Y2lzY29zcGFyazovL|ciscospark:\/\//); // Webex ids
    expect(text).not.toMatch(/[{[]\s*"/); // raw JSON
  });

  it("renders markdown: bold, italic, code, links and lists", async () => {
    const intro = topLevel().filter({ hasText: "the menu is attached" });
    await expect(intro.locator(".body strong").textContent()).resolves.toBe("Lunch poll");
    const formatted = topLevel().filter({ hasText: "Try this" }).locator(".body");
    await expect(formatted.locator("em").textContent()).resolves.toBe("this");
    await expect(formatted.locator("code").textContent()).resolves.toBe("npm test");
    await expect(formatted.locator("a").getAttribute("href")).resolves.toBe("https://developer.webex.com/docs");
    await expect(formatted.locator("ul > li").allTextContents()).resolves.toEqual(["first", "second"]);
  });

  it("shows a message's HTML as text: no script runs, no element is injected", async () => {
    const body = topLevel().filter({ hasText: "window.injected" }).locator(".body");
    await expect(body.textContent()).resolves.toBe(INJECTION);
    await expect(body.locator("script, img").count()).resolves.toBe(0);
    await expect(page.locator("#messages script, #messages img").count()).resolves.toBe(0);
    await expect(page.evaluate(() => (window as { injected?: number }).injected)).resolves.toBeUndefined();
  });

  it("links the menu file by its name, and the link downloads it", async () => {
    const link = topLevel().filter({ hasText: "the menu is attached" }).locator(".files a");
    await expect(link.textContent()).resolves.toBe("lunch-menu.csv");
    const href = (await link.getAttribute("href")) ?? "";
    expect(href).toMatch(/^\/file\?url=/);
    const downloaded = await page.evaluate(async (url) => (await fetch(url)).text(), href);
    expect(downloaded).toBe("option,price\nTacos,9\nRamen,12\nSalad bar,10\n");
  });

  it("puts the results reply inside the poll's thread, not beside it", async () => {
    const replies = pollMessage().locator(".thread > article.message");
    await expect(replies.count()).resolves.toBe(1);
    await expect(replies.locator(".ac-adaptiveCard").textContent()).resolves.toContain("Tacos: ██ 2 of 4");
    await expect(topLevel().filter({ hasText: "Tacos: ██ 2 of 4" }).count()).resolves.toBe(1); // only the poll
  });

  // last: it unfolds the history
  it("keeps the seeded history folded until 'Show older messages' is clicked, then pages through it", async () => {
    const newestSeeded = topLevel().filter({ hasText: `Message ${HISTORY}` });
    const older = page.locator("#show-older");
    await expect(topLevel().count()).resolves.toBe(4); // intro, poll, and the two posted here
    await expect(newestSeeded.count()).resolves.toBe(0);

    await showOlder();
    await expect(newestSeeded.isVisible()).resolves.toBe(true);
    await expect(topLevel().count()).resolves.toBe(4 + 20);
    for (let clicks = 1; clicks < Math.ceil(HISTORY / 20); clicks++) await showOlder();
    await expect(older.isHidden()).resolves.toBe(true);
    await expect(topLevel().count()).resolves.toBe(4 + HISTORY);
    await expect(topLevel().first().locator(".body").textContent()).resolves.toBe("Message 1");
    expect(await page.getAttribute("body", "data-error")).toBeNull();
  });
});
