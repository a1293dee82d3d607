import { Random } from "./ids.js";
import type { Fault, Faults, RouteFaultOptions } from "./types.js";

interface QueuedFault {
  fault: Fault;
  remaining: number;
}

interface RouteFault {
  method: string;
  pattern: RegExp;
  fault: Fault;
  remaining: number;
  probability: number;
}

/** Turns `/v1/messages/:id` or `messages/*` into an anchored RegExp over the path below /v1/. */
function compilePattern(pattern: string | RegExp): RegExp {
  if (pattern instanceof RegExp) return pattern;
  const path = pattern.replace(/^\/+/, "").replace(/^v1\//, "").replace(/\?.*$/, "").replace(/\/+$/, "");
  const source = path
    .split("/")
    .map((segment) => {
      if (segment === "*") return ".*";
      if (segment.startsWith(":")) return "[^/]+";
      return segment.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    })
    .join("/");
  return new RegExp(`^${source}$`);
}

/**
 * Which requests fail. `probability` draws from its own generator, seeded from the emulator's `seed`
 * (again on every reset) or by `seed(n)`, so the same requests in the same order get the same faults.
 */
export class FaultInjector implements Faults {
  private queue: QueuedFault[] = [];
  private routes: RouteFault[] = [];
  private random: Random;

  constructor(seed: number) {
    this.random = new Random(seed);
  }

  seed(seed: number): void {
    if (!Number.isSafeInteger(seed) || seed < 0) throw new Error(`faults.seed: a whole number >= 0, got ${seed}`);
    this.reseed(seed);
  }

  reseed(seed: number): void {
    this.random = new Random(seed);
  }

  next(n: number, fault: Fault): void {
    if (n > 0) this.queue.push({ fault, remaining: n });
  }

  route(method: string, pathPattern: string | RegExp, fault: Fault, options: RouteFaultOptions = {}): void {
    this.routes.push({
      method: method.toUpperCase(),
      pattern: compilePattern(pathPattern),
      fault,
      remaining: options.times ?? Number.POSITIVE_INFINITY,
      probability: options.probability ?? 1,
    });
  }

  clear(): void {
    this.queue = [];
    this.routes = [];
  }

  /** The fault for this request, if any; `path` is relative to /v1/ (e.g. `messages/abc`). */
  take(method: string, path: string): Fault | undefined {
    for (const entry of this.routes) {
      if (entry.remaining <= 0) continue;
      if (entry.method !== "*" && entry.method !== method) continue;
      if (!entry.pattern.test(path)) continue;
      if (entry.probability < 1 && this.random.next() / 2 ** 32 >= entry.probability) continue;
      entry.remaining -= 1;
      return entry.fault;
    }
    const queued = this.queue[0];
    if (!queued) return undefined;
    queued.remaining -= 1;
    if (queued.remaining <= 0) this.queue.shift();
    return queued.fault;
  }
}
