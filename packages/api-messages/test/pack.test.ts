import { beforeAll, expect, it } from "vitest";
import { useEmulator } from "../../../testing/emulator-fixture.js";
import { PACK_TEST_TIMEOUT_MS, packAndInstall } from "../../../testing/pack-install.js";
import { MessagesApi } from "../src/index.js";

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

const { emu, session } = await useEmulator({ reset: false });
let roomId: string;

beforeAll(async () => {
  roomId = (await session.request<{ id: string }>({ method: "POST", path: "rooms", json: { title: "Pack" } })).id;
});

it("the packed tarballs install with npm and work from ESM and CJS", { timeout: PACK_TEST_TIMEOUT_MS }, async () => {
  const app = await packAndInstall(["core", "models", "cards", "api-messages"]);
  const env = { ...process.env, WX_TOKEN: emu.tokens.user, WX_URL: emu.url, WX_ROOM: roomId };
  expect(JSON.parse(await app.runScript("check.mjs", ESM_SCRIPT, env))).toEqual({ text: "from esm" });
  expect(JSON.parse(await app.runScript("check.cjs", CJS_SCRIPT, env))).toEqual({ text: "from cjs" });

  const texts = (await new MessagesApi(session).list({ roomId }).toArray()).map((m) => m.text);
  expect(texts).toEqual(["from cjs", "from esm"]);

  const { kilobytes, packages } = await app.footprint();
  console.log(
    `installed @wx/api-messages from tarballs: node_modules ${kilobytes} KB, ${packages.length} packages (${packages.join(", ")})`,
  );
  expect(packages.filter((name) => !name.startsWith("@wx/"))).toEqual(["undici"]);
});
