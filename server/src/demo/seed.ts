// First-start demo data: the worked examples (examples/worked/*.json), plus the settings-directory entries and child
// records they imply, so the demo tokens have something to see. Idempotent: anything already stored is left alone,
// so restarting never duplicates or overwrites. seedDemoOnce skips even the checking when a marker says these exact
// examples are already in this database.
import { createHash } from "node:crypto";
import { readdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { extractSearchFacts } from "../documents/search-facts.ts";
import { settingErrors } from "../documents/directory-records.ts";
import { RESOURCES, type ResourceConfig } from "../routes/resources.ts";
import type { ResourceKind, Store, TenantScope, VersionProvenance } from "../storage/store.ts";
import type { ValidateDocument } from "../deps.ts";

type Json = Record<string, unknown>;
const isObj = (v: unknown): v is Json => v !== null && typeof v === "object" && !Array.isArray(v);

const STORED_TYPES = new Set<ResourceKind>(["isp", "ehcp", "legacy-ehcp", "development-profile", "spp"]);

/** A second setting in another local authority, so the demo shows tenancy (its staff cannot see the examples). */
export const DEMO_EXTRA_SETTING: Json = {
  name: "Marsh Lane Primary School",
  urn: "121350",
  laestab: "9262417",
  laCode: "926",
  phases: ["primary"],
  settingType: "mainstream-primary-school",
};

export interface DemoSummary {
  loaded: { kind: ResourceKind; id: string }[];
  skipped: number;
  settings: Json[];
  children: { id: string; settingUrn?: string; laCode?: string }[];
  /** Every demo document (loaded now or on an earlier start) with its tenancy facts, for choosing demo tokens. */
  documents: { kind: ResourceKind; id: string; childId?: string; settingUrn?: string; laCode?: string }[];
}

export function readWorkedExamples(dir: string): Json[] {
  return exampleFiles(dir)
    .map((f) => JSON.parse(readFileSync(join(dir, f), "utf8")) as unknown)
    .filter(isObj);
}

const exampleFiles = (dir: string): string[] =>
  readdirSync(dir)
    .filter((f) => f.endsWith(".json"))
    .sort();

/** Bumped when seedDemo would load something different from the same examples, so old markers stop matching. */
const SEED_FORMAT = 1;

/** What the seed depends on: every example file's name and bytes, the extra setting, and the seed's format. */
export function demoSeedHash(examplesDir: string): string {
  const h = createHash("sha256").update(JSON.stringify({ SEED_FORMAT, DEMO_EXTRA_SETTING }));
  for (const f of exampleFiles(examplesDir)) h.update(`\0${f}\0`).update(readFileSync(join(examplesDir, f)));
  return h.digest("hex");
}

interface SeedMarker {
  hash: string;
  summary: DemoSummary;
}

/**
 * seedDemo, unless `markerFile` records that these exact examples (same hash) were loaded into this database: then
 * the summary kept in the marker is returned without reading, validating or looking up anything (on a second start
 * that checking, the SDK's first validation and the database's first lookups, was about a second). Records are never
 * deleted, so what was loaded is still there. `databaseIsNew` (its directory did not exist before this start) voids
 * the marker, so a database replaced by a fresh one is seeded again.
 */
export async function seedDemoOnce(
  store: Store,
  validate: ValidateDocument,
  examplesDir: string,
  opts: { markerFile: string; databaseIsNew: boolean },
): Promise<DemoSummary> {
  const hash = demoSeedHash(examplesDir);
  if (!opts.databaseIsNew) {
    const marker = readMarker(opts.markerFile);
    if (marker?.hash === hash) return marker.summary;
  }
  const summary = await seedDemo(store, validate, examplesDir);
  // Kept as a later start would have found it: everything already there, nothing loaded.
  const kept: SeedMarker = {
    hash,
    summary: { ...summary, loaded: [], skipped: summary.skipped + summary.loaded.length },
  };
  const partial = `${opts.markerFile}.${process.pid}.partial`;
  writeFileSync(partial, JSON.stringify(kept)); // then rename: a start interrupted here leaves no half-written marker
  renameSync(partial, opts.markerFile);
  return summary;
}

function readMarker(file: string): SeedMarker | undefined {
  try {
    const m = JSON.parse(readFileSync(file, "utf8")) as unknown;
    return isObj(m) && typeof m.hash === "string" && isObj(m.summary) ? (m as unknown as SeedMarker) : undefined;
  } catch {
    return undefined; // absent or unreadable: seed (which is idempotent) and write a new one
  }
}

function settingsOf(doc: Json): Json[] {
  const out: Json[] = [];
  for (const s of [
    doc.documentType === "isp" || doc.documentType === "development-profile" ? doc.owner : undefined,
    isObj(doc.namedPlacement) ? doc.namedPlacement.setting : undefined,
  ]) {
    if (isObj(s) && typeof s.urn === "string" && typeof s.laCode === "string") out.push(s);
  }
  return out;
}

export async function seedDemo(store: Store, validate: ValidateDocument, examplesDir: string): Promise<DemoSummary> {
  const docs = readWorkedExamples(examplesDir).filter(
    (d) => typeof d.documentType === "string" && STORED_TYPES.has(d.documentType as ResourceKind) && validate(d).valid,
  );
  const summary: DemoSummary = { loaded: [], skipped: 0, settings: [], children: [], documents: [] };
  const prov = (): Omit<VersionProvenance, "at"> => ({
    actor: {
      subject: "demo-loader",
      role: "system-integration",
      system: "send-interchange-reference-server",
      tenant: {},
    },
    reason: "demo data loaded on first start",
    correlationId: `demo-seed-${Date.now()}`,
  });

  async function put(kind: ResourceKind, id: string, body: Json): Promise<void> {
    if (await store.get(kind, id)) {
      summary.skipped++;
      return;
    }
    const cfg: ResourceConfig = RESOURCES[kind];
    const facts = cfg.factsOf(body, id);
    const tenant: TenantScope = await cfg.tenantOf(store, facts);
    const p = prov();
    const stored = await store.create(kind, id, body, facts, tenant, p);
    await store.appendAudit({
      actor: p.actor,
      action: "import",
      kind,
      resourceId: id,
      version: stored.version,
      ...(kind === "child" ? { childId: id } : facts.childId ? { childId: facts.childId } : {}),
      correlationId: p.correlationId,
      outcome: "allowed",
    });
    summary.loaded.push({ kind, id });
  }

  const settings = new Map<string, Json>();
  for (const d of docs) for (const s of settingsOf(d)) settings.set(s.urn as string, s);
  settings.set(DEMO_EXTRA_SETTING.urn as string, DEMO_EXTRA_SETTING);
  for (const [urn, s] of settings) {
    const entry = Object.fromEntries(Object.entries(s).filter(([k]) => k !== "inclusionBases" || Array.isArray(s[k])));
    // The seed writes to the store directly, so it checks entries the way PUT /settings/{urn} would.
    const problems = settingErrors(entry);
    if (problems.length > 0)
      throw new Error(`demo setting ${urn} is not a valid settings entry: ${JSON.stringify(problems)}`);
    await put("setting", urn, entry);
    summary.settings.push(entry);
  }

  const children = new Map<string, Json>();
  for (const d of docs) {
    const facts = extractSearchFacts(d);
    if (!facts.childId || !isObj(d.child) || children.has(facts.childId)) continue;
    const laCode =
      facts.laCode ?? (facts.settingUrn ? (settings.get(facts.settingUrn)?.laCode as string | undefined) : undefined);
    if (!laCode) continue;
    const record: Json = {
      id: facts.childId,
      child: d.child,
      laCode,
      ...(facts.settingUrn ? { settingUrn: facts.settingUrn } : {}),
    };
    children.set(facts.childId, record);
  }
  for (const [id, record] of children) {
    await put("child", id, record);
    summary.children.push({ id, settingUrn: record.settingUrn as string | undefined, laCode: record.laCode as string });
  }

  // Catalogue first (plans cite packages), then the plans and profiles.
  const order: ResourceKind[] = ["spp", "isp", "ehcp", "legacy-ehcp", "development-profile"];
  for (const kind of order) {
    for (const d of docs.filter((x) => x.documentType === kind)) {
      await put(kind, d.id as string, d);
      const facts = extractSearchFacts(d);
      summary.documents.push({
        kind,
        id: d.id as string,
        childId: facts.childId,
        settingUrn: facts.settingUrn,
        laCode: facts.laCode,
      });
    }
  }
  return summary;
}
