import { describe, expect, it } from "vitest";
import { memoryStore } from "../src/index.js";

function clock(start = 1_000) {
  let now = start;
  return {
    now: () => now,
    advance(ms: number) {
      now += ms;
    },
  };
}

describe("memoryStore", () => {
  it("keeps JSON values until their time to live has passed", async () => {
    const time = clock();
    const store = memoryStore({ now: time.now });
    const value = { votes: { ada: "tacos" }, when: new Date(0) };
    await store.set("k", value, 100);
    value.votes.ada = "changed after set";
    expect(await store.get("k")).toEqual({ votes: { ada: "tacos" }, when: "1970-01-01T00:00:00.000Z" });
    time.advance(99);
    expect(await store.get("k")).toBeDefined();
    time.advance(1);
    expect(await store.get("k")).toBeUndefined();
    await store.set("k", 1, 10);
    await store.delete("k");
    expect(await store.get("k")).toBeUndefined();
  });

  it("sets if absent once, and again after expiry", async () => {
    const time = clock();
    const store = memoryStore({ now: time.now });
    expect(await store.setIfAbsent("d", 1, 50)).toBe(true);
    expect(await store.setIfAbsent("d", 2, 50)).toBe(false);
    expect(await store.get("d")).toBe(1);
    time.advance(50);
    expect(await store.setIfAbsent("d", 3, 50)).toBe(true);
  });

  it("lends a lock to one holder at a time until it is released or its lease ends", async () => {
    const time = clock();
    const store = memoryStore({ now: time.now });
    const first = await store.lock("room", 1_000);
    expect(first).toBeDefined();
    expect(await store.lock("room", 1_000)).toBeUndefined();
    await first?.release();
    const second = await store.lock("room", 1_000);
    expect(second).toBeDefined();
    time.advance(1_000); // the holder crashed: the lease ends by itself
    const third = await store.lock("room", 1_000);
    expect(third).toBeDefined();
    await second?.release(); // a holder whose lease ended releases nothing of the new holder's
    expect(await store.lock("room", 1_000)).toBeUndefined();
  });

  it("extends a lock's lease only while it is still the holder's", async () => {
    const time = clock();
    const store = memoryStore({ now: time.now });
    const held = await store.lock("room", 100);
    time.advance(90);
    expect(await held?.extend?.(100)).toBe(true);
    time.advance(90); // past the first lease, within the extended one
    expect(await store.lock("room", 100)).toBeUndefined();
    time.advance(10);
    const next = await store.lock("room", 100);
    expect(next).toBeDefined();
    expect(await held?.extend?.(100)).toBe(false);
    await expect(next?.extend?.(0) as Promise<boolean>).rejects.toThrow("positive number");
  });

  it("keeps at most maxEntries keys, dropping the oldest written first", async () => {
    const store = memoryStore({ maxEntries: 2 });
    await store.set("a", 1, 60_000);
    await store.set("b", 2, 60_000);
    await store.set("a", 3, 60_000); // rewriting makes it the newest
    await store.set("c", 4, 60_000);
    expect([await store.get("a"), await store.get("b"), await store.get("c")]).toEqual([3, undefined, 4]);
  });

  it("refuses what a shared store could not keep, before storing anything", async () => {
    const store = memoryStore();
    await expect(store.set("k", undefined, 10)).rejects.toThrow(TypeError);
    await expect(store.set("k", () => 1, 10)).rejects.toThrow("must be JSON");
    await expect(store.set("", 1, 10)).rejects.toThrow("non-empty string");
    await expect(store.set("k", 1, 0)).rejects.toThrow("positive number");
    await expect(store.lock("k", Number.NaN)).rejects.toThrow("positive number");
    expect(await store.get("k")).toBeUndefined();
    expect(() => memoryStore({ maxEntries: 0 })).toThrow(TypeError);
  });
});
