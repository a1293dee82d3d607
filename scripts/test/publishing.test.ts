import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = resolve(import.meta.dirname, "../..");
const REPOSITORY = "https://github.com/wx-sdk/wx";

interface Manifest {
  name: string;
  private?: boolean;
  license?: string;
  repository?: unknown;
  homepage?: unknown;
  bugs?: unknown;
}

const published = readdirSync(join(ROOT, "packages"))
  .filter((dir) => existsSync(join(ROOT, "packages", dir, "package.json")))
  .map((dir) => ({ dir, manifest: JSON.parse(readFileSync(join(ROOT, "packages", dir, "package.json"), "utf8")) }))
  .filter((pkg): pkg is { dir: string; manifest: Manifest } => pkg.manifest.private !== true);

it("the repo has an MIT LICENSE", () => {
  const license = readFileSync(join(ROOT, "LICENSE"), "utf8");
  expect(license).toMatch(/^MIT License\n\nCopyright \(c\) 2026 the wx authors\n/);
});

describe.each(published.map((pkg) => [pkg.manifest.name, pkg] as const))("%s", (_, { dir, manifest }) => {
  it("publishes the root LICENSE (npm packs a LICENSE in the package folder whatever `files` says)", () => {
    const license = join(ROOT, "packages", dir, "LICENSE");
    expect(existsSync(license), `packages/${dir}/LICENSE is missing`).toBe(true);
    expect(readFileSync(license, "utf8")).toBe(readFileSync(join(ROOT, "LICENSE"), "utf8"));
    expect(manifest.license).toBe("MIT");
  });

  it("names its repository folder, homepage and issue tracker", () => {
    expect(manifest.repository).toEqual({ type: "git", url: `git+${REPOSITORY}.git`, directory: `packages/${dir}` });
    expect(manifest.homepage).toBe(`${REPOSITORY}/tree/main/packages/${dir}#readme`);
    expect(manifest.bugs).toEqual({ url: `${REPOSITORY}/issues` });
  });
});

it("publishes to the public registry", () => {
  const config = JSON.parse(readFileSync(join(ROOT, ".changeset/config.json"), "utf8"));
  expect(config.access).toBe("public");
});
