import { describe, expect, it } from "vitest";
import type { Emulator } from "../src/index.js";
import { call, client, startEmulator } from "./helpers.js";

/** The statuses of 40 GET /people/me under a 50% fault on that route. */
async function faultPattern(emu: Emulator): Promise<number[]> {
  emu.faults.route("GET", "people/me", { status: 503 }, { probability: 0.5 });
  const api = client(emu, emu.tokens.user);
  const statuses: number[] = [];
  for (let i = 0; i < 40; i++) statuses.push((await api.get("people/me")).status);
  return statuses;
}

describe("fault injection replays from a seed", () => {
  it("gives the same faults for the same seed, run after run, and again after reset()", async () => {
    const first = await startEmulator({ seed: 7 });
    const second = await startEmulator({ seed: 7 });
    try {
      const pattern = await faultPattern(first);
      expect(pattern).toContain(503);
      expect(pattern).toContain(200);
      expect(await faultPattern(second)).toEqual(pattern);
      first.reset();
      expect(await faultPattern(first)).toEqual(pattern);
    } finally {
      await Promise.all([first.close(), second.close()]);
    }
  });

  it("draws differently for another seed, and faults.seed(n) restarts the draw", async () => {
    const a = await startEmulator({ seed: 7 });
    const b = await startEmulator({ seed: 8 });
    try {
      const pattern = await faultPattern(a);
      expect(await faultPattern(b)).not.toEqual(pattern);
      a.faults.clear();
      b.faults.clear();
      b.faults.seed(7);
      expect(await faultPattern(b)).toEqual(pattern);
      expect(() => b.faults.seed(-1)).toThrow(/whole number/);
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  });

  it("says which seed it chose when none was given, so a run can be repeated", async () => {
    const random = await startEmulator();
    const again = await startEmulator({ seed: random.seed });
    try {
      expect(Number.isSafeInteger(random.seed)).toBe(true);
      expect(again.tokens).toEqual(random.tokens);
      expect(await faultPattern(again)).toEqual(await faultPattern(random));
      const state = await call(random.url.replace(/v1\/$/, "_emulator/state"));
      expect(state.body.seed).toBe(random.seed);
    } finally {
      await Promise.all([random.close(), again.close()]);
    }
  });

  it("reseeds over the control API", async () => {
    const a = await startEmulator({ seed: 1 });
    const b = await startEmulator({ seed: 2 });
    try {
      await call(b.url.replace(/v1\/$/, "_emulator/faults/seed"), { method: "POST", json: { seed: 1 } });
      expect(await faultPattern(b)).toEqual(await faultPattern(a));
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  });

  it("refuses a seed that is not a whole number >= 0", async () => {
    for (const seed of [-1, 1.5, Number.NaN]) await expect(startEmulator({ seed })).rejects.toThrow(/seed/);
  });
});
