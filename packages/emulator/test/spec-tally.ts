import type { Exchange } from "../src/index.js";
import { checkExchange, describeFinding, type Finding } from "./check-exchange.js";
import type { SpecName } from "./spec.js";
import { exceptionFor, SPEC_EXCEPTIONS } from "./spec-exceptions.js";

/** Exchanges checked against one operation, and how many passed (`excepted`: thanks to an exception). */
export interface OperationCounts {
  exchanges: number;
  passed: number;
  excepted: number;
}

/** What one test file's exchanges came to; the suite's summary adds these up. */
export interface Tally {
  /** Spec → operation (`GET /rooms/{roomId}`) → its counts. */
  operations: Partial<Record<SpecName, Record<string, OperationCounts>>>;
  /** Exchanges that matched no spec operation (emulator-only routes, 404s and 405s of unknown paths). */
  outside: number;
  /** How often each of SPEC_EXCEPTIONS (by index) allowed a finding. */
  exceptionsUsed: Record<number, number>;
  failed: number;
}

export function emptyTally(): Tally {
  return { operations: {}, outside: 0, exceptionsUsed: {}, failed: 0 };
}

/** The counts of one operation in `tally`, made on first use. */
export function countsOf(tally: Tally, spec: SpecName, name: string): OperationCounts {
  const forSpec = tally.operations[spec] ?? {};
  tally.operations[spec] = forSpec;
  const counts = forSpec[name] ?? { exchanges: 0, passed: 0, excepted: 0 };
  forSpec[name] = counts;
  return counts;
}

export interface SpecRecorder {
  /** An `onExchange`: checks the exchange against the specs, counts it, keeps what disagrees. Never throws. */
  observe(exchange: Exchange): void;
  /** The disagreements seen since the last call, as one readable message (undefined when there were none). */
  takeMismatches(): string | undefined;
  readonly tally: Tally;
}

export function specRecorder(): SpecRecorder {
  const tally = emptyTally();
  let mismatches: string[] = [];

  const observe = (exchange: Exchange): void => {
    try {
      const verdict = checkExchange(exchange);
      if (verdict.operations.length === 0) tally.outside += 1;
      const unexplained: Finding[] = [];
      for (const { spec, name } of verdict.operations) {
        const counts = countsOf(tally, spec, name);
        counts.exchanges += 1;
        let failed = false;
        let excepted = false;
        for (const finding of verdict.findings) {
          if (finding.spec !== spec || finding.operation !== name) continue;
          const exception = exceptionFor(finding);
          if (exception) {
            const index = SPEC_EXCEPTIONS.indexOf(exception);
            tally.exceptionsUsed[index] = (tally.exceptionsUsed[index] ?? 0) + 1;
            excepted = true;
          } else {
            unexplained.push(finding);
            failed = true;
          }
        }
        if (failed) tally.failed += 1;
        else counts.passed += 1;
        if (!failed && excepted) counts.excepted += 1;
      }
      if (unexplained.length > 0) {
        const lines = unexplained.map((finding) => `    ${describeFinding(finding)}`);
        mismatches.push(
          `  ${exchange.method} ${exchange.path}${exchange.search} → ${exchange.status}\n${lines.join("\n")}`,
        );
      }
    } catch (error) {
      mismatches.push(`  ${exchange.method} ${exchange.path}: the spec check itself failed: ${String(error)}`);
    }
  };

  const takeMismatches = (): string | undefined => {
    if (mismatches.length === 0) return undefined;
    const message = [
      "The emulator disagrees with the OpenAPI specs (fix the emulator, or add an exception with its reason",
      "to test/spec-exceptions.ts and the README's table):",
      ...mismatches,
    ].join("\n");
    mismatches = [];
    return message;
  };

  return { observe, takeMismatches, tally };
}

/**
 * The recorder of this test file: every emulator the tests start reports to it (helpers.ts), and the test whose
 * exchanges disagree with the specs fails (setup-spec-check.ts).
 */
export const suiteRecorder = specRecorder();
