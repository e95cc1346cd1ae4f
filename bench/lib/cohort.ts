// Synthetic cohorts for the transfer benchmarks: one child at a time, made from a worked ISP by varying its ids, so a
// cohort of any size is never held in memory. (bench/run-all.ts runs only the scripts directly in bench/, not lib/.)
import { readFileSync } from "node:fs";

export type CohortIsp = Record<string, unknown> & { child: Record<string, unknown> };

const WORKED = new URL("../../examples/worked/isp-nursery-targeted-slc.json", import.meta.url);

/** A UUID derived from a counter, so every child's documents have distinct, stable ids. */
export function uuidFor(prefix: number, n: number): string {
  const hex = (prefix * 1e9 + n).toString(16).padStart(12, "0").slice(-12);
  return `${(0x10000000 + prefix).toString(16).slice(-8)}-0000-4000-8000-${hex}`;
}

/** The worked ISP every synthetic child is made from. */
export function loadBaseIsp(): CohortIsp {
  return JSON.parse(readFileSync(WORKED, "utf8")) as CohortIsp;
}

/** Child number `i` of a cohort: the base ISP with its own plan id, person id and name. */
export function cohortIsp(base: CohortIsp, i: number): CohortIsp {
  const isp = structuredClone(base);
  isp["id"] = uuidFor(1, i);
  isp.child["personId"] = uuidFor(2, i);
  isp.child["preferredName"] = `Child ${i}`;
  return isp;
}
