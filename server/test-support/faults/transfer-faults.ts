// Decorators of the transfer steps (server/src/transfers/transfer-parts.ts) for the conformance self-test's faulty
// servers: the few places where a faulty vendor would cut a corner in verifying, answering or exporting.
import { base64url } from "jose";
import {
  canonicalJson,
  decodeUnverifiedPayload,
  sha256Hex,
  trustListEntry,
  type KeySource,
  type TransferBundle,
  type TrustedKey,
  type TrustList,
  type VerifyResult,
} from "../../../sdk/src/bundle/index.ts";
import type { Store } from "../../src/storage/store.ts";
import { TRUST_LIST_KIND } from "../../src/transfers/anchored-trust-list.ts";
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

/** The inbox matches the bundle's child by UPN only: the ULN and NHS number the documents carry are not looked at. */
export const matchesByUpnOnly: TransferWrap = (parts) => ({
  ...parts,
  matchChild: (tx, bundle, receiver, sourceChildId) => {
    const upnOnly = (doc: unknown): unknown => {
      const d = doc as { child?: { identifiers?: { upn?: string } } };
      if (!d?.child?.identifiers) return doc;
      const { upn } = d.child.identifiers;
      return { ...d, child: { ...d.child, identifiers: upn === undefined ? {} : { upn } } };
    };
    const seen = { ...bundle, documents: (bundle.documents as unknown[]).map(upnOnly) } as typeof bundle;
    return parts.matchChild(tx, seen, receiver, sourceChildId);
  },
});

// The trust list: what a receiver believes about keys, which lists it believes, and where it sends.

/** The inbox forgets part of what the trust list says about a key (its validity, revocation or setting's closure). */
function keysWithout(fields: readonly (keyof TrustedKey)[]): TransferWrap {
  const strip = (k: TrustedKey | undefined): TrustedKey | undefined => {
    if (!k) return k;
    const copy = { ...k };
    for (const f of fields) delete copy[f];
    return copy;
  };
  return (parts) => ({
    ...parts,
    verify: (input, opts) => {
      const src = opts.trustedKeys;
      const trustedKeys: KeySource =
        typeof src === "function"
          ? async (kid: string) => strip(await src(kid))
          : Array.isArray(src)
            ? src.map((k) => strip(k)!)
            : src;
      return parts.verify(input, { ...opts, trustedKeys });
    },
  });
}
export const ignoresKeyValidity = keysWithout(["notBefore", "notAfter"]);
export const ignoresRevocation = keysWithout(["revokedAt"]);
export const ignoresSettingClosure = keysWithout(["ownerClosedOn"]);

/** Trust by setting, not by key: a bundle whose sender setting the list names is believed whatever key signed it. */
export const trustsListedSettingAnyKey =
  (store: Store): TransferWrap =>
  (parts) => {
    const waved = acceptsUnknownKey(parts);
    return {
      ...parts,
      verify: async (input, opts) => {
        const first = await parts.verify(input, opts);
        if (first.ok || !first.reasons.every((r) => r.code === "bundle.unknown-key")) return first;
        const payload = decodeUnverifiedPayload(input) as { manifest?: { sender?: { setting?: { urn?: unknown } } } };
        const urn = payload?.manifest?.sender?.setting?.urn;
        const stored = await store.get<{ jws: string }>(TRUST_LIST_KIND, "current");
        const list = stored ? (decodeUnverifiedPayload(stored.body.jws) as TrustList | undefined) : undefined;
        if (typeof urn !== "string" || !list?.entries?.some((e) => e.urn === urn)) return first;
        return waved.verify(input, opts);
      },
    };
  };

/** POST /trust-list checks the list's shape but not who signed it (or whether it is signed at all). */
export const trustListSignatureUnchecked: TransferWrap = (parts) => ({
  ...parts,
  verifyTrustList: async (input, opts) => {
    const v = await parts.verifyTrustList(input, opts);
    if (v.ok || v.reasons.some((r) => r.code === "trust-list.too-old")) return v;
    const list = decodeUnverifiedPayload(input) as TrustList | undefined;
    if (list?.documentType !== "trust-list" || !Array.isArray(list.entries)) return v;
    return { ok: true, list, kid: String(headerOf(input).kid ?? "none") };
  },
});

/** A newer issue is not required: any anchor-signed list replaces the held one, an old one too. */
export const trustListReplayAccepted: TransferWrap = (parts) => ({
  ...parts,
  verifyTrustList: (input, opts) => {
    const { minSequence: _ignored, ...rest } = opts;
    return parts.verifyTrustList(input, rest);
  },
});

/** Successor links are ignored: a converted setting's own (dead) inbox is used as if it were still open. */
export const noSuccessorDelivery: TransferWrap = (parts) => ({
  ...parts,
  addressee: (list, id) => {
    const a = parts.addressee(list, id);
    if (a.kind !== "successor") return a;
    const own = list ? trustListEntry(list, id) : undefined;
    return own ? { kind: "open", entry: own } : a;
  },
});

/** A setting that closed with no successor is sent to as if it were open. */
export const deliversToClosedSetting: TransferWrap = (parts) => ({
  ...parts,
  addressee: (list, id) => {
    const a = parts.addressee(list, id);
    return a.kind === "closed" ? { kind: "open", entry: a.entry } : a;
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
