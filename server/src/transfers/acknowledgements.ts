// The second stage of a transfer's acknowledgement (GP2GP's "integrated" after "delivered"). Receiving side: staff
// record integrated or not-integrated on the import record; the server signs an integration acknowledgement with the
// receiving setting's key (the receipt's key) and delivers it to the sender in the background with the same bounded
// retries as bundle delivery. Sending side: an acknowledgement is verified against the trust list, must name a
// transfer this server sent (same digest) and be signed by that transfer's receiver, and moves it from accepted to
// integrated or not-integrated.
import { decodeProtectedHeader } from "jose";
import {
  createIntegration,
  decodeUnverifiedPayload,
  type TransferIntegration,
  type VerifyReason,
} from "../../../sdk/src/bundle/index.ts";
import type { ReceiptReceiver } from "../../../sdk/generated/types.ts";
import type { Principal } from "../auth/principal.ts";
import { HttpProblem } from "../http/problems.ts";
import type { Store, StoredVersion } from "../storage/store.ts";
import { transferStore, type Provenance } from "../storage/transfer-store.ts";
import type { TransferConfig } from "./config.ts";
import { backoffDelay } from "./delivery.ts";
import { importFacts } from "./import-bundle.ts";
import { laOwner, settingOwner, type KeyRing } from "./keyring.ts";
import { boundedFetch, isLoopbackHost } from "./outbound.ts";
import type { ImportReceiver } from "./receiver-tenancy.ts";
import type { TransferParts } from "./transfer-parts.ts";
import {
  toReasonItems,
  type ImportRecord,
  type ReceiverIntegration,
  type TransferReasonItem,
  type TransferRecord,
} from "./transfer-record.ts";
import type { TrustList } from "./trust.ts";

type Json = Record<string, unknown>;

export interface IntegrationRequest {
  outcome: "integrated" | "not-integrated";
  reason?: string;
  note?: string;
}

export type AcknowledgementOutcome =
  | { kind: "recorded"; transfer: StoredVersion<TransferRecord>; replayed: boolean }
  | { kind: "rejected"; reasons: TransferReasonItem[] }
  | { kind: "not-found"; bundleId: string }
  | { kind: "conflict"; detail: string };

export interface AcknowledgementDeps {
  store: Store;
  keyring: KeyRing;
  trust: TrustList;
  config: TransferConfig;
  clock: () => Date;
  parts: TransferParts;
  fetchImpl: typeof fetch;
  advance(id: string, prov: Provenance, next: (r: TransferRecord) => TransferRecord): Promise<unknown>;
  isStopped(): boolean;
}

/** The most of a sender's answer read. */
const MAX_ANSWER_BYTES = 64 * 1024;

const kidOf = (jws: string | undefined): string | undefined => {
  if (!jws) return undefined;
  try {
    const kid = decodeProtectedHeader(jws).kid;
    return typeof kid === "string" ? kid : undefined;
  } catch {
    return undefined;
  }
};

/** Whether a trusted key's owner names the transfer's receiver (own keys: `urn:<URN>`; lists: the URN itself). */
function ownerIsReceiver(owner: string | undefined, r: TransferRecord["receiver"]): boolean {
  if (!owner) return false;
  const bare = owner.replace(/^urn:/, "");
  return (r.urn !== undefined && bare === r.urn) || (r.ukprn !== undefined && bare === r.ukprn);
}

export class Acknowledgements {
  private readonly running = new Map<string, Promise<void>>();

  constructor(private readonly deps: AcknowledgementDeps) {}

  // ── Receiving side ────────────────────────────────────────────────────────────────────────────────────────────

  /** Records the staff's decision on an import, signs the acknowledgement, and starts delivering it. */
  async record(
    held: StoredVersion<ImportRecord>,
    p: Principal,
    req: IntegrationRequest,
    correlationId: string,
  ): Promise<ImportRecord> {
    const { store, keyring, config, clock, parts } = this.deps;
    const r = held.body;
    if (r.integration)
      throw new HttpProblem(
        "conflict",
        `Integration was already recorded for this bundle (${r.integration.outcome}, ${r.integration.recordedAt}).`,
      );
    if (req.outcome === "integrated" && r.decision !== "accepted")
      throw new HttpProblem(
        "conflict",
        `This bundle is ${r.decision === "held" ? "held for review" : r.decision}: only an imported plan can be taken into ` +
          `use. Record not-integrated, or decide the review first.`,
      );
    if (!p.displayName)
      throw new HttpProblem("validation-failed", "Integration is recorded by a named member of staff.", {
        errors: [
          {
            pointer: "",
            ruleId: "api.integration-staff-name",
            message: "The caller's token carries no name claim, so the acknowledgement could not name who recorded it.",
          },
        ],
      });
    const receiver = r.receiver as ImportReceiver;
    const owner = receiver.settingUrn ? settingOwner(receiver.settingUrn) : laOwner(receiver.laCode);
    const keys = await keyring.keysFor(owner);
    const receipt = decodeUnverifiedPayload(r.receipt) as
      | { receiptId?: string; receiver?: ReceiptReceiver }
      | undefined;
    const recordedAt = clock().toISOString();
    const doc = createIntegration({
      bundleId: r.bundleId,
      bundleDigest: { algorithm: "sha-256", canonicalization: "rfc8785", value: r.digest },
      ...(receipt?.receiptId ? { receiptId: receipt.receiptId } : {}),
      outcome: req.outcome,
      ...(req.reason ? { reason: req.reason as TransferIntegration["reason"] } : {}),
      ...(req.note ? { note: req.note } : {}),
      recordedAt,
      recordedBy: p.displayName,
      receiver: receipt?.receiver ?? { system: config.system },
    });
    const acknowledgement = await parts.signIntegration(doc, {
      privateKey: keys.signing.privateJwk,
      kid: keys.signing.kid,
    });
    const integration: ReceiverIntegration = {
      outcome: req.outcome,
      ...(req.reason ? { reason: req.reason } : {}),
      ...(req.note ? { note: req.note } : {}),
      recordedAt,
      recordedBy: { subject: p.subject, displayName: p.displayName, role: p.role },
      acknowledgement,
      delivery: { attempts: 0 },
    };
    const body: ImportRecord = { ...r, integration };
    const prov = {
      actor: {
        subject: p.subject,
        role: p.role,
        ...(p.system ? { system: p.system } : {}),
        tenant: { ...(p.settingUrn ? { settingUrn: p.settingUrn } : {}), ...(p.laCode ? { laCode: p.laCode } : {}) },
      },
      reason: `Integration recorded: ${req.outcome}${req.reason ? ` (${req.reason})` : ""} by ${p.displayName}`.slice(
        0,
        1000,
      ),
      correlationId,
    };
    await transferStore(store).updateImport(
      held.id,
      held.version,
      body,
      importFacts(body, r.bundle as never),
      held.tenant,
      prov,
    );
    void this.deliver(held.id);
    return body;
  }

  /** Starts (or joins) delivery of an import's acknowledgement to the sender. */
  deliver(bundleId: string): Promise<void> {
    let run = this.running.get(bundleId);
    if (!run) {
      run = this.deliveryLoop(bundleId)
        .catch(() => undefined)
        .finally(() => this.running.delete(bundleId));
      this.running.set(bundleId, run);
    }
    return run;
  }

  async idle(): Promise<void> {
    while (this.running.size > 0) await Promise.all([...this.running.values()]);
  }

  /** Resumes acknowledgements a restart interrupted. */
  async resumePending(): Promise<void> {
    let cursor: string | undefined;
    do {
      const page = await transferStore(this.deps.store).searchImports<ImportRecord>({
        limit: 100,
        ...(cursor ? { cursor } : {}),
      });
      for (const v of page.items) {
        const d = v.body.integration?.delivery;
        if (d && !d.deliveredAt && !d.gaveUp) void this.deliver(v.id);
      }
      cursor = page.nextCursor;
    } while (cursor);
  }

  private async updateDelivery(
    bundleId: string,
    reason: string,
    next: (d: ReceiverIntegration["delivery"]) => ReceiverIntegration["delivery"],
  ) {
    const ts = transferStore(this.deps.store);
    for (let i = 0; i < 5; i++) {
      const v = await ts.getImport<ImportRecord>(bundleId);
      if (!v?.body.integration) return;
      const body: ImportRecord = {
        ...v.body,
        integration: { ...v.body.integration, delivery: next(v.body.integration.delivery) },
      };
      try {
        await ts.updateImport(bundleId, v.version, body, importFacts(body, v.body.bundle as never), v.tenant, {
          actor: { subject: "transfer-acknowledgement", role: "system-integration", tenant: {} },
          reason: reason.slice(0, 1000),
          correlationId: `acknowledgement-${bundleId}`,
        });
        return;
      } catch {
        // A concurrent change (another attempt's record): read again and re-apply.
      }
    }
  }

  private async deliveryLoop(bundleId: string): Promise<void> {
    const { store, trust, config } = this.deps;
    const d = config.delivery;
    for (;;) {
      if (this.deps.isStopped()) return;
      const v = await transferStore(store).getImport<ImportRecord>(bundleId);
      const integration = v?.body.integration;
      if (!v || !integration || integration.delivery.deliveredAt || integration.delivery.gaveUp) return;
      const attempt = integration.delivery.attempts;
      if (attempt >= d.maxAttempts) {
        await this.updateDelivery(bundleId, "Acknowledgement delivery gave up", (x) => ({ ...x, gaveUp: true }));
        return;
      }
      const manifest = (
        v.body.bundle as {
          manifest?: { sender?: { setting?: { urn?: string }; localAuthority?: { laCode?: string } } };
        }
      ).manifest;
      const senderId =
        manifest?.sender?.setting?.urn ??
        (manifest?.sender?.localAuthority?.laCode ? `la:${manifest.sender.localAuthority.laCode}` : "");
      await trust.ready();
      const entry = senderId ? trust.entryFor(senderId) : undefined;
      const at = this.deps.clock().toISOString();
      let result: { ok: true } | { ok: false; final: boolean; error: string };
      let url = "local";
      if (entry) {
        url = `${entry.baseUrl.replace(/\/$/, "")}/transfers/acknowledgements`;
        result = await this.push(url, integration.acknowledgement);
      } else {
        // The sender is hosted here (a transfer between two settings of this server), or unknown.
        const local = await transferStore(store).getTransfer<TransferRecord>(bundleId);
        if (local && local.body.bundleDigest === v.body.digest) {
          const outcome = await this.accept(integration.acknowledgement, `acknowledgement-${bundleId}`);
          result =
            outcome.kind === "recorded"
              ? { ok: true }
              : {
                  ok: false,
                  final: true,
                  error: outcome.kind === "rejected" ? outcome.reasons.map((r) => r.code).join(", ") : outcome.kind,
                };
        } else {
          result = { ok: false, final: true, error: `the sender ${senderId || "(unnamed)"} is not in the trust list` };
        }
      }
      if (result.ok) {
        await this.updateDelivery(bundleId, "The sender received the integration acknowledgement", (x) => ({
          ...x,
          attempts: x.attempts + 1,
          url,
          lastAttemptAt: at,
          deliveredAt: at,
        }));
        return;
      }
      const failure = result;
      await this.updateDelivery(bundleId, `Acknowledgement delivery failed: ${failure.error}`, (x) => ({
        ...x,
        attempts: x.attempts + 1,
        url,
        lastAttemptAt: at,
        lastError: failure.error.slice(0, 500),
        ...(failure.final ? { gaveUp: true } : {}),
      }));
      if (failure.final) return;
      await new Promise((resolve) => setTimeout(resolve, backoffDelay(attempt, d)));
    }
  }

  private async push(url: string, jws: string): Promise<{ ok: true } | { ok: false; final: boolean; error: string }> {
    const { config, fetchImpl } = this.deps;
    const target = new URL(url);
    if (config.loopbackOnly && !isLoopbackHost(target.hostname))
      return {
        ok: false,
        final: true,
        error: `${target.hostname} is not loopback; this server delivers to loopback only`,
      };
    try {
      const res = await boundedFetch(
        fetchImpl,
        target,
        { method: "POST", headers: { "content-type": "application/jose", accept: "application/json" }, body: jws },
        { maxBytes: MAX_ANSWER_BYTES, timeoutMs: config.delivery.timeoutMs },
      );
      if (res.status === 200) return { ok: true };
      const retry = res.status >= 500 || res.status === 429 || res.status === 408;
      return { ok: false, final: !retry, error: `HTTP ${res.status}: ${res.text.slice(0, 300)}` };
    } catch (err) {
      // Network errors, timeouts and oversized answers are worth another try, like bundle delivery's.
      return { ok: false, final: false, error: err instanceof Error ? err.message : String(err) };
    }
  }

  // ── Sending side ──────────────────────────────────────────────────────────────────────────────────────────────

  /** Verifies an acknowledgement and moves the transfer it names to integrated or not-integrated. */
  async accept(input: unknown, correlationId: string): Promise<AcknowledgementOutcome> {
    const { store, trust, clock, parts } = this.deps;
    const now = clock();
    const checked = await parts.verifyIntegration(input, { trustedKeys: trust.resolve, now });
    if (!checked.ok) return { kind: "rejected", reasons: toReasonItems(checked.reasons) };
    const doc = checked.integration;
    const ts = transferStore(store);
    const v = await ts.getTransfer<TransferRecord>(doc.bundleId);
    if (!v) return { kind: "not-found", bundleId: doc.bundleId };
    const t = v.body;
    const refuse = (code: string, message: string, pointer?: string): AcknowledgementOutcome => {
      const r: VerifyReason = { code, message, ...(pointer ? { pointer } : {}) };
      return { kind: "rejected", reasons: toReasonItems([r]) };
    };
    if (doc.bundleDigest.value !== t.bundleDigest)
      return refuse(
        "integration.digest-mismatch",
        "The acknowledgement's bundle digest is not the digest of the bundle that was sent.",
        "/bundleDigest/value",
      );
    const key = await trust.resolve(checked.kid);
    if (checked.kid !== kidOf(t.receipt) && !ownerIsReceiver(key?.owner, t.receiver))
      return refuse(
        "integration.not-receiver",
        "The acknowledgement is not signed by the transfer's receiver (neither its receipt's key nor a key listed for it).",
      );
    const jws = typeof input === "string" ? input.trim() : JSON.stringify(input);
    if (t.integration) {
      if (
        t.integration.acknowledgement === jws ||
        (t.integration.outcome === doc.outcome && t.integration.recordedAt === doc.recordedAt)
      )
        return { kind: "recorded", transfer: v, replayed: true };
      return {
        kind: "conflict",
        detail: `Transfer ${t.id} was already acknowledged as ${t.integration.outcome} (${t.integration.recordedAt}); nothing was changed.`,
      };
    }
    if (t.status !== "accepted")
      return {
        kind: "conflict",
        detail: `Transfer ${t.id} is ${t.status}: only a transfer the receiver accepted can be acknowledged as integrated or not.`,
      };
    const acknowledgedAt = now.toISOString();
    const who = doc.recordedBy.displayName ?? "a member of staff";
    const prov: Provenance = {
      actor: {
        subject: `transfer-receiver:${checked.kid}`,
        role: "system-integration",
        system: doc.receiver.system.name,
        tenant: {},
      },
      reason: `The receiver recorded the plan as ${doc.outcome}${doc.reason ? ` (${doc.reason})` : ""} (${who})`.slice(
        0,
        1000,
      ),
      correlationId,
    };
    const transfer = (await this.deps.advance(t.id, prov, (r) => ({
      ...r,
      status: doc.outcome,
      integration: {
        outcome: doc.outcome,
        ...(doc.reason ? { reason: doc.reason } : {}),
        ...(doc.note ? { note: doc.note } : {}),
        recordedAt: doc.recordedAt,
        recordedBy: who,
        acknowledgedAt,
        acknowledgement: jws,
      },
      integrationOutcome: doc.outcome,
      ...(doc.outcome === "integrated" ? { integratedAt: doc.recordedAt } : {}),
      timestamps: { ...r.timestamps, [doc.outcome]: acknowledgedAt },
    }))) as StoredVersion<TransferRecord>;
    await store.appendAudit({
      actor: prov.actor,
      action: "import",
      kind: "transfer",
      resourceId: t.id,
      childId: t.childId,
      correlationId,
      outcome: "allowed",
    });
    return { kind: "recorded", transfer, replayed: false };
  }
}

/** The receiver's view of the integration it recorded (no acknowledgement JWS; who and when, and whether it went). */
export function receiverIntegrationView(i: ReceiverIntegration): Json {
  return {
    outcome: i.outcome,
    ...(i.reason ? { reason: i.reason } : {}),
    ...(i.note ? { note: i.note } : {}),
    recordedAt: i.recordedAt,
    recordedBy: i.recordedBy.displayName,
    acknowledgement: i.acknowledgement,
    delivery: i.delivery,
  };
}
