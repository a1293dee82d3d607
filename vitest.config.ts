import { defineConfig } from "vitest/config";

// Every package's `vitest run` finds this file (vitest looks for its config in parent folders too), so it
// is the shared config; a package that adds its own vitest.config.ts must merge this one into it.
// The machine running the tests may be loaded far beyond its cores: a test or hook is given two minutes before
// it counts as hung. Tests must not depend on running faster than that.
export default defineConfig({
  test: {
    testTimeout: 120_000,
    hookTimeout: 120_000,
    teardownTimeout: 120_000,
  },
});
