// Transfer faults for the conformance self-test (faults/catalogue.ts): the few places where a faulty vendor would
// cut a corner in verifying, answering or exporting. Reached only through createApp's test-only `faults` option.
import { base64url } from "jose";
import {
  canonicalJson,
  decodeUnverifiedPayload,
  sha256Hex,
  type TransferBundle,
  type VerifyResult,
} from "../../../sdk/src/bundle/index.ts";
import type { FaultId } from "../faults/catalogue.ts";
import { extractSearchFacts } from "../documents/search-facts.ts";
import { matchChild } from "./import-bundle.ts";
import { receiverTenant, selfAddressed } from "./receiver-tenancy.ts";

export type TransferFaults = ReadonlySet<string>;

export const transferFault = (faults: TransferFaults, id: FaultId): boolean => faults.size > 0 && faults.has(id);

function headerOf(input: unknown): Record<string, unknown> {
  try {
    const h = typeof input === "string" ? input.split(".")[0] : (input as { protected?: string }).protected;
    return JSON.parse(new TextDecoder().decode(base64url.decode(h ?? ""))) as Record<string, unknown>;
  } catch {
    return {};
  }
}

/** A failed verification the faulty server waves through: alg none, only unknown keys, or only digest mismatches. */
export async function faultyAcceptance(
  faults: TransferFaults,
  input: unknown,
  failed: VerifyResult & { ok: false },
): Promise<VerifyResult | undefined> {
  if (faults.size === 0) return undefined;
  // The bundle rules check digests too (transfer-bundle.bundle-digests.*): skipping "the digest check" skips both.
  const codes = new Set(
    failed.reasons.map((r) =>
      r.code === "bundle.rule-error" && r.ruleId?.includes(".bundle-digests.") ? "bundle.digest-mismatch" : r.code,
    ),
  );
  const only = (...allowed: string[]) => [...codes].every((c) => allowed.includes(c));
  const header = headerOf(input);
  const waved =
    (transferFault(faults, "inbox-accepts-unsigned-bundle") && header.alg === "none") ||
    (transferFault(faults, "inbox-accepts-unknown-key") && only("bundle.unknown-key")) ||
    (transferFault(faults, "inbox-accepts-tampered-bundle") && only("bundle.digest-mismatch"));
  if (!waved) return undefined;
  const payload = decodeUnverifiedPayload(input) as TransferBundle | undefined;
  if (!payload || typeof payload !== "object" || !Array.isArray(payload.documents)) return undefined;
  return {
    ok: true,
    bundle: payload,
    digest: { algorithm: "sha-256", canonicalization: "rfc8785", value: await sha256Hex(canonicalJson(payload)) },
    kid: String(header.kid ?? "none"),
    header: header as never,
  };
}

/** The receipt as a faulty inbox signs it: not at all (alg none). */
export function unsignedReceipt(signed: string): string {
  const [, payload] = signed.split(".");
  const header = base64url.encode(
    JSON.stringify({ alg: "none", typ: "send-transfer-receipt+json", cty: "application/json" }),
  );
  return `${header}.${payload ?? ""}.`;
}

/** The exporter's mapping forgets a field: an ISP's key people. */
export function dropExportedField(doc: unknown): unknown {
  if (doc === null || typeof doc !== "object" || !("keyPeople" in doc)) return doc;
  const copy = { ...(doc as Record<string, unknown>) };
  delete copy.keyPeople;
  return copy;
}

/**
 * The tenancy checks of the transfer path, as replaceable functions: production uses the real ones; a faulty
 * variant (self-test only) swaps one out here, so the production code carries no fault branch of its own.
 */
export interface TransferGuards {
  selfAddressed: typeof selfAddressed;
  matchChild: typeof matchChild;
}

/**
 * The vendor bug issue 11 found: the child is matched by identifier across every tenant and the match is re-filed
 * under the receiver, which then reads (and owns) another setting's child.
 */
const takeoverMatch: typeof matchChild = async (tx, bundle, receiver, sourceChildId) => {
  const found = await matchChild(tx, bundle, receiver, sourceChildId);
  const taken =
    found.own ??
    (found.foreign[0] ? await tx.get<Record<string, unknown>>("child", found.foreign[0].childId) : undefined);
  if (!taken || found.own) return found;
  const body = { ...taken.body, ...receiverTenant(receiver) };
  const moved = await tx.update(
    "child",
    taken.id,
    taken.version,
    body,
    extractSearchFacts(body, { childId: taken.id }),
    receiverTenant(receiver),
    {
      actor: { subject: "faulty-import", role: "system-integration", tenant: {} },
      reason: "re-filed by a faulty import",
      correlationId: "fault",
    },
  );
  return { own: moved, foreign: [] };
};

export function transferGuards(faults: TransferFaults): TransferGuards {
  return {
    selfAddressed: transferFault(faults, "self-addressed-transfer-allowed") ? () => false : selfAddressed,
    matchChild: transferFault(faults, "import-re-tenants-matched-child") ? takeoverMatch : matchChild,
  };
}
