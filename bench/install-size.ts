// Installed size and package count of @wx/sdk (packed from this repo) beside the official `webex` npm package,
// both installed with npm into empty folders. Needs the registry; takes a few minutes for `webex`.
// Run: pnpm bench:install-size
import { execFile } from "node:child_process";
import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { packAndInstall, publicPackageDirs } from "../testing/pack-install.js";

const run = promisify(execFile);

async function installFromRegistry(name: string) {
  const dir = await mkdtemp(join(tmpdir(), "wx-official-"));
  await writeFile(join(dir, "package.json"), JSON.stringify({ name: "official-check", private: true }));
  await run("npm", ["install", "--no-audit", "--no-fund", name], { cwd: dir, maxBuffer: 64 * 1024 * 1024 });
  const kilobytes = Number((await run("du", ["-sk", "node_modules"], { cwd: dir })).stdout.split("\t")[0]);
  const listed = (
    await run("npm", ["ls", "--all", "--parseable"], { cwd: dir, maxBuffer: 64 * 1024 * 1024 }).catch((e) => e)
  ).stdout
    .trim()
    .split("\n");
  return { kilobytes, packages: listed.length - 1 };
}

const ours = await (await packAndInstall(await publicPackageDirs())).footprint();
const official = await installFromRegistry("webex");
const mb = (kb: number) => (kb / 1024).toFixed(1);
console.log("npm install into an empty folder          node_modules      packages");
console.log(
  `@wx/sdk (this repo, packed)                ${mb(ours.kilobytes).padStart(8)} MB  ${String(ours.packages.length).padStart(10)}`,
);
console.log(
  `webex (official, from the registry)        ${mb(official.kilobytes).padStart(8)} MB  ${String(official.packages).padStart(10)}`,
);
console.log(
  `ratio                                      ${(official.kilobytes / ours.kilobytes).toFixed(0).padStart(7)}x  ${(official.packages / ours.packages.length).toFixed(0).padStart(9)}x`,
);
