// Decorators of the transfer steps (server/src/transfers/transfer-parts.ts) for the conformance self-test's faulty
// servers: the few places where a faulty vendor would cut a corner in verifying, answering or exporting.
import { base64url } from "jose";
import {
  canonicalJson,
  decodeUnverifiedPayload,
  sha256Hex,
  type TransferBundle,
  type VerifyResult,
} from "../../../sdk/src/bundle/index.ts";
import { extractSearchFacts } from "../../src/documents/search-facts.ts";
import { receiverTenant } from "../../src/transfers/receiver-tenancy.ts";
import type { TransferParts } from "../../src/transfers/transfer-parts.ts";
import { unsignedReceipt } from "./part-faults.ts";

export type TransferWrap = (parts: TransferParts) => TransferParts;

function headerOf(input: unknown): Record<string, unknown> {
  try {
    const h = typeof input === "string" ? input.split(".")[0] : (input as { protected?: string }).protected;
    return JSON.parse(new TextDecoder().decode(base64url.decode(h ?? ""))) as Record<string, unknown>;
  } catch {
    return {};
  }
}

/** A verifier that waves through a failed verification when `wave` says so (alg none, unknown keys, digests). */
function waving(wave: (codes: Set<string>, header: Record<string, unknown>) => boolean): TransferWrap {
  return (parts) => ({
    ...parts,
    verify: async (input, opts) => {
      const failed = await parts.verify(input, opts);
      if (failed.ok) return failed;
      // The bundle rules check digests too (transfer-bundle.bundle-digests.*): skipping "the digest check" skips both.
      const codes = new Set(
        failed.reasons.map((r) =>
          r.code === "bundle.rule-error" && r.ruleId?.includes(".bundle-digests.") ? "bundle.digest-mismatch" : r.code,
        ),
      );
      const header = headerOf(input);
      if (!wave(codes, header)) return failed;
      const payload = decodeUnverifiedPayload(input) as TransferBundle | undefined;
      if (!payload || typeof payload !== "object" || !Array.isArray(payload.documents)) return failed;
      const ok: VerifyResult = {
        ok: true,
        bundle: payload,
        digest: { algorithm: "sha-256", canonicalization: "rfc8785", value: await sha256Hex(canonicalJson(payload)) },
        kid: String(header.kid ?? "none"),
        header: header as never,
      };
      return ok;
    },
  });
}
const only = (codes: Set<string>, ...allowed: string[]) => [...codes].every((c) => allowed.includes(c));

export const acceptsUnsigned = waving((_codes, header) => header.alg === "none");
export const acceptsUnknownKey = waving((codes) => only(codes, "bundle.unknown-key"));
export const acceptsTampered = waving((codes) => only(codes, "bundle.digest-mismatch"));

/** Never decrypts: the verifier is called without the receiving setting's key. */
export const ignoresEncryption: TransferWrap = (parts) => ({
  ...parts,
  verify: (input, opts) => {
    const { decryptKey: _dropped, ...rest } = opts;
    return parts.verify(input, rest);
  },
});

/** Imports a bundle again when its id was imported before: with the same content, or (409 missing) with other. */
export const reimports =
  (kind: "accepted" | "conflict"): TransferWrap =>
  (parts) => ({
    ...parts,
    answerReplay: (earlier) => (earlier.kind === kind ? undefined : parts.answerReplay(earlier)),
  });

export const receiptUnsigned: TransferWrap = (parts) => ({
  ...parts,
  signReceipt: async (...args) => unsignedReceipt(await parts.signReceipt(...args)),
});
export const noReceipt: TransferWrap = (parts) => ({ ...parts, signReceipt: async () => "" });

/** The exporter's mapping forgets a field: an ISP's key people. */
export const exportDropsField: TransferWrap = (parts) => ({
  ...parts,
  childDocuments: async (...args) =>
    (await parts.childDocuments(...args)).map((doc) => {
      if (doc === null || typeof doc !== "object" || !("keyPeople" in doc)) return doc;
      const { keyPeople: _dropped, ...rest } = doc as Record<string, unknown>;
      return rest as typeof doc;
    }),
});

/** Safeguarding-labelled sections are sent unless the request names what to include. */
export const exportIncludesSafeguarding: TransferWrap = (parts) => ({
  ...parts,
  packBundle: (input) =>
    parts.packBundle(
      input.sharing && !input.sharing.include
        ? { ...input, sharing: { ...input.sharing, include: ["education", "health", "social-care", "safeguarding"] } }
        : input,
    ),
});

export const redactionNotRecorded: TransferWrap = (parts) => ({
  ...parts,
  packBundle: async (input) => ({ ...(await parts.packBundle(input)), redactions: [] }),
});

export const selfAddressedAllowed: TransferWrap = (parts) => ({ ...parts, selfAddressed: () => false });

export const senderIgnoresReceipt: TransferWrap = (parts) => ({ ...parts, keepReceipt: () => undefined });

/**
 * The vendor bug issue 11 found: the child is matched by identifier across every tenant and the match is re-filed
 * under the receiver, which then reads (and owns) another setting's child.
 */
export const reTenantsMatchedChild: TransferWrap = (parts) => ({
  ...parts,
  matchChild: async (tx, bundle, receiver, sourceChildId) => {
    const found = await parts.matchChild(tx, bundle, receiver, sourceChildId);
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
  },
});

/** Integration acknowledgements are sent unsigned (alg none). */
export const acknowledgementUnsigned: TransferWrap = (parts) => ({
  ...parts,
  signIntegration: async (...args) => {
    const [, payload] = (await parts.signIntegration(...args)).split(".");
    const header = base64url.encode(
      JSON.stringify({ alg: "none", typ: "send-transfer-integration+json", cty: "application/json" }),
    );
    return `${header}.${payload ?? ""}.`;
  },
});

/** The sender believes an integration acknowledgement's payload and header kid without checking the signature. */
export const acknowledgementNotVerified: TransferWrap = (parts) => ({
  ...parts,
  verifyIntegration: async (input, opts) => {
    const checked = await parts.verifyIntegration(input, opts);
    if (checked.ok) return checked;
    const payload = decodeUnverifiedPayload(input) as Record<string, unknown> | undefined;
    const header = headerOf(input);
    if (payload?.documentType !== "transfer-integration" || typeof header.kid !== "string") return checked;
    return { ok: true, integration: payload as never, kid: header.kid, header: header as never };
  },
});

/** Escalation never happens: nothing is ever overdue for integration. */
export const escalationNever: TransferWrap = (parts) => ({ ...parts, integrationOverdue: () => false });
