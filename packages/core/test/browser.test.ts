import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AppConfig, AppReport } from "../../../testing/browser-app/report.js";
import { type AppBundle, bundleMessagesApp, bytesByPackage } from "../../../testing/browser-bundle.js";
import { chromiumPath, launchChromium } from "../../../testing/chromium.js";
import { startTestServer, type TestServer } from "../../../testing/test-server.js";
// From source: @wx/core does not depend on the emulator, so its build may not be there yet.
import { createEmulator, type Emulator } from "../../emulator/src/index.js";

/** What a bundle must not pull in: Node built-ins (esbuild would fail on them) and undici. */
function expectFetchOnly(bundle: AppBundle) {
  const inputs = Object.keys(bundle.metafile.inputs);
  expect(inputs.filter((path) => /node_modules\/undici\/|^node:/.test(path))).toEqual([]);
  expect(inputs.some((path) => path.endsWith("packages/core/dist/index.fetch.js"))).toBe(true);
  expect(bytesByPackage(bundle.metafile).has("undici")).toBe(false);
}

describe("@wx/core + @wx/api-messages bundled by esbuild", () => {
  it("builds for the browser (conditions browser) from the fetch entry, without undici or Node built-ins", async () => {
    expectFetchOnly(await bundleMessagesApp({ platform: "browser", conditions: ["browser"], fromSource: true }));
  });

  it("builds for a web worker / edge runtime (platform neutral, conditions worker) the same way", async () => {
    expectFetchOnly(await bundleMessagesApp({ platform: "neutral", conditions: ["worker"], fromSource: true }));
  });
});

let emu: Emulator;
let site: TestServer;
let browser: Browser;
let report: AppReport;

describe.skipIf(!chromiumPath)("the messages app in headless Chromium, from another origin", () => {
  beforeAll(async () => {
    const bundle = await bundleMessagesApp({ platform: "browser", conditions: ["browser"], fromSource: true });
    emu = await createEmulator({ port: 0 });
    // The page's origin differs from the emulator's (another port), so every call is a real CORS request.
    site = await startTestServer((req, res) => {
      if (req.url === "/app.js") return res.writeHead(200, { "content-type": "text/javascript" }).end(bundle.code);
      res.writeHead(200, { "content-type": "text/html" }).end('<!doctype html><script src="/app.js"></script>');
    });
    browser = await launchChromium();
    const page = await browser.newPage();
    const pageErrors: string[] = [];
    page.on("pageerror", (error) => pageErrors.push(error.message));
    await page.goto(`${site.origin}/`);
    emu.faults.route("GET", "people/me", { status: 429, retryAfter: 3 }, { times: 2 });
    const config: AppConfig = { baseUrl: emu.url, accessToken: emu.tokens.user };
    report = await page.evaluate(
      (given) => (globalThis as unknown as { wxApp: { run(c: AppConfig): Promise<AppReport> } }).wxApp.run(given),
      config,
    );
    expect(pageErrors).toEqual([]);
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await site?.close();
    await emu?.close();
  });

  it("creates a room and posts messages, then lists them newest first following Link across pages", () => {
    expect(report.posted).toHaveLength(3);
    expect(report.listed).toEqual([...report.posted].reverse());
    expect(report.listPages).toBeGreaterThanOrEqual(3);
  });

  it("uploads a Blob as multipart, and the emulator keeps its bytes", async () => {
    expect(report.uploadedFiles).toHaveLength(1);
    const file = await fetch(report.uploadedFiles[0] as string, {
      headers: { authorization: `Bearer ${emu.tokens.user}` },
    });
    expect(await file.text()).toBe("hello from the browser");
  });

  it("reads Retry-After across origins: a RateLimitError with it, or a wait of it before the retry", () => {
    expect(report.rateLimitError).toEqual({ code: "rate_limited", retryAfter: 3 });
    expect(report.rateLimitWaitsMs).toEqual([3000]);
  });

  it("gives errors a code, and refuses a local path before sending", () => {
    expect(report.notFoundCode).toBe("not_found");
    expect(report.pathUpload?.code).toBe("validation");
    expect(report.pathUpload?.message).toMatch(/Node entry/);
    const posts = emu.requests.filter((r) => r.method === "POST" && r.path === "/v1/messages");
    expect(posts).toHaveLength(4);
  });
});
