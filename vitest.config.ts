import { defineConfig } from "vitest/config";

// Two cores and PGlite's ~0.7 GB per instance: keep workers at two.
export default defineConfig({
  test: {
    include: ["{sdk,server,conformance,schemas,examples,spec,bench}/**/*.test.ts", "tests/**/*.test.ts"],
    exclude: ["**/node_modules/**", "**/dist/**"],
    pool: "forks",
    maxWorkers: 2,
    testTimeout: 60_000,
    hookTimeout: 120_000,
    reporters: ["default", "./.ci/summary-reporter.ts"],
  },
});
