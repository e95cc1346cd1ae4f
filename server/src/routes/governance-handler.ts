// GET /governance/plan-sample: the governor's redacted, deterministic sample of their setting's active plans
// (see access/governor-sample.ts for the sampling and redaction rules).
import type { AppDeps } from "../deps.ts";
import { audit } from "../audit/audit-event.ts";
import { defaultSeed, sampleIds } from "../access/governor-sample.ts";
import { invalidParameter } from "../http/problems.ts";
import { readQuery } from "../http/query.ts";
import { extractSearchFacts } from "../documents/search-facts.ts";
import type { ResourceKind, StoredVersion } from "../storage/store.ts";
import type { Handler } from "./resource-handlers.ts";

const PLAN_KINDS: readonly ResourceKind[] = ["isp", "ehcp", "legacy-ehcp"];
/** Plans that are in force; drafts and closed or ceased plans are not sampled. */
const IN_FORCE = new Set(["active", "under-review", "issued", "in-review", "cessation-proposed"]);

export function governanceHandler(deps: AppDeps): Handler {
  const { store } = deps;
  return async (c) => {
    const p = c.get("principal");
    const q = readQuery(c, ["size"]);
    const size = q.size === undefined ? 5 : Number(q.size);
    if (!/^\d{1,2}$/.test(q.size ?? "5") || size < 1 || size > 50)
      throw invalidParameter("/query/size", "size must be a whole number from 1 to 50.");
    const settingUrn = p.settingUrn!; // the governor's tenancy requires it (auth/principal.ts)
    const population: StoredVersion[] = [];
    for (const kind of PLAN_KINDS) {
      let cursor: string | undefined;
      do {
        const page = await store.search({
          kind,
          limit: 100,
          visibleTo: { settingUrns: [settingUrn] },
          ...(cursor ? { cursor } : {}),
        });
        population.push(...page.items.filter((v) => v.status === undefined || IN_FORCE.has(v.status)));
        cursor = page.nextCursor;
      } while (cursor);
    }
    const seed = defaultSeed(settingUrn, deps.clock());
    const chosen = new Set(
      sampleIds(
        population.map((v) => `${v.kind}:${v.id}`),
        seed,
        size,
      ),
    );
    const picked = population.filter((v) => chosen.has(`${v.kind}:${v.id}`));
    await Promise.all(
      picked.map((v) =>
        audit(store, c, {
          action: "search",
          kind: v.kind,
          resourceId: v.id,
          version: v.version,
          childId: extractSearchFacts(v.body).childId,
        }),
      ),
    );
    if (picked.length === 0) await audit(store, c, { action: "search", kind: "isp" });
    const items = sampleIds([...chosen], seed, size)
      .map((key) => picked.find((v) => `${v.kind}:${v.id}` === key)!)
      .map((v) => deps.access.redactForGovernor(v.body, seed, extractSearchFacts(v.body).childId));
    return c.json({ settingUrn, seed, population: population.length, items }, 200);
  };
}
