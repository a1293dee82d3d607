// Shared benchmark helpers: run a measurement several times and report medians and ratios.
import { fork } from "node:child_process";

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/** Runs each named case `runs` times, interleaved so drift on a noisy machine hits all cases alike. */
export async function compare(
  runs: number,
  cases: Record<string, () => Promise<number>>,
): Promise<Record<string, { median: number; all: number[] }>> {
  const results: Record<string, number[]> = Object.fromEntries(Object.keys(cases).map((name) => [name, []]));
  for (let run = 0; run < runs; run++) {
    for (const [name, measure] of Object.entries(cases)) results[name]?.push(await measure());
  }
  return Object.fromEntries(Object.entries(results).map(([name, all]) => [name, { median: median(all), all }]));
}

export async function timeMs(fn: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await fn();
  return performance.now() - started;
}

/** Starts bench/loopback-server.ts in its own process (so it does not share the client's event loop). */
export async function startLoopbackServer(): Promise<{ origin: string; stop(): void }> {
  const child = fork(new URL("./loopback-server.ts", import.meta.url), [], {
    execArgv: ["--import", "tsx"],
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  const origin = await new Promise<string>((resolve, reject) => {
    child.once("message", (message) => resolve(String(message)));
    child.once("exit", (code) => reject(new Error(`loopback server exited with ${code}`)));
  });
  return { origin, stop: () => child.kill() };
}

export function row(label: string, cells: (string | number)[]): string {
  return [label.padEnd(44), ...cells.map((c) => String(c).padStart(12))].join("");
}
