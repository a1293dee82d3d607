import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { TestProject } from "vitest/node";
import { SPEC_NAMES } from "./spec.js";
import { EMULATOR_ONLY, NOT_EXERCISED, SPEC_EXCEPTIONS } from "./spec-exceptions.js";
import { operationsOf } from "./spec-operations.js";
import { servedOperations } from "./spec-served.js";
import { countsOf, emptyTally, type Tally } from "./spec-tally.js";

// Global setup: gives the test files a folder for their tallies and, after the run, prints per spec the
// operations the emulator serves and how its exchanges fared. After a run of the whole suite it also fails the
// run when coverage dropped silently: a served operation no test exercised (and not in NOT_EXERCISED), or an
// exception or NOT_EXERCISED entry that no longer applies.

const testDir = path.dirname(fileURLToPath(import.meta.url));

export default function setup(project: TestProject): () => void {
  const dir = mkdtempSync(path.join(tmpdir(), "wx-emulator-spec-"));
  project.provide("specTallyDir", dir);
  return () => {
    try {
      const files = readdirSync(dir).filter((name) => name.endsWith(".json"));
      const tally = files.reduce(
        (sum, name) => addTally(sum, JSON.parse(readFileSync(path.join(dir, name), "utf8")).tally as Tally),
        emptyTally(),
      );
      const allFiles = readdirSync(testDir).filter((name) => name.endsWith(".test.ts"));
      const { lines, problems } = summarize(tally, files.length === allFiles.length);
      console.log(lines.join("\n"));
      if (files.length !== allFiles.length) {
        console.log(`spec check: coverage not checked, ${files.length} of ${allFiles.length} test files ran`);
      }
      if (problems.length > 0) {
        // vitest reports an error thrown here but still exits 0: the exit code is set as well.
        process.exitCode = 1;
        throw new Error(`spec check coverage:\n  ${problems.join("\n  ")}`);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  };
}

export function addTally(sum: Tally, add: Tally): Tally {
  for (const spec of SPEC_NAMES) {
    for (const [name, counts] of Object.entries(add.operations[spec] ?? {})) {
      const into = countsOf(sum, spec, name);
      into.exchanges += counts.exchanges;
      into.passed += counts.passed;
      into.excepted += counts.excepted;
    }
  }
  for (const [index, count] of Object.entries(add.exceptionsUsed)) {
    sum.exceptionsUsed[Number(index)] = (sum.exceptionsUsed[Number(index)] ?? 0) + count;
  }
  sum.outside += add.outside;
  sum.failed += add.failed;
  return sum;
}

/** The summary lines, and (for a whole run) what coverage lacks. */
export function summarize(tally: Tally, wholeRun: boolean): { lines: string[]; problems: string[] } {
  const { bySpec, emulatorOnly } = servedOperations();
  const lines: string[] = [];
  const problems: string[] = [];
  for (const spec of SPEC_NAMES) {
    const seen = tally.operations[spec] ?? {};
    const served = bySpec[spec];
    const counts = Object.values(seen);
    const sum = (key: "exchanges" | "passed" | "excepted") => counts.reduce((total, c) => total + c[key], 0);
    const exercised = served.filter((name) => (seen[name]?.exchanges ?? 0) > 0);
    lines.push(
      `spec check ${spec}: ${served.length} of ${operationsOf(spec).length} operations served, ` +
        `${exercised.length} exercised; ${sum("exchanges")} exchanges validated, ${sum("passed")} passed ` +
        `(${sum("excepted")} of them by an exception), ${sum("exchanges") - sum("passed")} failed`,
    );
    if (!wholeRun) continue;
    for (const name of served) {
      const key = `${spec} ${name}`;
      const ran = (seen[name]?.exchanges ?? 0) > 0;
      if (!ran && !(key in NOT_EXERCISED)) problems.push(`${key}: served, but no test exercised it`);
      if (ran && key in NOT_EXERCISED) problems.push(`${key}: exercised now, remove it from NOT_EXERCISED`);
    }
  }
  const used = SPEC_EXCEPTIONS.filter((_, index) => (tally.exceptionsUsed[index] ?? 0) > 0).length;
  lines.push(
    `spec check: ${tally.outside} exchanges on no spec operation (emulator-only routes: ${emulatorOnly.join(", ")}); ` +
      `${used} of ${SPEC_EXCEPTIONS.length} exceptions used`,
  );
  if (wholeRun) {
    for (const key of Object.keys(NOT_EXERCISED)) {
      const [spec, ...rest] = key.split(" ");
      if (!bySpec[spec as keyof typeof bySpec]?.includes(rest.join(" ")))
        problems.push(`${key}: in NOT_EXERCISED, not served`);
    }
    SPEC_EXCEPTIONS.forEach((exception, index) => {
      if (!tally.exceptionsUsed[index])
        problems.push(`exception ${exception.operation} (${exception.part}) was never used`);
    });
    for (const route of emulatorOnly)
      if (!(route in EMULATOR_ONLY)) problems.push(`${route}: in no spec, nor in EMULATOR_ONLY`);
  }
  return { lines, problems };
}
