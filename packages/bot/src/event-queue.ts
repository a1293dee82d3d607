/**
 * The bot's work queue: at most `concurrency` events handled at once, one room's events one after another in
 * the order they arrived, and at most `concurrency + maxQueued` events held (handled or waiting). A delivery takes
 * a place (`reserve`) before its body is read; the place becomes a queued event (`push`) or is given back
 * (`release`), and is free again once its event has been handled. When every place is taken the receiver
 * answers 503 and Webex delivers again later: back-pressure instead of an unbounded queue.
 */
export class EventQueue {
  readonly #concurrency: number;
  readonly #places: number;
  readonly #lanes = new Map<string, Lane>();
  // Lanes with events waiting and none running, in the order they became ready: rooms take turns.
  readonly #ready: string[] = [];
  readonly #idleWaiters = new Set<() => void>();
  #reserved = 0;
  #queued = 0;
  #running = 0;

  constructor(concurrency: number, maxQueued: number) {
    this.#concurrency = concurrency;
    this.#places = concurrency + maxQueued;
  }

  /** Events waiting (queued, plus deliveries admitted whose body is still being read). */
  get waiting(): number {
    return this.#queued + this.#reserved;
  }

  /** Events being handled now. */
  get running(): number {
    return this.#running;
  }

  /** Takes a place for a delivery about to be read; `false` when the queue is full. */
  reserve(): boolean {
    if (this.waiting + this.#running >= this.#places) return false;
    this.#reserved++;
    return true;
  }

  /** Gives back a place taken with `reserve` that will not be pushed. */
  release(): void {
    if (this.#reserved > 0) this.#reserved--;
    this.#wakeIfIdle();
  }

  /** Queues `run` behind the other events of `lane`, in the place `reserve` took. `run` must not reject. */
  push(lane: string, run: () => Promise<void>): void {
    if (this.#reserved > 0) this.#reserved--;
    let entry = this.#lanes.get(lane);
    if (entry === undefined) {
      entry = { tasks: [], running: false };
      this.#lanes.set(lane, entry);
    }
    entry.tasks.push(run);
    this.#queued++;
    if (!entry.running && entry.tasks.length === 1) this.#ready.push(lane);
    this.#pump();
  }

  /** Resolves once nothing is waiting or running. */
  idle(): Promise<void> {
    if (this.#isIdle()) return Promise.resolve();
    return new Promise((resolve) => this.#idleWaiters.add(resolve));
  }

  #pump(): void {
    while (this.#running < this.#concurrency && this.#ready.length > 0) {
      const laneKey = this.#ready.shift() as string;
      const lane = this.#lanes.get(laneKey) as Lane;
      const run = lane.tasks.shift() as () => Promise<void>;
      this.#queued--;
      this.#running++;
      lane.running = true;
      void run()
        .catch((error: unknown) =>
          console.error("[@wx/bot] handling an event failed outside its error handling:", error),
        )
        .finally(() => {
          this.#running--;
          lane.running = false;
          if (lane.tasks.length > 0) this.#ready.push(laneKey);
          else this.#lanes.delete(laneKey);
          this.#pump();
          this.#wakeIfIdle();
        });
    }
  }

  #isIdle(): boolean {
    return this.#running === 0 && this.#queued === 0 && this.#reserved === 0;
  }

  #wakeIfIdle(): void {
    if (!this.#isIdle()) return;
    for (const wake of this.#idleWaiters) wake();
    this.#idleWaiters.clear();
  }
}

interface Lane {
  tasks: (() => Promise<void>)[];
  running: boolean;
}
