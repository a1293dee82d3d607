// One-off helper used to lay out a publishable package with the shared build/test/lint setup.
// usage: node scripts/scaffold.mjs <dir> <@wx/name> "<description>" [dep ...]
import { copyFileSync, existsSync, mkdirSync, writeFileSync } from "node:fs";
import { relative, resolve } from "node:path";

const [dir, name, description, ...deps] = process.argv.slice(2);
if (!dir || !name) throw new Error("usage: scaffold <dir> <name> <description> [deps]");
if (existsSync(`${dir}/package.json`)) throw new Error(`${dir} already exists`);
/** The package's folder from the repo root, as `repository.directory` names it. */
const repoDir = relative(resolve(import.meta.dirname, ".."), resolve(dir)).replaceAll("\\", "/");
mkdirSync(`${dir}/src`, { recursive: true });
mkdirSync(`${dir}/test`, { recursive: true });
const dependencies = Object.fromEntries(
  deps.map((d) => (d.startsWith("@wx/") ? [d, "workspace:*"] : d.split(/(?<=.)@/))),
);
const pkg = {
  name,
  version: "0.1.0",
  description,
  license: "MIT",
  repository: { type: "git", url: "git+https://github.com/wx-sdk/wx.git", directory: repoDir },
  homepage: `https://github.com/wx-sdk/wx/tree/main/${repoDir}#readme`,
  bugs: { url: "https://github.com/wx-sdk/wx/issues" },
  type: "module",
  main: "./dist/index.cjs",
  module: "./dist/index.js",
  types: "./dist/index.d.cts",
  exports: {
    ".": {
      import: { types: "./dist/index.d.ts", default: "./dist/index.js" },
      require: { types: "./dist/index.d.cts", default: "./dist/index.cjs" },
    },
    "./package.json": "./package.json",
  },
  files: ["dist"],
  sideEffects: false,
  engines: { node: ">=20.18.1" },
  scripts: {
    build: "tsup",
    test: "vitest run --reporter=default --reporter=json --outputFile=.vitest-report.json",
    typecheck: "tsc -p tsconfig.json",
    lint: "biome check . && publint --strict && attw --pack . --profile node16",
  },
  dependencies,
};
writeFileSync(`${dir}/package.json`, `${JSON.stringify(pkg, null, 2)}\n`);
writeFileSync(
  `${dir}/tsconfig.json`,
  `${JSON.stringify({ extends: "../../tsconfig.base.json", include: ["src", "test", "tsup.config.ts"] }, null, 2)}\n`,
);
writeFileSync(
  `${dir}/tsup.config.ts`,
  `import { defineConfig } from "tsup";

export default defineConfig({
  entry: ["src/index.ts"],
  format: ["esm", "cjs"],
  dts: true,
  sourcemap: true,
  clean: true,
  target: "node20",
});
`,
);
if (!existsSync(`${dir}/src/index.ts`)) writeFileSync(`${dir}/src/index.ts`, `export {};\n`);
writeFileSync(`${dir}/README.md`, `# ${name}\n\n${description}\n`);
copyFileSync(resolve(import.meta.dirname, "../LICENSE"), `${dir}/LICENSE`);
