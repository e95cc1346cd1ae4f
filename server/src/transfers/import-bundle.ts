// Writes a verified bundle into the receiver's store, inside ONE transaction (the caller's store.transaction). Every
// read and write stays inside the receiver's tenancy (receiver-tenancy.ts):
// - the child is matched by identifiers (UPN, ULN, NHS number) among the receiver's own children only;
// - an identifier that matches a child the receiver cannot see holds the bundle for review (holdBundle): nothing is
//   written to child or document records, and the foreign record is never touched;
// - a document is matched by id among the receiver's records only; an id taken by a record the receiver cannot see
//   is stored under a fresh local id (the import record keeps bundle id → local id);
// - an existing record keeps its tenancy: an import adds versions, it never re-files anything.
// Each document becomes a new version (created, or version N+1: never an overwrite) with provenance
// (importedFromBundleId, importedAt); the import record is written and each write audited. All of it or none.
import { randomUUID } from "node:crypto";
import type { TransferBundle } from "../../../sdk/src/bundle/index.ts";
import { extractSearchFacts, normaliseIdentifier } from "../documents/search-facts.ts";
import { filterForIdentifier } from "../../../sdk/src/documents/search-filters.ts";
import type { Actor, AuditRecord, ResourceKind, Store, StoredVersion } from "../storage/store.ts";
import { transferStore } from "../storage/transfer-store.ts";
import {
  receiverKey,
  receiverOnlyTenant,
  receiverTenant,
  receiverVisibility,
  withinReceiver,
  type ImportReceiver,
} from "./receiver-tenancy.ts";
import type { ImportRecord, ImportReview } from "./transfer-record.ts";

type Json = Record<string, unknown>;
const isObj = (v: unknown): v is Json => v !== null && typeof v === "object" && !Array.isArray(v);

export interface ImportInput {
  bundle: TransferBundle;
  digest: string;
  senderKid: string;
  receipt: string;
  receivedAt: string;
  receiver: ImportReceiver;
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

export interface ChildMatch {
  /** The receiver's own child with one of the identifiers, if any. */
  own?: StoredVersion<Json>;
  /** Children OUTSIDE the receiver's tenancy carrying one of the identifiers: id and which identifier kinds. */
  foreign: { childId: string; identifiers: string[] }[];
}

/**
 * Matches the bundle's child. `sourceChildId` is the child this very server sent the bundle from (a transfer between
 * two settings it hosts, proven by its own transfer record with the bundle's id and digest): that record is the
 * sender's, it is expected to carry the identifiers, and it does not make the import suspicious.
 */
export async function matchChild(
  tx: Store,
  bundle: TransferBundle,
  receiver: ImportReceiver,
  sourceChildId?: string,
): Promise<ChildMatch> {
  const identifiers = childIdentifiers(bundle.documents as unknown[]);
  let own: StoredVersion<Json> | undefined;
  const foreign = new Map<string, Set<string>>();
  for (const identifier of identifiers) {
    if (!own)
      own = (
        await tx.search<Json>({
          kind: "child",
          ...filterForIdentifier(identifier),
          visibleTo: receiverVisibility(receiver),
          limit: 1,
        })
      ).items[0];
    // Every holder of the identifier, to find the ones the receiver cannot see (bounded: a few per identifier).
    const all = await tx.search<Json>({ kind: "child", ...filterForIdentifier(identifier), limit: 20 });
    for (const c of all.items) {
      if (withinReceiver(c.tenant, receiver) || c.id === sourceChildId) continue;
      const kinds = foreign.get(c.id) ?? new Set<string>();
      kinds.add(identifier.split(":")[0]!);
      foreign.set(c.id, kinds);
    }
  }
  return {
    ...(own ? { own } : {}),
    foreign: [...foreign].map(([childId, kinds]) => ({ childId, identifiers: [...kinds] })),
  };
}

/** The document as stored by the receiver: the receiver-side provenance fields added, nothing else changed. */
export function withImportProvenance(doc: unknown, bundleId: string, importedAt: string): Json {
  const copy = structuredClone(doc) as Json;
  copy.provenance = { ...(isObj(copy.provenance) ? copy.provenance : {}), importedFromBundleId: bundleId, importedAt };
  return copy;
}

const reasonText = (bundle: TransferBundle) =>
  `Imported from transfer bundle ${bundle.id} (${bundle.manifest.reason}) sent by ` +
  `${bundle.manifest.sender.setting?.name ?? bundle.manifest.sender.localAuthority?.name ?? bundle.manifest.sender.system.name}`;

/**
 * Imports the bundle: under `child` (the receiver's own matched child), else as a new child record. Used by the
 * inbox for a bundle that needs no review, and by a reviewer's "import as a new child" (child undefined).
 */
export async function importBundle(
  tx: Store,
  input: ImportInput & { child?: StoredVersion<Json>; held?: { version: number; review: ImportReview } },
): Promise<ImportRecord> {
  const { bundle, receiver } = input;
  const documents = bundle.documents as unknown[];
  const prov = { actor: input.actor, reason: reasonText(bundle), correlationId: input.correlationId };
  // Audit records are collected and appended in one statement at the end, still inside the import's transaction:
  // all of them commit with the writes they describe, or none do.
  const auditRecords: AuditRecord[] = [];
  const audit = (kind: ResourceKind | "transfer", resourceId: string, childId: string, version?: number) => {
    auditRecords.push({
      actor: input.actor,
      action: "import",
      kind,
      resourceId,
      childId,
      correlationId: input.correlationId,
      outcome: "allowed",
      ...(version !== undefined ? { version } : {}),
    });
  };
  const newTenant = receiverTenant(receiver);

  // 1. The child: the receiver's own (left exactly as it is), else a new record with the sender's person id when
  //    that id is free on this server, or a fresh one.
  let childId: string;
  if (input.child) {
    childId = input.child.id;
  } else {
    const firstChild = documents.map((d) => (isObj(d) ? d.child : undefined)).find(isObj) ?? {};
    const wanted = typeof firstChild.personId === "string" ? firstChild.personId : undefined;
    childId = wanted && !(await tx.get("child", wanted)) ? wanted : randomUUID();
    const body: Json = { id: childId, child: firstChild, ...newTenant };
    const v = await tx.create("child", childId, body, extractSearchFacts(body, { childId }), newTenant, prov);
    audit("child", childId, childId, v.version);
  }

  // 2. The documents, in bundle order (so a version history arrives oldest first and the current version is last).
  const written: ImportRecord["documents"] = [];
  const localIds = new Map<string, string>(); // `${kind}:${bundle id}` → local id
  for (const doc of documents) {
    const d = doc as Json;
    const kind = d.documentType as ResourceKind;
    const bundleDocId = d.id as string;
    let localId = localIds.get(`${kind}:${bundleDocId}`);
    if (!localId) {
      const holder = await tx.get(kind, bundleDocId);
      // An id held outside the receiver's tenancy is not the receiver's to version: the document gets its own id here.
      localId = holder && !withinReceiver(holder.tenant, receiver) ? randomUUID() : bundleDocId;
      localIds.set(`${kind}:${bundleDocId}`, localId);
    }
    const body = withImportProvenance(d, bundle.id, input.receivedAt);
    if (localId !== bundleDocId) body.id = localId;
    const facts = extractSearchFacts(body, { childId });
    const current = await tx.get(kind, localId);
    let v: { version: number };
    if (current) {
      v = await tx.update(kind, localId, current.version, body, facts, current.tenant, prov); // keeps its tenancy
    } else {
      const laCode = kind === "ehcp" || kind === "legacy-ehcp" ? (facts.laCode ?? receiver.laCode) : receiver.laCode;
      v = await tx.create(kind, localId, body, facts, { ...newTenant, laCode }, prov);
    }
    written.push({
      documentType: kind,
      id: localId,
      version: v.version,
      ...(localId !== bundleDocId ? { bundleDocumentId: bundleDocId } : {}),
    });
    audit(kind, localId, childId, v.version);
  }

  // 3. The import record: the idempotency key (bundle id) and the answer to give a replay.
  const idMap = Object.fromEntries(
    [...localIds]
      .filter(([k, local]) => k.slice(k.indexOf(":") + 1) !== local)
      .map(([k, local]) => [k.slice(k.indexOf(":") + 1), local]),
  );
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
    ...(Object.keys(idMap).length ? { localIds: idMap } : {}),
    ...(input.held ? { review: input.held.review } : {}),
    bundle: { ...bundle, status: "accepted", receivedAt: input.receivedAt },
  };
  // A reviewed bundle's record moves on from `held` (failing if another reviewer decided first); else it is new.
  const ts = transferStore(tx);
  const key = input.recordKey ?? bundle.id;
  if (input.held) await ts.updateImport(key, input.held.version, record, importFacts(record, bundle), newTenant, prov);
  else await ts.createImport(key, record, importFacts(record, bundle), newTenant, prov);
  audit("transfer", bundle.id, childId);
  await tx.appendAudits(auditRecords);
  return record;
}

/** Search facts of an import record: accepted ones by child; held ones in their receiver's review queue. */
export function importFacts(record: ImportRecord, bundle: TransferBundle) {
  const identifiers = childIdentifiers(bundle.documents as unknown[]);
  if (record.decision === "held")
    return { identifiers, status: `held:${receiverKey(record.receiver as ImportReceiver)}` };
  return { ...(record.childId ? { childId: record.childId } : {}), identifiers, status: record.decision };
}

/**
 * Holds a verified bundle whose child's identifiers match a record the receiver cannot see: the import record only
 * (visible to the receiving setting or LA alone), an audit record of each match on the matched child (so its own
 * setting and parents see that an import was refused access to it), and nothing else.
 */
export async function holdBundle(tx: Store, input: ImportInput, foreign: ChildMatch["foreign"]): Promise<ImportRecord> {
  const { bundle, receiver } = input;
  const prov = {
    actor: input.actor,
    reason: `Held for review: ${reasonText(bundle)}; the child's identifiers match a record outside this setting`,
    correlationId: input.correlationId,
  };
  const record: ImportRecord = {
    bundleId: bundle.id,
    digest: input.digest,
    decision: "held",
    reasons: [],
    receipt: input.receipt,
    receivedAt: input.receivedAt,
    receiver: { laCode: receiver.laCode, ...(receiver.settingUrn ? { settingUrn: receiver.settingUrn } : {}) },
    senderKid: input.senderKid,
    documents: [],
    review: {
      status: "pending",
      matchedIdentifiers: [...new Set(foreign.flatMap((f) => f.identifiers))],
      foreignChildIds: foreign.map((f) => f.childId),
    },
    bundle: { ...bundle, status: "accepted", receivedAt: input.receivedAt },
  };
  await transferStore(tx).createImport(
    input.recordKey ?? bundle.id,
    record,
    importFacts(record, bundle),
    receiverOnlyTenant(receiver),
    prov,
  );
  await tx.appendAudits([
    ...foreign.map(
      (f): AuditRecord => ({
        actor: input.actor,
        action: "import",
        kind: "child",
        resourceId: f.childId,
        childId: f.childId,
        correlationId: input.correlationId,
        outcome: "denied",
      }),
    ),
    {
      actor: input.actor,
      action: "import",
      kind: "transfer",
      resourceId: bundle.id,
      correlationId: input.correlationId,
      outcome: "allowed",
    },
  ]);
  return record;
}
