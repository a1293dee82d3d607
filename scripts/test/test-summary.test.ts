import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { closing, REPORT, removeReports, summarise, tasksOf } from "../test-summary.mjs";

let root: string;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), "wx-test-summary-"));
});
afterEach(() => {
  rmSync(root, { recursive: true, force: true });
});

interface FileResult {
  file: string;
  status?: "passed" | "failed";
  message?: string;
  tests?: { title: string; status: "passed" | "failed" | "skipped" | "todo"; ancestorTitles?: string[] }[];
}

/** Writes a report shaped like vitest's JSON reporter output into `root/<dir>`. */
function writeReport(dir: string, files: FileResult[]): void {
  const tests = files.flatMap((file) => file.tests ?? []);
  const count = (status: string) => tests.filter((test) => test.status === status).length;
  mkdirSync(join(root, dir), { recursive: true });
  const report = {
    numPassedTests: count("passed"),
    numFailedTests: count("failed"),
    numPendingTests: count("skipped"),
    numTodoTests: count("todo"),
    testResults: files.map((file) => ({
      name: join(root, dir, file.file),
      status: file.status ?? (file.tests?.some((test) => test.status === "failed") ? "failed" : "passed"),
      message: file.message ?? "",
      assertionResults: (file.tests ?? []).map((test) => ({ ancestorTitles: [], failureMessages: [], ...test })),
    })),
  };
  writeFileSync(join(root, dir, REPORT), JSON.stringify(report));
}

const task = (pkg: string, name: string, exitCode: number | undefined = 0) => ({
  taskId: `@wx/${pkg}#${name}`,
  task: name,
  directory: join(root, "packages", pkg),
  exitCode,
});

describe("summarise", () => {
  it("adds up the reports of the run's test tasks", () => {
    writeReport("packages/a", [{ file: "test/a.test.ts", tests: [{ title: "one", status: "passed" }] }]);
    writeReport("packages/b", [
      {
        file: "test/b.test.ts",
        tests: [
          { title: "two", status: "passed" },
          { title: "later", status: "todo" },
        ],
      },
      { file: "test/c.test.ts", tests: [{ title: "three", status: "skipped" }] },
    ]);
    const tasks = [task("a", "build"), task("a", "test"), task("b", "test")];
    expect(summarise(root, tasks)).toEqual({ passed: 2, failed: 0, skipped: 2, failures: [] });
  });

  it("names each failed test as file > describe > title", () => {
    writeReport("packages/a", [
      {
        file: "test/a.test.ts",
        tests: [
          { title: "works", status: "passed" },
          { title: "retries", status: "failed", ancestorTitles: ["session", "on 429"] },
        ],
      },
    ]);
    expect(summarise(root, [task("a", "test", 1)])).toEqual({
      passed: 1,
      failed: 1,
      skipped: 0,
      failures: ["packages/a/test/a.test.ts > session > on 429 > retries"],
    });
  });

  it("counts and names a test file that failed outside its tests (it did not load)", () => {
    writeReport("packages/a", [
      { file: "test/ok.test.ts", tests: [{ title: "fine", status: "passed" }] },
      { file: "test/broken.test.ts", status: "failed", message: "Error: Cannot find module '../src/gone.js'\n  at x" },
    ]);
    const summary = summarise(root, [task("a", "test", 1)]);
    expect(summary.failed).toBe(1);
    expect(summary.failures).toEqual([
      "packages/a/test/broken.test.ts (the file failed outside its tests: Error: Cannot find module '../src/gone.js')",
    ]);
  });

  it("counts and names a file whose hook failed, so its tests were skipped", () => {
    writeReport("packages/a", [
      {
        file: "test/slow.test.ts",
        status: "failed",
        message: "Hook timed out in 10000ms.",
        tests: [{ title: "a", status: "skipped" }],
      },
    ]);
    expect(summarise(root, [task("a", "test", 1)])).toMatchObject({
      failed: 1,
      skipped: 1,
      failures: ["packages/a/test/slow.test.ts (the file failed outside its tests: Hook timed out in 10000ms.)"],
    });
  });

  it("counts and names a test task that wrote no report", () => {
    writeReport("packages/a", [{ file: "test/a.test.ts", tests: [{ title: "one", status: "passed" }] }]);
    const summary = summarise(root, [task("a", "test"), task("b", "test", 1)]);
    expect(summary).toEqual({
      passed: 1,
      failed: 1,
      skipped: 0,
      failures: ["@wx/b#test wrote no test report (exit 1)"],
    });
  });

  it("counts and names a failed build, and a task that did not run", () => {
    writeReport("packages/a", [{ file: "test/a.test.ts", tests: [{ title: "one", status: "passed" }] }]);
    const summary = summarise(root, [
      task("a", "build", 2),
      task("a", "test"),
      { ...task("b", "build"), exitCode: undefined },
    ]);
    expect(summary.failed).toBe(2);
    expect(summary.failures).toEqual(["@wx/a#build (exit 2)", "@wx/b#build (did not run)"]);
  });

  it("counts a test task that exited non-zero although its report shows no failure", () => {
    writeReport("packages/a", [{ file: "test/a.test.ts", tests: [{ title: "one", status: "passed" }] }]);
    expect(summarise(root, [task("a", "test", 1)]).failures).toEqual([
      "@wx/a#test (exit 1; its report shows no failure)",
    ]);
  });
});

describe("removeReports", () => {
  it("deletes the report in each folder, and minds no folder without one", () => {
    writeReport("packages/a", []);
    mkdirSync(join(root, "packages/b"));
    removeReports([join(root, "packages/a"), join(root, "packages/b")]);
    expect(existsSync(join(root, "packages/a", REPORT))).toBe(false);
  });
});

describe("tasksOf", () => {
  it("reads turbo's run summary", () => {
    const runSummary = {
      tasks: [
        { taskId: "@wx/a#test", task: "test", directory: "packages/a", execution: { exitCode: 1 } },
        { taskId: "@wx/b#build", task: "build", directory: "packages/b" },
      ],
    };
    expect(tasksOf(root, runSummary)).toEqual([
      { taskId: "@wx/a#test", task: "test", directory: join(root, "packages/a"), exitCode: 1 },
      { taskId: "@wx/b#build", task: "build", directory: join(root, "packages/b"), exitCode: undefined },
    ]);
  });

  it("rejects a summary without tasks", () => {
    expect(() => tasksOf(root, {})).toThrow("the turbo run summary has no tasks list");
  });
});

describe("closing", () => {
  const summary = (passed: number, failures: string[] = []) => ({
    passed,
    failed: failures.length,
    skipped: 1,
    failures,
  });

  it("ends with the counts line, the failures just above it", () => {
    expect(closing(summary(3, ["x > y"]), 1)).toEqual({
      lines: ["FAILED x > y", "3 passed, 1 failed, 1 skipped"],
      exitCode: 1,
    });
  });

  it("exits 0 only when tests passed and nothing failed", () => {
    expect(closing(summary(3), 0)).toEqual({ lines: ["3 passed, 0 failed, 1 skipped"], exitCode: 0 });
    expect(closing(summary(0), 0).exitCode).toBe(1);
  });

  it("counts a failed turbo run that no report explains", () => {
    expect(closing(summary(3), 1)).toEqual({
      lines: ["FAILED turbo (exit 1)", "3 passed, 1 failed, 1 skipped"],
      exitCode: 1,
    });
  });
});
