// Writes a verified bundle into the receiver's store, inside ONE transaction (the caller's store.transaction):
// match the child by identifiers (UPN, ULN, NHS number), file the child under the receiving setting, write each
// document as a new version (created, or version N+1 of an existing one: never an overwrite) with provenance
// (importedFromBundleId, importedAt), record the import, and audit each write. Either all of it commits or none.
import { randomUUID } from "node:crypto";
import type { TransferBundle } from "../../../sdk/src/bundle/index.ts";
import { extractSearchFacts, normaliseIdentifier } from "../documents/search-facts.ts";
import type { Actor, AuditRecord, ResourceKind, Store, TenantScope } from "../storage/store.ts";
import { transferStore } from "../storage/transfer-store.ts";
import type { ImportRecord } from "./transfer-record.ts";

type Json = Record<string, unknown>;
const isObj = (v: unknown): v is Json => v !== null && typeof v === "object" && !Array.isArray(v);

export interface ImportInput {
  bundle: TransferBundle;
  digest: string;
  senderKid: string;
  receipt: string;
  receivedAt: string;
  receiver: { settingUrn?: string; laCode: string };
  actor: Actor;
  correlationId: string;
  /** Key of the import record; the bundle id except under a conformance self-test fault. */
  recordKey?: string;
}

/** Identifier facts of the child, most specific first: "upn:…", "uln:…", "nhs:…". */
export function childIdentifiers(documents: readonly unknown[]): string[] {
  const out = new Set<string>();
  for (const d of documents) {
    const ids = isObj(d) && isObj(d.child) && isObj(d.child.identifiers) ? d.child.identifiers : undefined;
    if (!ids) continue;
    if (typeof ids.upn === "string") out.add(normaliseIdentifier("upn", ids.upn));
    if (typeof ids.uln === "string") out.add(normaliseIdentifier("uln", ids.uln));
    if (typeof ids.nhsNumber === "string") out.add(normaliseIdentifier("nhs", ids.nhsNumber));
  }
  return [...out];
}

async function matchChild(tx: Store, identifiers: readonly string[]) {
  for (const identifier of identifiers) {
    const page = await tx.search<Json>({ kind: "child", identifier, limit: 2 });
    if (page.items[0]) return page.items[0];
  }
  return undefined;
}

/** The document as stored by the receiver: the receiver-side provenance fields added, nothing else changed. */
export function withImportProvenance(doc: unknown, bundleId: string, importedAt: string): Json {
  const copy = structuredClone(doc) as Json;
  copy.provenance = { ...(isObj(copy.provenance) ? copy.provenance : {}), importedFromBundleId: bundleId, importedAt };
  return copy;
}

export async function importBundle(tx: Store, input: ImportInput): Promise<ImportRecord> {
  const { bundle, receiver } = input;
  const documents = bundle.documents as unknown[];
  const reasonText = `Imported from transfer bundle ${bundle.id} (${bundle.manifest.reason}) sent by ${bundle.manifest.sender.setting?.name ?? bundle.manifest.sender.localAuthority?.name ?? bundle.manifest.sender.system.name}`;
  const prov = { actor: input.actor, reason: reasonText, correlationId: input.correlationId };
  // Audit records are collected and appended in one statement at the end, still inside the import's transaction:
  // all of them commit with the writes they describe, or none do.
  const auditRecords: AuditRecord[] = [];
  const audit = async (kind: ResourceKind | "transfer", resourceId: string, childId: string, version?: number) => {
    auditRecords.push({ actor: input.actor, action: "import", kind, resourceId, childId, correlationId: input.correlationId, outcome: "allowed", ...(version !== undefined ? { version } : {}) });
  };

  // 1. The child: matched by identifier, else registered with the sender's person id (or a fresh one if taken).
  const firstChild = documents.map((d) => (isObj(d) ? d.child : undefined)).find(isObj) ?? {};
  const existing = await matchChild(tx, childIdentifiers(documents));
  let childId: string;
  const childTenant: TenantScope = { laCode: receiver.laCode, ...(receiver.settingUrn ? { settingUrn: receiver.settingUrn } : {}) };
  if (existing) {
    childId = existing.id;
    const body: Json = { ...existing.body, laCode: receiver.laCode };
    if (receiver.settingUrn) body.settingUrn = receiver.settingUrn;
    else delete body.settingUrn;
    if (JSON.stringify(body) !== JSON.stringify(existing.body)) {
      const v = await tx.update("child", childId, existing.version, body, extractSearchFacts(body, { childId }), childTenant, prov);
      await audit("child", childId, childId, v.version);
    }
  } else {
    const wanted = typeof firstChild.personId === "string" ? firstChild.personId : undefined;
    childId = wanted && !(await tx.get("child", wanted)) ? wanted : randomUUID();
    const body: Json = { id: childId, child: firstChild, laCode: receiver.laCode, ...(receiver.settingUrn ? { settingUrn: receiver.settingUrn } : {}) };
    const v = await tx.create("child", childId, body, extractSearchFacts(body, { childId }), childTenant, prov);
    await audit("child", childId, childId, v.version);
  }

  // 2. The documents, in bundle order (so a version history arrives oldest first and the current version is last).
  const written: ImportRecord["documents"] = [];
  for (const doc of documents) {
    const d = doc as Json;
    const kind = d.documentType as ResourceKind;
    const id = d.id as string;
    const body = withImportProvenance(d, bundle.id, input.receivedAt);
    const facts = extractSearchFacts(body, { childId });
    const laCode = kind === "ehcp" || kind === "legacy-ehcp" ? facts.laCode ?? receiver.laCode : receiver.laCode;
    const tenant: TenantScope = { laCode, ...(receiver.settingUrn ? { settingUrn: receiver.settingUrn } : {}) };
    const current = await tx.get(kind, id);
    const v = current ? await tx.update(kind, id, current.version, body, facts, tenant, prov) : await tx.create(kind, id, body, facts, tenant, prov);
    written.push({ documentType: kind, id, version: v.version });
    await audit(kind, id, childId, v.version);
  }

  // 3. The import record: the idempotency key (bundle id) and the answer to give a replay.
  const record: ImportRecord = {
    bundleId: bundle.id,
    digest: input.digest,
    decision: "accepted",
    reasons: [],
    receipt: input.receipt,
    receivedAt: input.receivedAt,
    childId,
    receiver: { laCode: receiver.laCode, ...(receiver.settingUrn ? { settingUrn: receiver.settingUrn } : {}) },
    senderKid: input.senderKid,
    documents: written,
    bundle: { ...bundle, status: "accepted", receivedAt: input.receivedAt },
  };
  await transferStore(tx).createImport(input.recordKey ?? bundle.id, record, { childId, identifiers: childIdentifiers(documents), status: "accepted" }, childTenant, prov);
  await audit("transfer", bundle.id, childId);
  await tx.appendAudits(auditRecords);
  return record;
}
