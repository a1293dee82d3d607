// The esbuild bundle of a messages-only browser app (testing/browser-app: create a room, post, list following
// Link, upload a Blob, handle a 429): minified and gzip bytes, and each package's share, for the browser
// (platform browser, conditions browser) and for a worker/edge runtime (platform neutral, conditions worker).
// Beside them, the baseline: the same app bundled for Node, which takes the Node entry and undici.
// Bundled from the built packages, as a user's bundler takes them. Run: pnpm bench:bundle
import { gzipSync } from "node:zlib";
import { bundleMessagesApp, bytesByPackage } from "../testing/browser-bundle.js";
import { row } from "./lib.js";

const targets = {
  "browser (conditions browser)": { platform: "browser", conditions: ["browser"] },
  "worker/edge (neutral, conditions worker)": { platform: "neutral", conditions: ["worker"] },
  "baseline: Node entry (platform node, undici)": { platform: "node", conditions: [] },
} as const;

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
console.log(row("messages-only app, esbuild --minify", ["minified", "gzip", "gzip/min"]));
const shares: string[] = [];
const sizes: Record<string, { minified: number; gzipped: number }> = {};
for (const [label, { platform, conditions }] of Object.entries(targets)) {
  const bundle = await bundleMessagesApp({ platform, conditions: [...conditions], minify: true });
  const minified = Buffer.byteLength(bundle.code);
  const gzipped = gzipSync(bundle.code, { level: 9 }).length;
  console.log(row(label, [minified, gzipped, (gzipped / minified).toFixed(2)]));
  sizes[platform] = { minified, gzipped };
  const byPackage = [...bytesByPackage(bundle.metafile)].sort((a, b) => b[1] - a[1]);
  const total = byPackage.reduce((sum, [, bytes]) => sum + bytes, 0);
  if (platform !== "node" && byPackage.some(([name]) => name === "undici")) {
    throw new Error(`${label}: the bundle contains undici`);
  }
  shares.push(
    `${label}: ${byPackage.map(([name, bytes]) => `${name} ${kb(bytes)} (${((100 * bytes) / total).toFixed(0)}%)`).join(", ")}`,
  );
}
const { browser, node } = sizes;
if (browser && node) {
  const ratio = (a: number, b: number) => (a / b).toFixed(3);
  console.log(
    row("ratio browser / Node baseline", [
      ratio(browser.minified, node.minified),
      ratio(browser.gzipped, node.gzipped),
      "",
    ]),
  );
}
console.log("\nshare of the minified bytes by package (esbuild metafile, bytes in output before gzip):");
for (const line of shares) console.log(`  ${line}`);
