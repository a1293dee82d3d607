import { describe, expect, it } from "vitest";
import { startEmulator } from "./helpers.js";

describe("createEmulator options", () => {
  it("refuses an empty controlKey", async () => {
    await expect(startEmulator({ port: 0, controlKey: "" })).rejects.toThrow(/controlKey/);
  });

  it("refuses a rateLimit that is not a positive whole number per minute", async () => {
    for (const perMinute of [0, -1, 1.5, Number.NaN]) {
      await expect(startEmulator({ port: 0, rateLimit: { perMinute } })).rejects.toThrow(/rateLimit.perMinute/);
    }
  });
});
