import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { expect, it } from "vitest";
import { useEmulator } from "../../../testing/emulator-fixture.js";
import { PACK_TEST_TIMEOUT_MS, packAndInstall } from "../../../testing/pack-install.js";

// A bot as a user writes one, with the packages installed from tarballs by npm: @wx/bot beside @wx/sdk.
const BOT = (imports: string) => `
${imports}
const bot = new Bot({ client: { accessToken: process.env.BOT_TOKEN, baseUrl: process.env.WX_URL }, secret: "s", logger: {} });
let heard;
bot.hears("hello", async (ctx) => {
  heard = ctx.text;
  await ctx.reply("hi");
});
const { port } = await bot.start({ port: 0, host: "127.0.0.1" });
const user = new WebexClient({ accessToken: process.env.USER_TOKEN, baseUrl: process.env.WX_URL });
const message = await user.messages.create({ toPersonId: process.env.BOT_ID, text: "hello bot" });
const body = JSON.stringify({
  id: "webhook", name: "n", targetUrl: "t", resource: "messages", event: "created", orgId: "o", createdBy: "c",
  appId: "a", ownedBy: "creator", status: "active", created: message.created, actorId: message.personId,
  data: { id: message.id, roomId: message.roomId, roomType: "direct", personId: message.personId, personEmail: message.personEmail },
});
const response = await fetch("http://127.0.0.1:" + port + "/", {
  method: "POST",
  body,
  headers: { "content-type": "application/json", "x-spark-signature": sign(body, "s") },
});
await bot.idle();
const replies = (await user.messages.list({ roomId: message.roomId, parentId: message.id }).toArray()).length;
console.log(JSON.stringify({ status: response.status, heard, replies }));
await bot.stop();
await user.close();
`;
const ESM = BOT('import { Bot } from "@wx/bot";\nimport { sign, WebexClient } from "@wx/sdk";');
const CJS = `(async () => {${BOT('const { Bot } = require("@wx/bot");\nconst { sign, WebexClient } = require("@wx/sdk");')}})().catch((error) => { console.error(error); process.exit(1); });`;

const { emu } = await useEmulator({ reset: false });

it("installs from packed tarballs beside @wx/sdk, adding no other package, and works from ESM and CJS", {
  timeout: PACK_TEST_TIMEOUT_MS,
}, async () => {
  const app = await packAndInstall(["bot", ...workspaceDependencies("bot")]);
  const env = {
    ...process.env,
    BOT_TOKEN: emu.tokens.bot,
    USER_TOKEN: emu.tokens.user,
    BOT_ID: emu.people.bot.id,
    WX_URL: emu.url,
  };
  for (const [file, source] of [
    ["bot.mjs", ESM],
    ["bot.cjs", CJS],
  ] as const) {
    expect(JSON.parse(await app.runScript(file, source, env)), file).toEqual({
      status: 200,
      heard: "hello bot",
      replies: 1,
    });
  }
  const { packages } = await app.footprint();
  const sdkTree = new Set(["@wx/sdk", ...workspaceDependencies("sdk").map((dir) => `@wx/${dir}`)]);
  expect(packages.filter((name) => name.startsWith("@wx/") && name !== "@wx/bot" && !sdkTree.has(name))).toEqual([]);
});

/** The folders under packages/ of every @wx package `dir` depends on, directly or not. */
function workspaceDependencies(dir: string, seen = new Set<string>()): string[] {
  const manifest = JSON.parse(readFileSync(join(resolve(import.meta.dirname, "../.."), dir, "package.json"), "utf8"));
  for (const name of Object.keys(manifest.dependencies ?? {})) {
    if (!name.startsWith("@wx/") || seen.has(name.slice(4))) continue;
    seen.add(name.slice(4));
    workspaceDependencies(name.slice(4), seen);
  }
  return [...seen];
}
