import { expect, it } from "vitest";
import { useEmulator } from "../../../testing/emulator-fixture.js";
import { PACK_TEST_TIMEOUT_MS, packAndInstall, publicPackageDirs } from "../../../testing/pack-install.js";

const ESM = `
import { WebexClient, adaptiveCard, textBlock } from "@wx/sdk";
const wx = new WebexClient({ baseUrl: process.env.WX_URL });
const room = await wx.rooms.create({ title: "from esm" });
await wx.messages.create({ roomId: room.id, text: "card", attachments: [adaptiveCard({ body: [textBlock("hi")] })] });
const count = (await wx.messages.list({ roomId: room.id }).toArray()).length;
console.log(JSON.stringify({ me: (await wx.people.me()).displayName, count }));
await wx.close();
`;
const CJS = `
const { WebexClient, ValidationError } = require("@wx/sdk");
(async () => {
  const wx = new WebexClient({ baseUrl: process.env.WX_URL });
  const refused = await wx.messages.create({ text: "no room" }).catch((e) => e instanceof ValidationError);
  console.log(JSON.stringify({ me: (await wx.people.me()).displayName, refused }));
  await wx.close();
})().catch((error) => { console.error(error); process.exit(1); });
`;

const { emu } = await useEmulator({ reset: false });

it("installs @wx/sdk from packed tarballs alone and works from ESM and CJS", {
  timeout: PACK_TEST_TIMEOUT_MS,
}, async () => {
  const app = await packAndInstall(await publicPackageDirs());
  const env = { ...process.env, WEBEX_ACCESS_TOKEN: emu.tokens.user, WX_URL: emu.url };
  const me = emu.people.user.displayName;
  expect(JSON.parse(await app.runScript("check.mjs", ESM, env))).toEqual({ me, count: 1 });
  expect(JSON.parse(await app.runScript("check.cjs", CJS, env))).toEqual({ me, refused: true });
  const { kilobytes, packages } = await app.footprint();
  const thirdParty = packages.filter((name) => !name.startsWith("@wx/"));
  console.log(
    `@wx/sdk installed: node_modules ${kilobytes} KB, ${packages.length} packages (third-party: ${thirdParty.join(", ")})`,
  );
  expect(thirdParty.sort()).toEqual(["jose", "undici"]);
});
