// Fault switches for the conformance suite's self-test (catalogue.ts). The only way in is createApp's `faults`
// option, and only under NODE_ENV=test: main.ts never passes it and no environment variable or CLI flag is read.
import type { Context, MiddlewareHandler } from "hono";
import type { AppEnv } from "../env.ts";
import { FAULT_IDS, type FaultId, type Faults } from "./catalogue.ts";

export { FAULT_CATALOGUE, FAULT_IDS, type FaultId, type Faults, type FaultSpec } from "./catalogue.ts";

const NONE: Faults = new Set();

/** Checks the ids and the environment; an unknown id or a non-test process is a programming error. */
export function checkedFaults(faults: ReadonlySet<string> | undefined, env: NodeJS.ProcessEnv = process.env): Faults {
  if (!faults || faults.size === 0) return NONE;
  const unknown = [...faults].filter((f) => !(FAULT_IDS as readonly string[]).includes(f));
  if (unknown.length > 0) throw new Error(`unknown fault id(s): ${unknown.join(", ")}`);
  // Defence in depth: even code that passes faults cannot make a non-test process misbehave.
  if (env.NODE_ENV !== "test") throw new Error("faults are for the conformance self-test only (NODE_ENV=test)");
  return faults as Faults;
}

/** Whether the app (its deps) was built with this fault. */
export function hasFault(deps: { faults: ReadonlySet<string> }, id: FaultId): boolean {
  return deps.faults.size > 0 && deps.faults.has(id);
}

/** Whether the request's app was built with this fault (for middleware that has no deps). */
export function requestHasFault(c: Context<AppEnv>, id: FaultId): boolean {
  const faults = c.get("faults") as Faults | undefined;
  return faults !== undefined && faults.size > 0 && faults.has(id);
}

/** Puts the app's fault set on every request, so middleware can consult it. */
export const faultSwitches = (faults: ReadonlySet<string>): MiddlewareHandler<AppEnv> =>
  async function faultSwitches(c, next) {
    c.set("faults", faults);
    await next();
  };
