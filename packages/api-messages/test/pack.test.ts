import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdir, mkdtemp, readdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { Session } from "@wx/core";
import { createEmulator, type Emulator } from "@wx/emulator";
import { afterAll, beforeAll, expect, it } from "vitest";
import { MessagesApi } from "../src/index.js";

const run = promisify(execFile);
const packageDir = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const packagesDir = resolve(packageDir, "..");
const PACKED = ["core", "models", "cards", "api-messages"];

const ESM_SCRIPT = `
import { Session } from "@wx/core";
import { MessagesApi } from "@wx/api-messages";
const session = new Session({ accessToken: process.env.WX_TOKEN, baseUrl: process.env.WX_URL });
const sent = await new MessagesApi(session).create({ roomId: process.env.WX_ROOM, text: "from esm" });
console.log(JSON.stringify({ text: sent.text }));
await session.close();
`;

const CJS_SCRIPT = `
const { Session } = require("@wx/core");
const { MessagesApi } = require("@wx/api-messages");
(async () => {
  const session = new Session({ accessToken: process.env.WX_TOKEN, baseUrl: process.env.WX_URL });
  const sent = await new MessagesApi(session).create({ roomId: process.env.WX_ROOM, text: "from cjs" });
  console.log(JSON.stringify({ text: sent.text }));
  await session.close();
})().catch((error) => { console.error(error); process.exit(1); });
`;

let emu: Emulator;
let session: Session;
let workDir: string;
let roomId: string;

beforeAll(async () => {
  emu = await createEmulator({ port: 0 });
  session = new Session({ accessToken: emu.tokens.user, baseUrl: emu.url });
  roomId = (await session.request<{ id: string }>({ method: "POST", path: "rooms", json: { title: "Pack" } })).id;
  workDir = await mkdtemp(join(tmpdir(), "wx-pack-"));
});
afterAll(async () => {
  await session.close();
  await emu.close();
  await rm(workDir, { recursive: true, force: true });
});

it("the packed tarballs install with npm and work from ESM and CJS", { timeout: 180_000 }, async () => {
  if (!existsSync(join(packageDir, "dist", "index.cjs"))) {
    await run("pnpm", ["--filter", "@wx/api-messages", "build"], { cwd: packagesDir });
  }
  const tarballs = join(workDir, "tarballs");
  const app = join(workDir, "app");
  await mkdir(tarballs);
  await mkdir(app);
  for (const name of PACKED) {
    await run("pnpm", ["pack", "--pack-destination", tarballs], { cwd: join(packagesDir, name) });
  }
  const files = (await readdir(tarballs)).filter((file) => file.endsWith(".tgz"));
  expect(files).toHaveLength(PACKED.length);

  await writeFile(join(app, "package.json"), JSON.stringify({ name: "wx-pack-check", private: true }));
  await run("npm", ["install", "--no-audit", "--no-fund", ...files.map((file) => join(tarballs, file))], {
    cwd: app,
  });
  await writeFile(join(app, "check.mjs"), ESM_SCRIPT);
  await writeFile(join(app, "check.cjs"), CJS_SCRIPT);

  const env = { ...process.env, WX_TOKEN: emu.tokens.user, WX_URL: emu.url, WX_ROOM: roomId };
  const esm = await run("node", ["check.mjs"], { cwd: app, env });
  const cjs = await run("node", ["check.cjs"], { cwd: app, env });
  expect(JSON.parse(esm.stdout)).toEqual({ text: "from esm" });
  expect(JSON.parse(cjs.stdout)).toEqual({ text: "from cjs" });

  const texts = (await new MessagesApi(session).list({ roomId }).toArray()).map((m) => m.text);
  expect(texts).toEqual(["from cjs", "from esm"]);

  const size = (await run("du", ["-sk", "node_modules"], { cwd: app })).stdout.split("\t")[0];
  const installed = (await run("npm", ["ls", "--all", "--parseable"], { cwd: app })).stdout.trim().split("\n");
  const dependencies = installed.slice(1).map((path) => path.slice(path.indexOf("node_modules/") + 13));
  console.log(
    `installed @wx/api-messages from tarballs: node_modules ${size} KB, ${dependencies.length} packages (${dependencies.join(", ")})`,
  );
});
