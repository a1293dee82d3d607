// Prints the one closing line CI reads; fails on any failed test or when nothing ran.
import { existsSync, readdirSync, readFileSync } from "node:fs";

let passed = 0;
let failed = 0;
let skipped = 0;
for (const dir of ["packages", "apps"]) {
  for (const name of existsSync(dir) ? readdirSync(dir) : []) {
    const file = `${dir}/${name}/.vitest-report.json`;
    if (!existsSync(file)) continue;
    const report = JSON.parse(readFileSync(file, "utf8"));
    passed += report.numPassedTests;
    failed += report.numFailedTests;
    skipped += report.numPendingTests + report.numTodoTests;
  }
}
console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failed > 0 || passed === 0 ? 1 : 0);
