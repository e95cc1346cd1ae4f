// Every personal record of both tenants, read from the store (the server's own view, every version), before and
// after the run. A record must stay in its tenant; every version must have been written by one of its own tenant's
// callers; a record that existed before must still exist with every old version unchanged; a plan must name a child
// of its own tenant.
import { createHash } from "node:crypto";
import type { ResourceKind, StoredVersion, Store } from "../../storage/store.ts";
import { groupOf } from "./targets.ts";
import type { TenantName, World } from "./world.ts";

const KINDS: readonly ResourceKind[] = ["child", "isp", "ehcp", "legacy-ehcp", "development-profile"];

export interface RecordSnap {
  kind: ResourceKind;
  id: string;
  group?: TenantName;
  versions: { version: number; group?: TenantName; subject: string; actorGroup?: TenantName; digest: string }[];
  childId?: string;
}

export type Snapshot = Map<string, RecordSnap>;

const digest = (body: unknown): string => createHash("sha256").update(JSON.stringify(body)).digest("hex");

export async function snapshot(store: Store): Promise<Snapshot> {
  const snap: Snapshot = new Map();
  for (const kind of KINDS) {
    let cursor: string | undefined;
    do {
      const page = await store.search({ kind, visibleTo: { all: true }, limit: 200, ...(cursor ? { cursor } : {}) });
      for (const current of page.items) {
        const versions = await store.listVersions(kind, current.id);
        const v1 = versions[0] ?? current;
        const body = current.body as { child?: { personId?: string } };
        snap.set(`${kind}:${current.id}:${groupOf(v1.tenant) ?? "-"}`, {
          kind,
          id: current.id,
          group: groupOf(v1.tenant),
          childId: kind === "child" ? current.id : body.child?.personId,
          versions: versions.map((v: StoredVersion) => ({
            version: v.version,
            group: groupOf(v.tenant),
            subject: v.provenance.actor.subject,
            actorGroup: groupOf(v.provenance.actor.tenant ?? {}),
            digest: digest(v.body),
          })),
        });
      }
      cursor = page.nextCursor;
    } while (cursor);
  }
  return snap;
}

export interface ChangeFinding {
  kind: string;
  detail: string;
}

/** What the run changed that it must not have. */
export function compareSnapshots(before: Snapshot, after: Snapshot, world: World): ChangeFinding[] {
  const out: ChangeFinding[] = [];
  for (const [key, b] of before) {
    const a = after.get(key);
    if (!a) {
      out.push({
        kind: "record-moved-or-lost",
        detail: `${b.kind} ${b.id} of tenant ${b.group ?? "-"} is no longer filed there`,
      });
      continue;
    }
    for (const v of b.versions) {
      const now = a.versions.find((x) => x.version === v.version);
      if (!now || now.digest !== v.digest || now.subject !== v.subject)
        out.push({ kind: "version-rewritten", detail: `${b.kind} ${b.id} version ${v.version} changed` });
    }
  }
  const childGroup = new Map<string, TenantName | undefined>();
  for (const r of after.values()) if (r.kind === "child") childGroup.set(r.id, r.group);
  for (const r of after.values()) {
    if (!r.group) continue;
    for (const v of r.versions) {
      if (v.group !== r.group)
        out.push({
          kind: "record-re-tenanted",
          detail: `${r.kind} ${r.id} of tenant ${r.group}: version ${v.version} filed under ${v.group ?? "neither tenant"} by ${v.subject}`,
        });
      // A caller of the record's own tenant, or a system acting for it (an import signed by the tenant's own key).
      if (!world.subjectsOf[r.group].has(v.subject) && v.actorGroup !== r.group)
        out.push({
          kind: "changed-by-foreign-caller",
          detail: `${r.kind} ${r.id} of tenant ${r.group}: version ${v.version} written by ${v.subject}`,
        });
    }
    if (r.kind !== "child" && r.childId && childGroup.has(r.childId) && childGroup.get(r.childId) !== r.group) {
      out.push({
        kind: "plan-names-foreign-child",
        detail: `${r.kind} ${r.id} of tenant ${r.group} names child ${r.childId} of tenant ${childGroup.get(r.childId) ?? "-"}`,
      });
    }
  }
  return out;
}
