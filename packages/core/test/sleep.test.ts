import { afterEach, beforeEach, expect, it, vi } from "vitest";
import { sleep } from "../src/index.js";

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

it("resolves after the time has passed", async () => {
  let done = false;
  const waiting = sleep(15_000).then(() => {
    done = true;
  });
  await vi.advanceTimersByTimeAsync(14_999);
  expect(done).toBe(false);
  await vi.advanceTimersByTimeAsync(1);
  await waiting;
  expect(done).toBe(true);
});

it("rejects with the signal's reason as soon as it aborts, and clears its timer", async () => {
  const controller = new AbortController();
  const waiting = sleep(15_000, controller.signal);
  controller.abort(new Error("stop"));
  await expect(waiting).rejects.toThrow("stop");
  expect(vi.getTimerCount()).toBe(0);
  await expect(sleep(10, controller.signal)).rejects.toThrow("stop");
});
