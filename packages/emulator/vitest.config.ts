import { defineConfig, mergeConfig } from "vitest/config";
import shared from "../../vitest.config.js";

// The shared config, plus the spec check: every exchange of every emulator the tests start is validated against
// the OpenAPI specs (test/setup-spec-check.ts), and the run ends with a summary per spec (test/spec-summary.ts).
export default mergeConfig(
  shared,
  defineConfig({
    test: {
      setupFiles: ["./test/setup-spec-check.ts"],
      globalSetup: ["./test/spec-summary.ts"],
    },
  }),
);
