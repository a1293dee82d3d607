import path from "node:path";
import { describe, expect, it } from "vitest";
import * as committed from "../src/domain/meeting-rules.js";
import { specDir } from "./spec.js";

const spec = path.join(specDir, "webex-meeting.json");

describe("the meetings API's body rules", () => {
  it("are what scripts/meeting-rules.mjs derives from the spec today", async () => {
    // @ts-expect-error a plain .mjs script, without types
    const { tables } = (await import("../scripts/meeting-rules.mjs")) as {
      tables(specPath: string): Record<string, unknown>;
    };
    const derived = tables(spec);
    expect({ ...committed }).toEqual(derived);
  });
});
