import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdir, mkdtemp, rm, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { json, startTestServer, type TestServer } from "../../../testing/test-server.js";

// Bun and Deno from their npm platform packages (linux x64); elsewhere these tests report themselves skipped.
const here = fileURLToPath(new URL("..", import.meta.url));
const runtimes = [
  { name: "Bun", binary: join(here, "node_modules/@oven/bun-linux-x64/bin/bun"), args: ["run"] },
  { name: "Deno", binary: join(here, "node_modules/@deno/linux-x64-glibc/deno"), args: ["run", "-A"] },
];

const SCRIPT = `
import { isRateLimitError, Session } from "@wx/core";
const session = new Session({ waitOnRateLimit: false });
const me = await session.request({ path: "people/me" });
const items = await session.paginate("items").toArray();
const limited = await session.request({ path: "limited" }).catch((error) => isRateLimitError(error) && error.retryAfter);
await session.close();
console.log(JSON.stringify({ me, items, limited }));
`;

let server: TestServer;
let dir: string;
beforeAll(async () => {
  server = await startTestServer((req, res) => {
    if (req.url.startsWith("/v1/limited")) return json(res, 429, { message: "slow" }, { "retry-after": "7" });
    if (!req.url.startsWith("/v1/items")) return json(res, 200, { displayName: req.headers.authorization });
    const next: Record<string, string> = req.url.includes("cursor")
      ? {}
      : { link: `<${server.baseUrl}items?cursor=2>; rel="next"` };
    json(res, 200, { items: [req.url.includes("cursor") ? 2 : 1] }, next);
  });
  dir = await mkdtemp(join(tmpdir(), "wx-runtime-"));
  await mkdir(join(dir, "node_modules/@wx"), { recursive: true });
  await symlink(here, join(dir, "node_modules/@wx/core"), "dir");
  await writeFile(join(dir, "package.json"), JSON.stringify({ type: "module", dependencies: { "@wx/core": "*" } }));
  await writeFile(join(dir, "smoke.mjs"), SCRIPT);
});
afterAll(async () => {
  await server?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe.each(runtimes)("@wx/core under $name", ({ name, binary, args }) => {
  it.skipIf(!existsSync(binary))(
    `requests, pages and rate-limit errors work (${name}, through its fetch entry)`,
    async () => {
      const { stdout } = await promisify(execFile)(binary, [...args, "smoke.mjs"], {
        cwd: dir,
        env: {
          PATH: process.env.PATH,
          HOME: dir,
          WEBEX_ACCESS_TOKEN: "t0ken",
          WEBEX_BASE_URL: server.baseUrl,
          NO_COLOR: "1",
        },
      });
      expect(JSON.parse(stdout.trim().split("\n").pop() ?? "")).toEqual({
        me: { displayName: "Bearer t0ken" },
        items: [1, 2],
        limited: 7,
      });
    },
  );
});
