import { expect, it } from "vitest";
import { useEmulator } from "../../../testing/emulator-fixture.js";
import { PACK_TEST_TIMEOUT_MS, packAndInstall } from "../../../testing/pack-install.js";

// Schedules a meeting tomorrow, reads it back, and shows a bad argument refused before sending.
const ESM_SCRIPT = `
import { Session, ValidationError } from "@wx/core";
import { MeetingsApi } from "@wx/api-meetings";
const session = new Session({ accessToken: process.env.WX_TOKEN, baseUrl: process.env.WX_URL });
const meetings = new MeetingsApi(session);
const start = new Date(Date.now() + 24 * 3600_000);
const created = await meetings.create({ title: "from esm", start, end: new Date(start.getTime() + 3600_000) });
const read = await meetings.get(created.id);
const refused = await meetings.create({ title: "x", start, end: start }).catch((e) => e instanceof ValidationError);
console.log(JSON.stringify({ title: read.title, refused }));
await session.close();
`;

const CJS_SCRIPT = `
const { Session } = require("@wx/core");
const { MeetingsApi } = require("@wx/api-meetings");
(async () => {
  const session = new Session({ accessToken: process.env.WX_TOKEN, baseUrl: process.env.WX_URL });
  const meetings = new MeetingsApi(session);
  const start = new Date(Date.now() + 48 * 3600_000);
  const created = await meetings.create({ title: "from cjs", start, end: new Date(start.getTime() + 1800_000) });
  console.log(JSON.stringify({ title: (await meetings.get(created.id)).title }));
  await session.close();
})().catch((error) => { console.error(error); process.exit(1); });
`;

const { emu } = await useEmulator({ reset: false });
it("installs from packed tarballs with only @wx/core and @wx/models, and works from ESM and CJS", {
  timeout: PACK_TEST_TIMEOUT_MS,
}, async () => {
  const app = await packAndInstall(["core", "models", "api-meetings"]);
  const env = { ...process.env, WX_TOKEN: emu.tokens.user, WX_URL: emu.url };
  expect(JSON.parse(await app.runScript("check.mjs", ESM_SCRIPT, env))).toEqual({ title: "from esm", refused: true });
  expect(JSON.parse(await app.runScript("check.cjs", CJS_SCRIPT, env))).toEqual({ title: "from cjs" });
  const { kilobytes, packages } = await app.footprint();
  console.log(
    `installed @wx/api-meetings from tarballs: node_modules ${kilobytes} KB, ${packages.length} packages (${packages.join(", ")})`,
  );
  expect(packages.filter((name) => name.startsWith("@wx/")).sort()).toEqual([
    "@wx/api-meetings",
    "@wx/core",
    "@wx/models",
  ]);
  expect(packages.filter((name) => !name.startsWith("@wx/"))).toEqual(["undici"]);
});
