import { describe, expect, it } from "vitest";
import { createEmulator } from "../src/index.js";

describe("createEmulator options", () => {
  it("refuses an empty controlKey", async () => {
    await expect(createEmulator({ port: 0, controlKey: "" })).rejects.toThrow(/controlKey/);
  });

  it("refuses a rateLimit that is not a positive whole number per minute", async () => {
    for (const perMinute of [0, -1, 1.5, Number.NaN]) {
      await expect(createEmulator({ port: 0, rateLimit: { perMinute } })).rejects.toThrow(/rateLimit.perMinute/);
    }
  });
});
