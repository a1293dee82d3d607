import { writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, afterEach, expect, inject } from "vitest";
import { suiteRecorder } from "./spec-tally.js";

// Every test file: a test whose exchanges disagree with the specs fails with them; the file's tally goes to the
// folder the suite's summary (spec-summary.ts) reads, first empty (a file whose tests all skip runs no afterAll).

const dir = inject("specTallyDir");
const tallyFile = path.join(dir, `${path.basename(expect.getState().testPath ?? `file-${process.pid}`)}.json`);
const save = () => writeFileSync(tallyFile, JSON.stringify({ tally: suiteRecorder.tally }));
save();

afterEach(() => {
  const message = suiteRecorder.takeMismatches();
  if (message) throw new Error(message);
});

afterAll(() => {
  save();
  const message = suiteRecorder.takeMismatches();
  if (message) throw new Error(message);
});

declare module "vitest" {
  export interface ProvidedContext {
    /** Where each test file leaves its spec tally, for the summary at the end of the run. */
    specTallyDir: string;
  }
}
