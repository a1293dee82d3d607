// Test helper: packs workspace packages with pnpm and installs the tarballs with npm into an empty folder,
// the way a user would install them from the registry.
import { execFile } from "node:child_process";
import { mkdir, mkdtemp, readdir, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);
const PACKAGES_DIR = resolve(import.meta.dirname, "../packages");

/**
 * The bound on a pack-and-install test: `npm install` of tarballs takes seconds on a quiet machine and
 * several minutes at load 50, so this is an upper limit against a hang, not an expected duration.
 */
export const PACK_TEST_TIMEOUT_MS = 900_000;

export interface InstalledApp {
  dir: string;
  /** Runs a script file written into the app folder; resolves with its stdout. */
  runScript(fileName: string, source: string, env?: NodeJS.ProcessEnv): Promise<string>;
  /** Installed size of node_modules in KB and the packages in it. */
  footprint(): Promise<{ kilobytes: number; packages: string[] }>;
}

/** Packages that are not part of what @wx/sdk users install: the emulator, and those built on top of @wx/sdk. */
const NOT_UNDER_SDK = new Set(["emulator", "bot", "mcp", "redis"]);

/** Folders under packages/ of what @wx/sdk users install: the public packages except those above. */
export async function publicPackageDirs(): Promise<string[]> {
  const dirs = [];
  for (const dir of (await readdir(PACKAGES_DIR)).sort()) {
    const manifest = await readFile(join(PACKAGES_DIR, dir, "package.json"), "utf8").catch(() => undefined);
    if (manifest === undefined || NOT_UNDER_SDK.has(dir)) continue;
    if (!(JSON.parse(manifest) as { private?: boolean }).private) dirs.push(dir);
  }
  return dirs;
}

/** Packs `packageDirs` (folder names under packages/, built beforehand) and npm-installs them into a new folder. */
export async function packAndInstall(packageDirs: readonly string[]): Promise<InstalledApp> {
  const work = await mkdtemp(join(tmpdir(), "wx-pack-"));
  const tarballs = join(work, "tarballs");
  const dir = join(work, "app");
  await mkdir(tarballs);
  await mkdir(dir);
  for (const name of packageDirs) {
    await run("pnpm", ["pack", "--pack-destination", tarballs], { cwd: join(PACKAGES_DIR, name) });
  }
  const files = (await readdir(tarballs)).filter((file) => file.endsWith(".tgz")).map((file) => join(tarballs, file));
  if (files.length !== packageDirs.length) throw new Error(`packed ${files.length} of ${packageDirs.length} packages`);
  await writeFile(join(dir, "package.json"), JSON.stringify({ name: "wx-pack-check", private: true }));
  await run("npm", ["install", "--no-audit", "--no-fund", ...files], { cwd: dir });
  return {
    dir,
    async runScript(fileName, source, env = process.env) {
      await writeFile(join(dir, fileName), source);
      return (await run(process.execPath, [fileName], { cwd: dir, env })).stdout;
    },
    async footprint() {
      const kilobytes = Number((await run("du", ["-sk", "node_modules"], { cwd: dir })).stdout.split("\t")[0]);
      const listed = (await run("npm", ["ls", "--all", "--parseable"], { cwd: dir })).stdout.trim().split("\n");
      const packages = listed.slice(1).map((path) => path.slice(path.lastIndexOf("node_modules/") + 13));
      return { kilobytes, packages };
    },
  };
}
