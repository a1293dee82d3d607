import { createEmulator, type Emulator } from "@wx/emulator";
import { afterAll, beforeAll, expect, it } from "vitest";
import { packAndInstall } from "../../../scripts/pack-install.js";

const PUBLIC_PACKAGES = [
  "core",
  "models",
  "cards",
  "oauth",
  "webhooks",
  "sdk",
  "api-people",
  "api-rooms",
  "api-messages",
  "api-memberships",
  "api-teams",
  "api-team-memberships",
  "api-webhooks",
  "api-attachment-actions",
  "api-events",
  "api-admin-audit-events",
  "api-licenses",
  "api-organizations",
  "api-roles",
];

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

let emu: Emulator;
beforeAll(async () => {
  emu = await createEmulator({ port: 0 });
});
afterAll(() => emu.close());

it("installs @wx/sdk from packed tarballs alone and works from ESM and CJS", { timeout: 240_000 }, async () => {
  const app = await packAndInstall(PUBLIC_PACKAGES);
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
