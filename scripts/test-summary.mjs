// The closing lines of `pnpm test`: the failed tests, suites and tasks by name, then the one line CI reads,
// `N passed, N failed, N skipped`. Reads turbo's run summary (which tasks ran, with their exit codes) and the
// `.vitest-report.json` each test task writes.
import { existsSync, readFileSync, rmSync } from "node:fs";
import { join, relative } from "node:path";

export const REPORT = ".vitest-report.json";

/**
 * @typedef {{ taskId: string, task: string, directory: string, exitCode: number | undefined }} TaskRun
 * @typedef {{ passed: number, failed: number, skipped: number, failures: string[] }} Summary
 */

/** Deletes the reports in these package folders, so a report from an earlier run never counts. */
export function removeReports(/** @type {string[]} */ dirs) {
  for (const dir of dirs) rmSync(join(dir, REPORT), { force: true });
}

/**
 * The tasks of a turbo run summary (`turbo run --summarize`), with directories made absolute.
 * @param {string} root @param {any} runSummary @returns {TaskRun[]}
 */
export function tasksOf(root, runSummary) {
  if (!Array.isArray(runSummary?.tasks)) throw new Error("the turbo run summary has no tasks list");
  return runSummary.tasks.map((/** @type {any} */ task) => ({
    taskId: String(task.taskId),
    task: String(task.task),
    directory: join(root, String(task.directory)),
    exitCode: typeof task.execution?.exitCode === "number" ? task.execution.exitCode : undefined,
  }));
}

/**
 * Adds up the test reports of the run's test tasks. Each of these counts as one failure, named: a task that
 * failed or did not run (a build, say), a test task that left no report (its worker crashed, vitest could not
 * start), a test file that failed outside any test (it did not load, a hook threw), and a test task that exited
 * non-zero although its report shows no failure (an unhandled error).
 * @param {string} root @param {TaskRun[]} tasks @returns {Summary}
 */
export function summarise(root, tasks) {
  /** @type {Summary} */
  const summary = { passed: 0, failed: 0, skipped: 0, failures: [] };
  const fail = (/** @type {string} */ name) => {
    summary.failed++;
    summary.failures.push(name);
  };
  for (const { taskId, task, directory, exitCode } of tasks) {
    const exit = exitCode === undefined ? "did not run" : `exit ${exitCode}`;
    if (task !== "test") {
      if (exitCode !== 0) fail(`${taskId} (${exit})`);
      continue;
    }
    const file = join(directory, REPORT);
    if (!existsSync(file)) {
      fail(`${taskId} wrote no test report (${exit})`);
      continue;
    }
    const report = JSON.parse(readFileSync(file, "utf8"));
    const failedBefore = summary.failed;
    summary.passed += report.numPassedTests;
    summary.skipped += report.numPendingTests + report.numTodoTests;
    for (const result of report.testResults) {
      const name = relative(root, result.name);
      const failedTests = result.assertionResults.filter((/** @type {any} */ test) => test.status === "failed");
      for (const test of failedTests) fail([name, ...test.ancestorTitles, test.title].join(" > "));
      if (result.status === "failed" && failedTests.length === 0) {
        fail(`${name} (the file failed outside its tests: ${firstLine(result.message)})`);
      }
    }
    if (exitCode !== 0 && summary.failed === failedBefore) fail(`${taskId} (${exit}; its report shows no failure)`);
  }
  return summary;
}

/** @param {unknown} message */
function firstLine(message) {
  return typeof message === "string" && message.trim() !== "" ? message.trim().split("\n")[0] : "no message";
}

/**
 * What the run prints last: each failure, then the counts line. The exit code is 1 when anything failed,
 * turbo failed, or no test passed at all.
 * @param {Summary} summary @param {number} turboExitCode @returns {{ lines: string[], exitCode: number }}
 */
export function closing(summary, turboExitCode) {
  const { passed, failed, skipped } = summary;
  const failures = [...summary.failures];
  let failedCount = failed;
  if (turboExitCode !== 0 && failed === 0) {
    failures.push(`turbo (exit ${turboExitCode})`);
    failedCount++;
  }
  const lines = [
    ...failures.map((name) => `FAILED ${name}`),
    `${passed} passed, ${failedCount} failed, ${skipped} skipped`,
  ];
  return { lines, exitCode: failedCount > 0 || passed === 0 ? 1 : 0 };
}
