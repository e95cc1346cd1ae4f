// The transfer service a server runs: keys, trust list, inbox, and the sender's prepare → deliver lifecycle.
// Handlers (routes/transfer-handlers.ts) stay thin and call these methods.
import { randomUUID } from "node:crypto";
import { encryptBundle, PackError, sha256Digest, signBundle, type JWK } from "../../../sdk/src/bundle/index.ts";
import type { LocalAuthority, Setting } from "../../../sdk/generated/types.ts";
import type { Principal } from "../auth/principal.ts";
import { HttpProblem } from "../http/problems.ts";
import { ConflictError, type SearchFacts, type Store, type StoredVersion, type TenantScope } from "../storage/store.ts";
import { transferStore, type Provenance } from "../storage/transfer-store.ts";
import { asSetting } from "./as-setting.ts";
import { collectSppReferences } from "./assemble.ts";
import type { TransferConfig } from "./config.ts";
import { answerFromOutcome, backoffDelay, pushOnce, type DeliveryAnswer } from "./delivery.ts";
import { Inbox } from "./inbox.ts";
import { KeyRing, laOwner, settingOwner } from "./keyring.ts";
import type { TransferRequest } from "./request.ts";
import type { TransferRecord, TransferStatus } from "./transfer-record.ts";
import { TrustList } from "./trust.ts";
import { AnchoredTrustList } from "./anchored-trust-list.ts";
import { PRODUCTION_TRANSFER_PARTS, type TransferParts } from "./transfer-parts.ts";
import { Acknowledgements } from "./acknowledgements.ts";
import { dueDateOf, overdue, sweep, type SweepResult } from "./acknowledgement-sweep.ts";
import { isRetryable, receiptCodeOf } from "./retry-policy.ts";

type Json = Record<string, unknown>;

function receiverClosedMessage(route: { urn: string; closedOn?: string }): string {
  return `The trust list says setting ${route.urn} has closed${route.closedOn ? ` (${route.closedOn})` : ""} and names no successor to receive its bundles.`;
}

const laOf = (laCode: string): LocalAuthority => ({ laCode, name: `Local authority ${laCode}` });

export interface PrepareInput {
  principal: Principal;
  child: StoredVersion<Json>;
  request: TransferRequest;
  correlationId: string;
}

export class TransferService {
  readonly keyring: KeyRing;
  readonly trust: TrustList;
  readonly inbox: Inbox;
  /** The second stage: integration acknowledgements, sent (receiving side) and received (sending side). */
  readonly acknowledgements: Acknowledgements;
  private readonly running = new Map<string, Promise<void>>();
  private stopped = false;
  private sweepTimer: ReturnType<typeof setInterval> | undefined;

  constructor(
    private readonly store: Store,
    readonly config: TransferConfig,
    private readonly clock: () => Date,
    private readonly fetchImpl: typeof fetch = fetch,
    /** The replaceable steps (transfer-parts.ts); production's by default. */
    private readonly parts: TransferParts = PRODUCTION_TRANSFER_PARTS,
  ) {
    this.keyring = new KeyRing(store, config.keyEncryptionKey);
    this.trust = new TrustList(
      config,
      this.keyring,
      fetchImpl,
      config.trustAnchor
        ? new AnchoredTrustList(store, config.trustAnchor, clock, fetchImpl, parts.verifyTrustList)
        : undefined,
      parts.addressee,
    );
    this.inbox = new Inbox({
      store,
      keyring: this.keyring,
      trust: this.trust,
      config,
      clock,
      parts,
    });
    this.acknowledgements = new Acknowledgements({
      store,
      keyring: this.keyring,
      trust: this.trust,
      config,
      clock,
      parts,
      fetchImpl,
      advance: (id, prov, next) => this.advance(id, prov, next),
      isStopped: () => this.stopped,
    });
    if (config.sweepIntervalMs > 0) {
      // Escalation and expiry on a timer; unref'd so an idle server (or a test) is not kept alive by it.
      this.sweepTimer = setInterval(() => void this.sweep().catch(() => undefined), config.sweepIntervalMs);
      this.sweepTimer.unref?.();
    }
  }

  /** The transfers' clock (the escalation listing judges lateness by it). */
  now(): Date {
    return this.clock();
  }

  /** Whether an accepted transfer is overdue for integration at `at`. */
  overdue(t: TransferRecord, at: Date): boolean {
    return overdue({ config: this.config, parts: this.parts }, t, at);
  }

  /** Escalates transfers overdue for integration and expires undelivered bundles, as of `now` (the clock's). */
  sweep(now: Date = this.clock()): Promise<SweepResult> {
    return sweep(
      {
        store: this.store,
        config: this.config,
        parts: this.parts,
        advance: (id, prov, next) => this.advance(id, prov, next),
      },
      now,
    );
  }

  /** Public keys of every setting this server hosts (keys are created for each on first ask). */
  async jwks(): Promise<{ keys: JWK[] }> {
    let cursor: string | undefined;
    do {
      const page = await this.store.search<Json>({ kind: "setting", limit: 200, ...(cursor ? { cursor } : {}) });
      await Promise.all(page.items.map((s) => this.keyring.keysFor(settingOwner(s.id))));
      cursor = page.nextCursor;
    } while (cursor);
    return this.keyring.jwks();
  }

  private async findReceiverSetting(r: TransferRequest["receiver"]): Promise<Json | undefined> {
    if (r.urn) return (await this.store.get<Json>("setting", r.urn))?.body;
    let cursor: string | undefined;
    do {
      const page = await this.store.search<Json>({ kind: "setting", limit: 200, ...(cursor ? { cursor } : {}) });
      const hit = page.items.find((s) => s.body.ukprn === r.ukprn);
      if (hit) return hit.body;
      cursor = page.nextCursor;
    } while (cursor);
    return undefined;
  }

  /** Builds, signs (and optionally encrypts) the bundle and stores the transfer as `prepared`; delivery follows. */
  async prepare(input: PrepareInput): Promise<StoredVersion<TransferRecord>> {
    const { principal: p, child, request } = input;
    const childLa = typeof child.body.laCode === "string" ? child.body.laCode : child.tenant.laCode;
    // Sender: the caller's setting, else the caller's local authority.
    let senderSetting: Setting | undefined;
    let senderLa: LocalAuthority | undefined;
    if (p.settingUrn) {
      const entry = await this.store.get<Json>("setting", p.settingUrn);
      if (!entry)
        throw new HttpProblem(
          "validation-failed",
          "Your setting is not in the settings directory, so it cannot sign a transfer.",
          {
            errors: [
              {
                pointer: "",
                ruleId: "api.transfer-sender",
                message: `No settings-directory entry for URN ${p.settingUrn}.`,
              },
            ],
          },
        );
      senderSetting = asSetting(entry.body);
    } else if (p.laCode) senderLa = laOf(p.laCode);
    const owner = p.settingUrn ? settingOwner(p.settingUrn) : laOwner(p.laCode!);

    let receiverSetting: Setting | undefined;
    let receiverLa: LocalAuthority | undefined;
    const unknown = request.receiver.unknownDestination === true;
    if (unknown) {
      if (!childLa)
        throw new HttpProblem("validation-failed", "The child has no responsible local authority to hold the bundle.", {
          errors: [
            { pointer: "/receiver", ruleId: "api.transfer-request", message: "No responsible local authority." },
          ],
        });
      receiverLa = laOf(childLa);
    } else {
      const entry = await this.findReceiverSetting(request.receiver);
      if (!entry)
        throw new HttpProblem("validation-failed", "The receiving setting is not in the settings directory.", {
          errors: [
            {
              pointer: request.receiver.urn ? "/receiver/urn" : "/receiver/ukprn",
              ruleId: "api.transfer-receiver",
              message: "Unknown receiving setting.",
            },
          ],
        });
      receiverSetting = asSetting(entry);
      await this.trust.ready();
      const route = this.trust.route(receiverSetting.urn ?? request.receiver.ukprn ?? "");
      if (route.kind === "closed")
        throw new HttpProblem("validation-failed", receiverClosedMessage(route), {
          errors: [
            {
              pointer: request.receiver.urn ? "/receiver/urn" : "/receiver/ukprn",
              ruleId: "api.transfer-receiver-closed",
              message: "The receiving setting has closed and has no successor.",
            },
          ],
        });
    }
    // A transfer to the caller's own setting (or, for the unclaimed queue, its own LA) moves nothing anywhere; the
    // inbox refuses such bundles too (bundle.self-addressed).
    const from = {
      ...(p.settingUrn ? { settingUrn: p.settingUrn } : {}),
      ...(!p.settingUrn && p.laCode ? { laCode: p.laCode } : {}),
    };
    const to = receiverSetting?.urn
      ? { settingUrn: receiverSetting.urn }
      : { ...(receiverLa ? { laCode: receiverLa.laCode } : {}) };
    if (this.parts.selfAddressed(from, to)) {
      throw new HttpProblem(
        "validation-failed",
        "A setting or local authority cannot send a child's records to itself.",
        {
          errors: [
            { pointer: "/receiver", ruleId: "api.transfer-self-addressed", message: "The receiver is the sender." },
          ],
        },
      );
    }

    const documents = await this.parts.childDocuments(this.store, p, child.id, request.includeVersionHistory);
    if (documents.length === 0)
      throw new HttpProblem("validation-failed", "The child has no plan or profile you may send.", {
        errors: [{ pointer: "", ruleId: "api.transfer-empty", message: "Nothing to transfer." }],
      });

    const now = this.clock();
    const bundleId = randomUUID();
    let bundle: Awaited<ReturnType<TransferParts["packBundle"]>>;
    try {
      bundle = await this.parts.packBundle({
        documents,
        sender: {
          system: this.config.system,
          ...(senderSetting ? { setting: senderSetting } : {}),
          ...(senderLa ? { localAuthority: senderLa } : {}),
        },
        ...(unknown
          ? { unknownDestination: true, receiver: { localAuthority: receiverLa! } }
          : { receiver: { setting: receiverSetting! } }),
        reason: request.reason as Parameters<TransferParts["packBundle"]>[0]["reason"],
        sppReferences: collectSppReferences(documents),
        sharing: request.sharing,
        createdAt: now.toISOString(),
        bundleId,
        ...(request.expiresInDays
          ? { expiresAt: new Date(now.getTime() + request.expiresInDays * 86_400_000).toISOString() }
          : {}),
      });
    } catch (err) {
      if (err instanceof PackError)
        throw new HttpProblem("validation-failed", `The bundle could not be built: ${err.message}`.slice(0, 1000), {
          errors: err.issues.slice(0, 50).map((i) => ({ pointer: i.pointer, ruleId: i.ruleId, message: i.message })),
        });
      throw err;
    }
    const keys = await this.keyring.keysFor(owner);
    const jws = (await signBundle(bundle, { privateKey: keys.signing.privateJwk, kid: keys.signing.kid })) as string;
    const digest = (await sha256Digest(bundle)).value;

    let signedBundle = jws;
    if (request.encrypt) {
      const urn = receiverSetting?.urn;
      await this.trust.ready();
      const route = urn ? this.trust.route(urn) : undefined;
      const entry = route?.kind === "remote" ? route.entry : undefined;
      const encKey =
        entry && route
          ? await this.trust.encryptionKeyFor(entry, settingOwner(route.urn))
          : urn
            ? (await this.keyring.keysFor(settingOwner(urn))).encryption.publicJwk
            : undefined;
      if (!encKey)
        throw new HttpProblem(
          "validation-failed",
          "The receiver publishes no encryption key, so the bundle cannot be encrypted to it.",
          { errors: [{ pointer: "/encrypt", ruleId: "api.transfer-encrypt", message: "No receiver encryption key." }] },
        );
      signedBundle = await encryptBundle(jws, encKey);
    }

    const record: TransferRecord = {
      id: bundleId,
      direction: "outgoing",
      childId: child.id,
      status: "prepared",
      reason: request.reason,
      sender: {
        kid: keys.signing.kid,
        ...(p.settingUrn ? { settingUrn: p.settingUrn } : {}),
        ...(p.laCode && !p.settingUrn ? { laCode: p.laCode } : {}),
        ...(senderSetting?.name ? { name: senderSetting.name } : senderLa ? { name: senderLa.name } : {}),
      },
      receiver: unknown
        ? { unknownDestination: true, laCode: childLa! }
        : {
            unknownDestination: false,
            ...(receiverSetting?.urn ? { urn: receiverSetting.urn } : {}),
            ...(request.receiver.ukprn ? { ukprn: request.receiver.ukprn } : {}),
            name: receiverSetting!.name,
            ...(receiverSetting?.laCode ? { laCode: receiverSetting.laCode } : {}),
          },
      ...(childLa ? { responsibleLaCode: childLa } : {}),
      includeVersionHistory: request.includeVersionHistory,
      encrypted: request.encrypt,
      bundleDigest: digest,
      documents: bundle.contents.map((c) => ({ documentType: c.documentType, id: c.documentId })),
      redactionCount: bundle.redactions.length,
      sharing: {
        purpose: bundle.sharingApplied.purpose,
        labelsIncluded: [...bundle.sharingApplied.labelsIncluded],
        labelsExcluded: [...bundle.sharingApplied.labelsExcluded],
      },
      timestamps: { prepared: now.toISOString() },
      reasons: [],
      delivery: { attempts: 0 },
      signedBundle,
    };
    const prov = this.prov(p, input.correlationId, `Transfer prepared (${request.reason})`);
    const stored = await transferStore(this.store).createTransfer(
      bundleId,
      record,
      this.facts(record, child),
      this.tenant(record),
      prov,
    );
    if (unknown)
      return this.advance(bundleId, prov, (r) => ({
        ...r,
        status: "sent",
        timestamps: { ...r.timestamps, sent: this.clock().toISOString() },
      }));
    return stored;
  }

  facts(record: TransferRecord, child?: StoredVersion<Json>): SearchFacts {
    const ids = child ? ((child.body.child as Json | undefined)?.identifiers as Json | undefined) : undefined;
    const identifiers: string[] = [];
    if (ids) {
      if (typeof ids.upn === "string") identifiers.push(`upn:${ids.upn.replace(/\s+/g, "").toUpperCase()}`);
      if (typeof ids.uln === "string") identifiers.push(`uln:${ids.uln.replace(/\s+/g, "").toUpperCase()}`);
      if (typeof ids.nhsNumber === "string") identifiers.push(`nhs:${ids.nhsNumber.replace(/\s+/g, "").toUpperCase()}`);
    }
    // An unknown-destination bundle waiting to be claimed is what the unclaimed queue lists.
    const queued = record.receiver.unknownDestination && record.status === "sent";
    return {
      childId: record.childId,
      status: queued ? "unclaimed" : record.status,
      ...(identifiers.length ? { identifiers } : {}),
      ...(record.responsibleLaCode ? { laCode: record.responsibleLaCode } : {}),
    };
  }

  tenant(record: TransferRecord): TenantScope {
    return {
      ...(record.sender.settingUrn ? { settingUrn: record.sender.settingUrn } : {}),
      ...((record.responsibleLaCode ?? record.sender.laCode)
        ? { laCode: record.responsibleLaCode ?? record.sender.laCode }
        : {}),
    };
  }

  prov(p: Principal | undefined, correlationId: string, reason: string): Provenance {
    return {
      actor: p
        ? {
            subject: p.subject,
            role: p.role,
            ...(p.system ? { system: p.system } : {}),
            tenant: {
              ...(p.settingUrn ? { settingUrn: p.settingUrn } : {}),
              ...(p.laCode ? { laCode: p.laCode } : {}),
            },
          }
        : { subject: "transfer-delivery", role: "system-integration", tenant: {} },
      reason,
      correlationId,
    };
  }

  /** Writes the next version of a transfer; re-reads and re-applies on a concurrent change. */
  async advance(
    id: string,
    prov: Provenance,
    next: (r: TransferRecord) => TransferRecord,
  ): Promise<StoredVersion<TransferRecord>> {
    const ts = transferStore(this.store);
    for (;;) {
      const current = await ts.getTransfer<TransferRecord>(id);
      if (!current) throw new Error(`transfer ${id} vanished`);
      const body = next(current.body);
      // Facts keep the identifiers found at preparation, so the queue stays searchable by UPN after each step.
      const facts = { ...this.facts(body), ...(await this.identifierFacts(current)) };
      try {
        return await ts.updateTransfer(id, current.version, body, facts, this.tenant(body), prov);
      } catch (err) {
        if (!(err instanceof ConflictError)) throw err;
      }
    }
  }

  private async identifierFacts(v: StoredVersion<TransferRecord>): Promise<SearchFacts> {
    const child = await this.store.get<Json>("child", v.body.childId);
    const ids = this.facts(v.body, child).identifiers;
    return ids ? { identifiers: ids } : {};
  }

  /** Starts (or joins) delivery of a prepared transfer in the background. */
  deliver(id: string): Promise<void> {
    let run = this.running.get(id);
    if (!run) {
      run = this.deliveryLoop(id)
        .catch(() => undefined)
        .finally(() => this.running.delete(id));
      this.running.set(id, run);
    }
    return run;
  }

  /** Resumes deliveries a restart interrupted (prepared or sent, to a named receiver, not given up), and the
   *  integration acknowledgements not yet delivered. */
  async resumePending(): Promise<void> {
    for (const status of ["prepared", "sent"] as const) {
      let cursor: string | undefined;
      do {
        const page = await transferStore(this.store).searchTransfers<TransferRecord>({
          status,
          limit: 100,
          ...(cursor ? { cursor } : {}),
        });
        for (const v of page.items)
          if (!v.body.receiver.unknownDestination && !v.body.delivery.gaveUp) void this.deliver(v.id);
        cursor = page.nextCursor;
      } while (cursor);
    }
    await this.acknowledgements.resumePending();
  }

  stop(): void {
    this.stopped = true;
    if (this.sweepTimer) clearInterval(this.sweepTimer);
  }

  /** Waits for every running delivery, of bundles and of acknowledgements (tests, graceful shutdown). */
  async idle(): Promise<void> {
    while (this.running.size > 0) await Promise.all([...this.running.values()]);
    await this.acknowledgements.idle();
    while (this.running.size > 0) await Promise.all([...this.running.values()]);
  }

  private async deliveryLoop(id: string): Promise<void> {
    const ts = transferStore(this.store);
    const prov = (reason: string) => this.prov(undefined, `delivery-${id}`, reason);
    const d = this.config.delivery;
    for (;;) {
      if (this.stopped) return;
      const current = await ts.getTransfer<TransferRecord>(id);
      if (
        !current ||
        !["prepared", "sent"].includes(current.body.status) ||
        current.body.receiver.unknownDestination ||
        current.body.delivery.gaveUp
      )
        return;
      const rec = current.body;
      const attempt = rec.delivery.attempts;
      if (attempt >= d.maxAttempts) {
        await this.advance(id, prov("Delivery gave up"), (r) => ({ ...r, delivery: { ...r.delivery, gaveUp: true } }));
        return;
      }
      const urn = rec.receiver.urn ?? rec.receiver.ukprn ?? "";
      await this.trust.ready();
      const route = this.trust.route(urn);
      if (route.kind === "closed") {
        // The receiver closed after the transfer was prepared: nothing is sent to an inbox nobody answers for.
        await this.advance(id, prov("Not delivered: the trust list says the receiving setting has closed"), (r) => ({
          ...r,
          status: "rejected",
          reasons: [{ code: "delivery.receiver-closed", message: receiverClosedMessage(route) }],
          timestamps: { ...r.timestamps, rejected: this.clock().toISOString() },
          delivery: { ...r.delivery, gaveUp: true },
        }));
        return;
      }
      const entry = route.kind === "remote" ? route.entry : undefined;
      const inboxUrl = entry ? (entry.inboxUrl ?? `${entry.baseUrl.replace(/\/$/, "")}/transfers/inbox`) : "local";
      const to = route.successorOf
        ? `Sent to the inbox of setting ${route.urn}, the successor of ${route.successorOf}`
        : "Sent to the receiver's inbox";
      if (rec.status === "prepared") {
        // Only from prepared: the expiry sweep may have ended the transfer since it was read.
        await this.advance(id, prov(to), (r) =>
          r.status === "prepared"
            ? {
                ...r,
                status: "sent",
                timestamps: { ...r.timestamps, sent: this.clock().toISOString() },
                delivery: { ...r.delivery, inboxUrl },
              }
            : r,
        );
      }
      let answer: DeliveryAnswer;
      if (entry) {
        answer = await pushOnce(
          this.config,
          this.trust,
          inboxUrl,
          rec.signedBundle,
          { bundleId: rec.id, digest: rec.bundleDigest },
          this.fetchImpl,
        );
      } else {
        try {
          answer = answerFromOutcome(
            await this.inbox.receive(rec.signedBundle, { correlationId: `delivery-${id}` }),
            this.clock().toISOString(),
          );
        } catch (err) {
          answer = { final: false, error: err instanceof Error ? err.message : String(err) };
        }
      }
      const at = this.clock().toISOString();
      if (!answer.final) {
        const error = answer.error;
        await this.advance(id, prov(`Delivery attempt failed: ${error}`.slice(0, 500)), (r) => ({
          ...r,
          delivery: { ...r.delivery, attempts: r.delivery.attempts + 1, lastAttemptAt: at, lastError: error },
        }));
        await new Promise((resolve) => setTimeout(resolve, backoffDelay(attempt, d)));
        continue;
      }
      const final = answer;
      // A refusal whose every reason is retryable (receipt-reasons marks them: a key not listed yet, a child not
      // matched yet) is tried again with backoff; a final reason, or the last attempt, ends it as rejected.
      if (final.decision === "rejected" && isRetryable(final.reasons) && attempt + 1 < d.maxAttempts) {
        const error = `retryable refusal: ${final.reasons.map((r) => receiptCodeOf(r)).join(", ")}`;
        await this.advance(id, prov(`Delivery attempt refused, will retry: ${error}`.slice(0, 500)), (r) => ({
          ...r,
          delivery: { ...r.delivery, attempts: r.delivery.attempts + 1, lastAttemptAt: at, lastError: error },
        }));
        await new Promise((resolve) => setTimeout(resolve, backoffDelay(attempt, d)));
        continue;
      }
      const keep = this.parts.keepReceipt(final.receipt);
      const withReceipt = (r: TransferRecord): TransferRecord => ({
        ...r,
        delivery: { ...r.delivery, attempts: r.delivery.attempts + 1, lastAttemptAt: at },
        ...(keep ? { receipt: keep } : {}),
      });
      await this.advance(id, prov("The receiver confirmed receipt"), (r) => ({
        ...withReceipt(r),
        status: "received",
        timestamps: { ...r.timestamps, received: final.receivedAt ?? at },
      }));
      await this.advance(
        id,
        prov(final.decision === "accepted" ? "The receiver accepted the bundle" : "The receiver rejected the bundle"),
        (r) => ({
          ...r,
          status: final.decision,
          reasons: final.reasons,
          timestamps: { ...r.timestamps, [final.decision]: at },
          ...(final.decision === "accepted"
            ? { integrationDueBy: dueDateOf(this.config, r.timestamps.received ?? at) }
            : {}),
        }),
      );
      return;
    }
  }

  /** The local authority collects an unknown-destination bundle: imported here under the LA, then `claimed`. */
  async claim(p: Principal, v: StoredVersion<TransferRecord>, correlationId: string) {
    const outcome = await this.inbox.receive(v.body.signedBundle, {
      correlationId,
      claimFor: { laCode: p.laCode!, name: `Local authority ${p.laCode}` },
    });
    const answer = answerFromOutcome(outcome, this.clock().toISOString());
    if (!answer.final) throw new Error("claim produced no final answer");
    const prov = this.prov(p, correlationId, "Claimed by the responsible local authority");
    const at = this.clock().toISOString();
    await this.advance(v.id, prov, (r) => ({
      ...r,
      status: "received",
      receipt: answer.receipt ?? r.receipt,
      timestamps: { ...r.timestamps, received: at },
    }));
    const decided = await this.advance(v.id, prov, (r) => ({
      ...r,
      status: answer.decision,
      reasons: answer.reasons,
      timestamps: { ...r.timestamps, [answer.decision]: at },
    }));
    if (answer.decision !== "accepted") return { transfer: decided, outcome };
    const claimed = await this.advance(v.id, prov, (r) => ({
      ...r,
      status: "claimed" as TransferStatus,
      claimedBy: { laCode: p.laCode!, subject: p.subject },
      timestamps: { ...r.timestamps, claimed: at },
    }));
    return { transfer: claimed, outcome };
  }
}
