// The receiving side: verify (signature against a trusted key, every digest, schemas, rules; decrypt if a JWE),
// check the bundle is addressed here, then import it idempotently by bundle id (same bundle again = the same
// receipt, nothing written; same id with different content = conflict) and transactionally, and answer with a
// receipt signed by the receiving setting's key. The import stays inside the receiver's tenancy (import-bundle.ts):
// a child whose identifiers match a record the receiver cannot see is held for the receiver's review, and the
// receipt for a held bundle is the same "accepted" receipt (the bundle was verified and is held here: GP2GP's
// "delivered"), so the sender cannot learn that the identifiers exist elsewhere on this server. Only a bundle whose
// signature verified gets a signed receipt; forged or unreadable input gets its reasons and nothing signed.
import { randomUUID } from "node:crypto";
import { base64url } from "jose";
import {
  canonicalJson,
  createReceipt,
  decodeUnverifiedPayload,
  isCompactJwe,
  receiptReasonsFrom,
  sha256Hex,
  type TransferBundle,
  type VerifyReason,
} from "../../../sdk/src/bundle/index.ts";
import type { ReceiptReceiver } from "../../../sdk/generated/types.ts";
import { ConflictError, type Actor, type Store } from "../storage/store.ts";
import { transferStore } from "../storage/transfer-store.ts";
import type { TransferConfig } from "./config.ts";
import { asSetting } from "./as-setting.ts";
import { holdBundle, importBundle } from "./import-bundle.ts";
import { laOwner, settingOwner, type KeyRing } from "./keyring.ts";
import { toReasonItems, type ImportRecord, type TransferReasonItem } from "./transfer-record.ts";
import type { TrustList } from "./trust.ts";
import { PRODUCTION_TRANSFER_PARTS, type TransferParts } from "./transfer-parts.ts";
import type { TransferRecord } from "./transfer-record.ts";
import { TRANSFER_KIND } from "../storage/transfer-store.ts";

export type InboxOutcome =
  | { kind: "accepted"; record: ImportRecord; replayed: boolean }
  | { kind: "conflict"; bundleId: string; detail: string }
  | { kind: "rejected"; reasons: TransferReasonItem[]; receipt?: string; bundleId?: string };

export interface InboxDeps {
  store: Store;
  keyring: KeyRing;
  trust: TrustList;
  config: TransferConfig;
  clock: () => Date;
  /** The replaceable steps (transfer-parts.ts); production's by default. */
  parts?: TransferParts;
}

/**
 * Verification failures that come after the signature was checked and found good (the payload is the trusted
 * sender's): only these rejections get a signed receipt. Anything else may be forged, and signing an answer to it
 * would lend our signature to an attacker's bundle id and digest.
 */
const AFTER_SIGNATURE = new Set(
  [
    "schema-invalid",
    "rule-error",
    "digest-mismatch",
    "contents-mismatch",
    "id-mismatch",
    "too-old",
    "from-future",
    "expired",
    "not-intended-recipient",
    "self-addressed",
  ].map((c) => `bundle.${c}`),
);
export const signatureVerified = (reasons: readonly VerifyReason[]): boolean =>
  reasons.length > 0 && reasons.every((r) => AFTER_SIGNATURE.has(r.code));

/** Receipt reason codes (schemas/transfer-receipt.schema.json) for the inbox's own refusals. */
const INBOX_RECEIPT_CODES: Record<string, "not-intended-recipient"> = {
  "bundle.not-intended-recipient": "not-intended-recipient",
  "bundle.self-addressed": "not-intended-recipient",
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const isObj = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === "object" && !Array.isArray(v);

/** The kid in a compact JWE's protected header: which of our encryption keys it was made for. */
function jweKid(jwe: string): string | undefined {
  try {
    const header = JSON.parse(new TextDecoder().decode(base64url.decode(jwe.trim().split(".")[0]!))) as unknown;
    return isObj(header) && typeof header.kid === "string" ? header.kid : undefined;
  } catch {
    return undefined;
  }
}

/** A stored setting entry as the standard's Setting (the directory entry is a Setting carrying urn and laCode). */
async function localSetting(store: Store, urn: string): Promise<Record<string, unknown> | undefined> {
  const v = await store.get<Record<string, unknown>>("setting", urn);
  return v?.body;
}

export class Inbox {
  constructor(private readonly deps: InboxDeps) {}

  /**
   * Receives one signed (or encrypted) bundle. `claimFor` imports an unknown-destination bundle for the local
   * authority that claims it; otherwise the bundle must name a setting (or local authority) this server hosts.
   */
  async receive(
    input: unknown,
    opts: { correlationId: string; claimFor?: { laCode: string; name: string } },
  ): Promise<InboxOutcome> {
    const { store, keyring, trust, clock } = this.deps;
    const now = clock();
    const parts = this.deps.parts ?? PRODUCTION_TRANSFER_PARTS;
    let decryptKey: Parameters<TransferParts["verify"]>[1]["decryptKey"];
    if (isCompactJwe(input)) {
      const kid = jweKid(input);
      const own = kid ? await keyring.byKid(kid) : undefined;
      if (own?.use === "enc") decryptKey = own.pair.privateJwk;
    }
    const verified = await parts.verify(input, {
      trustedKeys: trust.resolve,
      now,
      ...(decryptKey ? { decryptKey } : {}),
    });
    if (!verified.ok) return this.reject(input, verified.reasons, opts.correlationId);
    const bundle = verified.bundle;

    // Addressed here? A named setting must be one this server hosts; an LA receiver must be claimed by that LA.
    let receiver: { settingUrn?: string; laCode: string };
    let receiptReceiver: ReceiptReceiver;
    const named = bundle.manifest.receiver.setting;
    // The setting that receives for the named one (itself, or its successor when the trust list says it closed or
    // converted), and its directory entry if this server hosts it (read once; not needed for a claim).
    if (!opts.claimFor && named?.urn) await trust.ready().catch(() => undefined);
    const route = !opts.claimFor && named?.urn ? trust.route(named.urn) : undefined;
    const hostedUrn = route?.kind === "local" ? route.urn : undefined;
    const hosted = hostedUrn ? await localSetting(store, hostedUrn) : undefined;
    if (opts.claimFor) {
      receiver = { laCode: opts.claimFor.laCode };
      receiptReceiver = {
        system: this.deps.config.system,
        localAuthority: { laCode: opts.claimFor.laCode, name: opts.claimFor.name },
      };
    } else if (hostedUrn && hosted) {
      receiver = { settingUrn: hostedUrn, laCode: String(hosted.laCode) };
      // A successor's receipt names the successor: the setting that now holds the records.
      receiptReceiver = {
        system: this.deps.config.system,
        setting: hostedUrn === named?.urn ? named : asSetting(hosted),
      };
    } else if (!named && bundle.manifest.receiver.localAuthority && !bundle.manifest.receiver.destinationUnknown) {
      const la = bundle.manifest.receiver.localAuthority;
      receiver = { laCode: la.laCode };
      receiptReceiver = { system: this.deps.config.system, localAuthority: la };
    } else {
      return this.reject(
        input,
        [
          {
            code: "bundle.not-intended-recipient",
            message: bundle.manifest.receiver.destinationUnknown
              ? "A bundle for an unknown destination is collected from the unclaimed queue, not pushed."
              : route?.kind === "closed"
                ? "The trust list says the receiving setting has closed, and names no successor."
                : "The receiving setting is not hosted by this server.",
            pointer: "/manifest/receiver",
          },
        ],
        opts.correlationId,
      );
    }

    // Self-addressed: a setting (or LA) sending to itself. Nothing legitimate needs it, and it is how a setting would
    // try to import a record it made up over someone else's.
    const sender = {
      ...(bundle.manifest.sender.setting?.urn ? { settingUrn: bundle.manifest.sender.setting.urn } : {}),
      ...(bundle.manifest.sender.setting
        ? {}
        : bundle.manifest.sender.localAuthority
          ? { laCode: bundle.manifest.sender.localAuthority.laCode }
          : {}),
    };
    if (parts.selfAddressed(sender, receiver)) {
      return this.reject(
        input,
        [
          {
            code: "bundle.self-addressed",
            message: "The bundle's sender is its receiver: a setting or local authority cannot send records to itself.",
            pointer: "/manifest/receiver",
          },
        ],
        opts.correlationId,
      );
    }

    const ts = transferStore(store);
    const earlier = await this.replayOf(ts, bundle.id, verified.digest.value);
    const replay = earlier && parts.answerReplay(earlier);
    if (replay) return replay;
    // An earlier import that is not answered from (only a decorated part does that) is imported again under a new key.
    const reimport = earlier !== undefined;

    const receivedAt = now.toISOString();
    const owner = receiver.settingUrn ? settingOwner(receiver.settingUrn) : laOwner(receiver.laCode);
    const keys = await keyring.keysFor(owner);
    const receipt = createReceipt({
      bundleId: bundle.id,
      bundleDigest: verified.digest,
      decision: "accepted",
      reasons: [],
      receiver: receiptReceiver,
      receivedAt,
      acceptedDocumentIds: [...new Set((bundle.documents as unknown as { id: string }[]).map((d) => d.id))],
    });
    const signedReceipt = await parts.signReceipt(receipt, {
      privateKey: keys.signing.privateJwk,
      kid: keys.signing.kid,
    });
    const actor: Actor = {
      subject: `transfer-sender:${verified.kid}`,
      role: "system-integration",
      system: bundle.manifest.sender.system.name,
      tenant: {
        ...(bundle.manifest.sender.setting?.urn ? { settingUrn: bundle.manifest.sender.setting.urn } : {}),
        ...((bundle.manifest.sender.setting?.laCode ?? bundle.manifest.sender.localAuthority?.laCode)
          ? { laCode: bundle.manifest.sender.setting?.laCode ?? bundle.manifest.sender.localAuthority?.laCode }
          : {}),
      },
    };
    // A transfer this server sent itself (between two settings it hosts) names its source child: that record is the
    // sender's and carries the identifiers by right (its own transfer record proves it: same bundle id and digest).
    const source = await store.get<TransferRecord>(TRANSFER_KIND, bundle.id);
    const sourceChildId =
      source && source.body.bundleDigest === verified.digest.value ? source.body.childId : undefined;
    const match = parts.matchChild;
    // A concurrent import of the same bundle (or of another bundle touching the same documents) makes this
    // transaction lose a version race and roll back whole; then it is either a replay, or worth one more try.
    for (let attempt = 0; ; attempt++) {
      try {
        const record = await store.transaction(async (tx) => {
          const input = {
            bundle,
            digest: verified.digest.value,
            senderKid: verified.kid,
            receipt: signedReceipt,
            receivedAt,
            receiver,
            actor,
            correlationId: opts.correlationId,
            ...(reimport ? { recordKey: randomUUID() } : {}),
          };
          const found = await match(tx, bundle, receiver, sourceChildId);
          if (found.foreign.length > 0) return holdBundle(tx, input, found.foreign);
          return importBundle(tx, { ...input, ...(found.own ? { child: found.own } : {}) });
        });
        return { kind: "accepted", record, replayed: false };
      } catch (err) {
        if (!(err instanceof ConflictError) && (err as { code?: unknown }).code !== "23505") throw err;
        const again = await this.replayOf(ts, bundle.id, verified.digest.value);
        if (again) return again;
        if (attempt >= 3) throw err;
      }
    }
  }

  private async replayOf(
    ts: ReturnType<typeof transferStore>,
    bundleId: string,
    digest: string,
  ): Promise<InboxOutcome | undefined> {
    const existing = await ts.getImport<ImportRecord>(bundleId);
    if (!existing) return undefined;
    if (existing.body.digest === digest) return { kind: "accepted", record: existing.body, replayed: true };
    return {
      kind: "conflict",
      bundleId,
      detail: `Bundle ${bundleId} was already imported with different content (digest ${existing.body.digest}); nothing was changed.`,
    };
  }

  /** A rejection: the reasons, and a signed rejection receipt only when the bundle's signature verified. */
  private async reject(input: unknown, reasons: VerifyReason[], correlationId: string): Promise<InboxOutcome> {
    const items = toReasonItems(reasons);
    const payload = decodeUnverifiedPayload(input);
    const bundleId = isObj(payload) && typeof payload.id === "string" && UUID.test(payload.id) ? payload.id : undefined;
    await this.deps.store.appendAudit({
      actor: { subject: "transfer-inbox", role: "system-integration", tenant: {} },
      action: "import",
      kind: "transfer",
      ...(bundleId ? { resourceId: bundleId } : {}),
      correlationId,
      outcome: "denied",
    });
    if (!bundleId) return { kind: "rejected", reasons: items };
    if (!signatureVerified(reasons)) return { kind: "rejected", reasons: items, bundleId };
    try {
      const keys = await this.deps.keyring.keysFor("system");
      const receipt = createReceipt({
        bundleId,
        bundleDigest: {
          algorithm: "sha-256",
          canonicalization: "rfc8785",
          value: await sha256Hex(canonicalJson(payload)),
        },
        decision: "rejected",
        reasons: receiptReasonsFrom(reasons).map((r) => {
          const code = r.ruleId ? INBOX_RECEIPT_CODES[r.ruleId] : undefined;
          return code ? { ...r, code } : r;
        }),
        receiver: { system: this.deps.config.system },
        receivedAt: this.deps.clock().toISOString(),
      });
      const signed = (await (this.deps.parts ?? PRODUCTION_TRANSFER_PARTS).signReceipt(receipt, {
        privateKey: keys.signing.privateJwk,
        kid: keys.signing.kid,
      })) as string;
      return { kind: "rejected", reasons: items, receipt: signed, bundleId };
    } catch {
      // A payload too odd to describe in a valid receipt still gets its reasons.
      return { kind: "rejected", reasons: items, bundleId };
    }
  }
}

export type { TransferBundle };
