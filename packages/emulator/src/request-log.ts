import { isoTime } from "./ids.js";
import type { RequestLogEntry } from "./types.js";

/** The last `capacity` requests in a ring: one slot written per request, times formatted only when read. */
export class RequestLog {
  private readonly slots: Array<{ method: string; path: string; status: number; atMs: number } | undefined>;
  private next = 0;
  private size = 0;

  constructor(private readonly capacity: number) {
    this.slots = new Array(capacity);
  }

  add(method: string, path: string, status: number, atMs: number): void {
    this.slots[this.next] = { method, path, status, atMs };
    this.next = (this.next + 1) % this.capacity;
    if (this.size < this.capacity) this.size += 1;
  }

  /** Oldest first. */
  entries(): RequestLogEntry[] {
    const out: RequestLogEntry[] = [];
    const first = (this.next - this.size + this.capacity) % this.capacity;
    for (let i = 0; i < this.size; i++) {
      const slot = this.slots[(first + i) % this.capacity];
      if (slot) out.push({ method: slot.method, path: slot.path, status: slot.status, at: isoTime(slot.atMs) });
    }
    return out;
  }

  clear(): void {
    this.slots.fill(undefined);
    this.next = 0;
    this.size = 0;
  }
}
