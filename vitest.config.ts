import { defaultServerConditions } from "vite";
import { defineConfig } from "vitest/config";

// Workspace packages imported by name (conformance → send-interchange) resolve to their TypeScript sources in tests,
// not to a possibly stale dist/ (the `send-interchange:source` export condition, as in tsconfig.json).
const SOURCE_CONDITIONS = ["send-interchange:source", ...defaultServerConditions];

// Two cores, and each PGlite instance holds a large WASM heap: keep workers at two.
export default defineConfig({
  resolve: { conditions: SOURCE_CONDITIONS },
  ssr: { resolve: { conditions: SOURCE_CONDITIONS, externalConditions: ["send-interchange:source"] } },
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
