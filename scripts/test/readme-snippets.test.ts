import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { findSnippets, snippetsOf } from "../readme-snippets/find-snippets.js";
import { type CheckResult, typeCheck } from "../readme-snippets/type-check.js";

const ROOT = resolve(import.meta.dirname, "../..");
const snippets = findSnippets(ROOT);
let result: CheckResult;
// One tsc program over every snippet, with @wx/openapi's 3.9 MB of route types among them: minutes at load 15.
// The bound is against a hang, not an expected duration.
const TYPE_CHECK_BOUND_MS = 900_000;
beforeAll(() => {
  result = typeCheck(snippets);
}, TYPE_CHECK_BOUND_MS);

describe("README snippets compile under strict, against the built packages", () => {
  it("finds snippets in the READMEs", () => {
    expect(snippets.length).toBeGreaterThan(0);
  });

  it("the free identifiers compile", () => {
    expect(result.otherErrors, result.otherErrors.join("\n")).toEqual([]);
  });

  it.each(snippets.map((snippet) => [`${snippet.file}:${snippet.line}`, snippet] as const))("%s", (_, snippet) => {
    const errors = result.errors.get(snippet);
    expect(errors, errors?.join("\n")).toEqual([]);
  });
});

it("depends on every package, so turbo builds it first and its README's imports resolve", () => {
  const own = JSON.parse(readFileSync(join(ROOT, "scripts/package.json"), "utf8")).devDependencies;
  const packages = readdirSync(join(ROOT, "packages"))
    .filter((dir) => existsSync(join(ROOT, "packages", dir, "package.json")))
    .map((dir) => JSON.parse(readFileSync(join(ROOT, "packages", dir, "package.json"), "utf8")).name as string);
  const missing = packages.filter((name) => own[name] !== "workspace:*");
  expect(missing, `add to scripts/package.json devDependencies ("workspace:*"), then pnpm install`).toEqual([]);
});

describe("snippet extraction", () => {
  it("takes ts and typescript blocks with their README lines, and nothing else", () => {
    const markdown = ["# x", "```ts", "const a = 1;", "```", "```sh", "ls", "```", "```typescript", "b;", "```"];
    expect(snippetsOf("X.md", markdown.join("\n"))).toEqual([
      { file: "X.md", line: 3, code: "const a = 1;\n" },
      { file: "X.md", line: 9, code: "b;\n" },
    ]);
  });

  it("removes the indentation of a block inside a list item", () => {
    const markdown = ["- step", "  ```ts", "  if (a) {", "    b();", "  }", "  ```"];
    expect(snippetsOf("X.md", markdown.join("\n"))[0]?.code).toBe("if (a) {\n  b();\n}\n");
  });

  it("rejects a block that is never closed", () => {
    expect(() => snippetsOf("X.md", "```ts\nconst a = 1;\n")).toThrow("X.md:1: the code block is never closed");
  });
});

describe("the checker", () => {
  it("reports a wrong snippet's errors at their README lines", () => {
    const wrong = { file: "X.md", line: 10, code: 'const n: number = "one";\nundeclared();\n' };
    const { errors } = typeCheck([wrong]);
    expect(errors.get(wrong)).toEqual([
      "X.md:10:7 TS2322 Type 'string' is not assignable to type 'number'.",
      "X.md:11:1 TS2304 Cannot find name 'undeclared'.",
    ]);
  });
});
