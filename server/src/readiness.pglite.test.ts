// Readiness on embedded PGlite: the database is gone once the store is closed.
import { newPgliteTestStore } from "../test-support/pglite-template.ts";
import { runReadinessCases } from "./testing/readiness.cases.ts";

runReadinessCases({
  name: "PGlite",
  async open() {
    const store = await newPgliteTestStore();
    return { store, takeDown: () => store.close() };
  },
});
