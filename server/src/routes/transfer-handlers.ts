// Handlers of the Transfers operations: thin; the work is in transfers/service.ts and transfers/inbox.ts.
import type { Context } from "hono";
import { requestText } from "../http/request-body.ts";
import type { AppEnv } from "../env.ts";
import type { AppDeps } from "../deps.ts";
import { audit } from "../audit/audit-event.ts";
import { canSee, visibleTo } from "../access/tenancy.ts";
import { HttpProblem, invalidParameter, notFound, problemBody } from "../http/problems.ts";
import { nextLink, parseCursor, parseLimit } from "../http/pagination.ts";
import { readQuery } from "../http/query.ts";
import { filterNamesOf, readFilters } from "../../../sdk/src/documents/search-filters.ts";
import { IMPORT_KIND, transferStore } from "../storage/transfer-store.ts";
import type { StoredVersion } from "../storage/store.ts";
import { parseTransferRequest } from "../transfers/request.ts";
import { transferSummary, type ImportRecord, type TransferRecord } from "../transfers/transfer-record.ts";
import type { InboxOutcome } from "../transfers/inbox.ts";
import { mayReview, receiverKey, reviewQueueOf, type ImportReceiver } from "../transfers/receiver-tenancy.ts";
import { decideReview, parseReviewDecision } from "../transfers/review.ts";
import type { Handler } from "./resource-handlers.ts";
import { exportCtfSen, importCtfSen, CtfExportError } from "../../../sdk/src/ctf/index.ts";
import { documentErrors } from "../documents/check-document.ts";
import { extractSearchFacts } from "../documents/search-facts.ts";
import { classificationsOf, mergeClassifications } from "../transfers/ctf.ts";
import type { LegacyClassification } from "../../../sdk/generated/types.ts";
import { receiverIntegrationView } from "../transfers/acknowledgements.ts";
import { parseIntegrationRequest } from "../transfers/integration-request.ts";
import { dueDateOf } from "../transfers/acknowledgement-sweep.ts";

type Json = Record<string, unknown>;

/** The sender's view: everything but the bundle itself (downloadable separately). */
function senderView(t: TransferRecord): Json {
  return {
    ...transferSummary(t),
    direction: "outgoing",
    bundleDigest: t.bundleDigest,
    documents: t.documents,
    redactionCount: t.redactionCount,
    sharing: t.sharing,
    encrypted: t.encrypted,
    includeVersionHistory: t.includeVersionHistory,
    delivery: t.delivery,
    ...(t.receipt ? { receipt: t.receipt } : {}),
    ...(t.claimedBy ? { claimedBy: t.claimedBy } : {}),
    ...(t.integration ? { integrationAcknowledgement: t.integration.acknowledgement } : {}),
  };
}

const WORDS: Record<ImportRecord["decision"], string> = {
  accepted: "were accepted",
  rejected: "were not accepted",
  held: "are waiting to be checked by staff",
  declined: "were declined by staff",
};

/** A bundle this server imported (or holds for review), seen from the receiving side. */
function importView(r: ImportRecord): Json {
  const bundle = r.bundle as { manifest?: { sender?: { setting?: { name?: string; urn?: string } }; reason?: string } };
  const from = bundle.manifest?.sender?.setting?.name ?? "another setting";
  return {
    id: r.bundleId,
    direction: "incoming",
    ...(r.childId ? { childId: r.childId } : {}),
    status: r.decision,
    statusText:
      `Your child's records arrived from ${from} on ` +
      `${new Date(r.receivedAt).toLocaleDateString("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "Europe/London" })} ` +
      `and ${WORDS[r.decision]}.`,
    reason: bundle.manifest?.reason,
    timestamps: { received: r.receivedAt, [r.decision]: r.receivedAt },
    reasons: r.reasons,
    bundleDigest: r.digest,
    documents: r.documents,
    receipt: r.receipt,
    ...(r.review ? { review: reviewSummary(r) } : {}),
    ...(r.integration ? { integration: receiverIntegrationView(r.integration) } : {}),
  };
}

/** What a reviewer sees: the child as the bundle describes it and which identifiers matched; never whose record. */
function reviewSummary(r: ImportRecord): Json {
  const bundle = r.bundle as {
    documents?: { documentType?: string; id?: string; child?: unknown }[];
    manifest?: { sender?: unknown; reason?: string };
  };
  const review = r.review!;
  return {
    status: review.status,
    matchedIdentifiers: review.matchedIdentifiers,
    child: bundle.documents?.find((d) => d.child)?.child,
    sender: bundle.manifest?.sender,
    documents: (bundle.documents ?? []).map((d) => ({ documentType: d.documentType, id: d.id })),
    ...(review.decidedBy ? { decidedBy: review.decidedBy, decidedAt: review.decidedAt } : {}),
    ...(review.note ? { note: review.note } : {}),
  };
}

export function transferHandlers(deps: AppDeps): Record<string, Handler> {
  const { store } = deps;
  const svc = deps.transfers;
  const ts = transferStore(store);

  async function visibleChild(c: Context<AppEnv>, action: "read" | "export") {
    const childId = c.req.param("childId")!;
    const child = await store.get<Json>("child", childId);
    if (!child || !canSee(c.get("principal"), { tenant: child.tenant, childId })) {
      await audit(store, c, { action, kind: "child", resourceId: childId, childId, outcome: "denied" });
      throw notFound();
    }
    return child;
  }

  async function visibleTransfer(c: Context<AppEnv>, action: "read" | "export" | "import") {
    const id = c.req.param("id")!;
    const v = await ts.getTransfer<TransferRecord>(id);
    if (!v || !canSee(c.get("principal"), { tenant: v.tenant, childId: v.body.childId })) {
      await audit(store, c, { action, kind: "transfer", resourceId: id, outcome: "denied" });
      throw notFound();
    }
    return v;
  }

  const getTransferKeys: Handler = async (c) => {
    c.header("cache-control", "public, max-age=300");
    return c.json(await svc.jwks(), 200);
  };

  const createTransfer: Handler = async (c) => {
    const child = await visibleChild(c, "export");
    const { request, errors } = parseTransferRequest(c.get("body"));
    if (!request)
      throw new HttpProblem(
        "validation-failed",
        `The transfer request has ${errors.length} error(s); nothing was sent.`,
        { errors },
      );
    const p = c.get("principal");
    const stored = await svc.prepare({ principal: p, child, request, correlationId: c.get("correlationId") });
    await audit(store, c, {
      action: "export",
      kind: "transfer",
      resourceId: stored.id,
      version: stored.version,
      childId: child.id,
    });
    for (const d of stored.body.documents)
      await audit(store, c, { action: "export", kind: d.documentType as "isp", resourceId: d.id, childId: child.id });
    if (!stored.body.receiver.unknownDestination) void svc.deliver(stored.id);
    c.header("location", `/transfers/${stored.id}`);
    c.header("etag", stored.etag);
    return c.json(senderView(stored.body), 201);
  };

  const listChildTransfers: Handler = async (c) => {
    const child = await visibleChild(c, "read");
    const q = readQuery(c, ["limit", "cursor"]);
    const limit = parseLimit(q.limit);
    const cursor = parseCursor(q.cursor);
    const page = await ts.searchTransfers<TransferRecord>({
      childId: child.id,
      visibleTo: visibleTo(c.get("principal")),
      limit,
      ...(cursor ? { cursor } : {}),
    });
    const items: Json[] = page.items.map((v) => transferSummary(v.body));
    // Bundles that arrived for this child (first page only: there are few, and they are not paged with the sent ones).
    if (!cursor) {
      const incoming = await store.search<ImportRecord>({ kind: IMPORT_KIND, childId: child.id, limit: 50 });
      items.push(...incoming.items.map((v) => importView(v.body)));
    }
    await audit(store, c, { action: "read", kind: "transfer", resourceId: child.id, childId: child.id });
    const link = nextLink(c.req.url, page.nextCursor);
    if (link) c.header("link", link);
    return c.json({ items, ...(page.nextCursor ? { nextCursor: page.nextCursor } : {}) }, 200);
  };

  const listUnclaimedTransfers: Handler = async (c) => {
    const p = c.get("principal");
    const q = readQuery(c, [...filterNamesOf("transfer"), "limit", "cursor"]);
    if (!p.laCode)
      throw new HttpProblem(
        "forbidden",
        "Only a local authority (a token with la_code) can search the unclaimed queue.",
      );
    const filters = readFilters("transfer", q, invalidParameter);
    const cursor = parseCursor(q.cursor);
    const page = await ts.searchTransfers<TransferRecord>({
      status: "unclaimed",
      laCode: p.laCode,
      visibleTo: visibleTo(p),
      limit: parseLimit(q.limit),
      ...filters,
      ...(cursor ? { cursor } : {}),
    });
    const records = page.items.map((v) => ({
      action: "search" as const,
      kind: "transfer" as const,
      resourceId: v.id,
      childId: v.body.childId,
    }));
    await Promise.all(
      (records.length ? records : [{ action: "search" as const, kind: "transfer" as const }]).map((r) =>
        audit(store, c, r),
      ),
    );
    const link = nextLink(c.req.url, page.nextCursor);
    if (link) c.header("link", link);
    return c.json(
      {
        items: page.items.map((v) => transferSummary(v.body)),
        ...(page.nextCursor ? { nextCursor: page.nextCursor } : {}),
      },
      200,
    );
  };

  const getTransfer: Handler = async (c) => {
    const id = c.req.param("id")!;
    const p = c.get("principal");
    const v = await ts.getTransfer<TransferRecord>(id);
    if (v && canSee(p, { tenant: v.tenant, childId: v.body.childId })) {
      await audit(store, c, {
        action: "read",
        kind: "transfer",
        resourceId: id,
        version: v.version,
        childId: v.body.childId,
      });
      return c.json(p.role === "parent-carer" ? transferSummary(v.body) : senderView(v.body), 200);
    }
    const imported = await ts.getImport<ImportRecord>(id);
    if (imported && canSee(p, { tenant: imported.tenant, childId: imported.body.childId })) {
      await audit(store, c, { action: "read", kind: "transfer", resourceId: id, childId: imported.body.childId });
      return c.json(importView(imported.body), 200);
    }
    await audit(store, c, { action: "read", kind: "transfer", resourceId: id, outcome: "denied" });
    throw notFound();
  };

  const getTransferBundle: Handler = async (c) => {
    const v = await visibleTransfer(c, "export");
    await audit(store, c, {
      action: "export",
      kind: "transfer",
      resourceId: v.id,
      version: v.version,
      childId: v.body.childId,
    });
    return c.body(v.body.signedBundle, 200, { "content-type": "application/jose" });
  };

  const claimTransfer: Handler = async (c) => {
    const v = await visibleTransfer(c, "import");
    const p = c.get("principal");
    if (!p.laCode || p.laCode !== v.body.responsibleLaCode) {
      await audit(store, c, { action: "import", kind: "transfer", resourceId: v.id, outcome: "denied" });
      throw notFound();
    }
    if (!v.body.receiver.unknownDestination || v.body.status !== "sent") {
      throw new HttpProblem(
        "conflict",
        `This transfer is ${v.body.status}${v.body.receiver.unknownDestination ? "" : " to a named setting"}; ` +
          `only a bundle waiting in the unclaimed queue can be claimed.`,
      );
    }
    const { transfer, outcome } = await svc.claim(p, v as StoredVersion<TransferRecord>, c.get("correlationId"));
    await audit(store, c, { action: "import", kind: "transfer", resourceId: v.id, childId: v.body.childId });
    if (outcome.kind !== "accepted") {
      throw new HttpProblem("validation-failed", "The bundle could not be imported.", {
        errors: (outcome.kind === "rejected" ? outcome.reasons : []).map((r) => ({
          pointer: r.pointer ?? "",
          ruleId: r.code,
          message: r.message,
        })),
      });
    }
    return c.json(senderView(transfer.body), 200);
  };

  const receiveTransfer: Handler = async (c) => {
    const correlationId = c.get("correlationId");
    const type = (c.req.header("content-type") ?? "").split(";")[0]!.trim().toLowerCase();
    const text = await requestText(c);
    let input: unknown;
    if (type === "application/jose") input = text.trim();
    else if (type === "application/json" || type === "application/jose+json") {
      try {
        input = JSON.parse(text);
      } catch {
        throw new HttpProblem("malformed-json", "The body could not be parsed as JSON.");
      }
    } else {
      throw new HttpProblem(
        "unsupported-media-type",
        "Send the bundle as application/jose (compact JWS or JWE) or application/json (flattened JWS).",
        { headers: { "accept-post": "application/jose, application/json" } },
      );
    }
    const outcome: InboxOutcome = await svc.inbox.receive(input, { correlationId });
    switch (outcome.kind) {
      case "accepted":
        if (outcome.replayed) {
          await store.appendAudit({
            actor: { subject: `transfer-sender:${outcome.record.senderKid}`, role: "system-integration", tenant: {} },
            action: "import",
            kind: "transfer",
            resourceId: outcome.record.bundleId,
            childId: outcome.record.childId,
            correlationId,
            outcome: "allowed",
          });
        }
        // The same answer whether the bundle was imported or held for review: the sender learns that it arrived and
        // verified, never where it was filed or whether its child matched a record elsewhere on this server.
        return c.json(
          {
            bundleId: outcome.record.bundleId,
            decision: "accepted",
            receipt: outcome.record.receipt,
            replayed: outcome.replayed,
          },
          200,
        );
      case "conflict":
        throw new HttpProblem("conflict", outcome.detail);
      case "rejected": {
        const errors = outcome.reasons.map((r) => ({ pointer: r.pointer ?? "", ruleId: r.code, message: r.message }));
        const body = {
          ...problemBody(
            "validation-failed",
            `The bundle was rejected: ${outcome.reasons.map((r) => r.code).join(", ")}. Nothing was stored.`.slice(
              0,
              1000,
            ),
            correlationId,
            errors,
          ),
          ...(outcome.receipt ? { receipt: outcome.receipt } : {}),
        };
        return new Response(JSON.stringify(body), {
          status: 422,
          headers: { "content-type": "application/problem+json", "x-correlation-id": correlationId },
        });
      }
    }
  };

  const importCtf: Handler = async (c) => {
    const child = await visibleChild(c, "read");
    const p = c.get("principal");
    const type = (c.req.header("content-type") ?? "").split(";")[0]!.trim().toLowerCase();
    if (type !== "application/xml" && type !== "text/xml")
      throw new HttpProblem("unsupported-media-type", "Send the Common Transfer File as application/xml.", {
        headers: { "accept-post": "application/xml" },
      });
    const xml = await requestText(c);
    const parsed = importCtfSen(xml, { recordedAt: deps.clock().toISOString(), system: "Common Transfer File" });
    if (!parsed.ok)
      throw new HttpProblem("validation-failed", `The CTF has ${parsed.errors.length} error(s); nothing was stored.`, {
        errors: parsed.errors.slice(0, 100).map((e) => ({ pointer: e.path, ruleId: e.code, message: e.message })),
      });
    if (parsed.pupils.length !== 1)
      throw new HttpProblem("validation-failed", "Send the CTF SEN part of one pupil.", {
        errors: [{ pointer: "", ruleId: "ctf.one-pupil", message: `The file has ${parsed.pupils.length} pupils.` }],
      });
    const pupil = parsed.pupils[0]!;
    const childUpn = (
      ((child.body.child as Json | undefined)?.identifiers as Json | undefined)?.upn as string | undefined
    )?.toUpperCase();
    if (pupil.upn && childUpn && pupil.upn.toUpperCase() !== childUpn) {
      throw new HttpProblem("validation-failed", "The CTF is about another pupil.", {
        errors: [
          { pointer: "", ruleId: "ctf.upn-mismatch", message: `The file's UPN ${pupil.upn} is not this child's.` },
        ],
      });
    }
    const page = await store.search<Json>({
      kind: "development-profile",
      childId: child.id,
      visibleTo: visibleTo(p),
      limit: 100,
    });
    const profile = [...page.items].sort((x, y) => x.provenance.at.localeCompare(y.provenance.at)).at(-1);
    if (!profile)
      throw new HttpProblem(
        "conflict",
        "The child has no areas-of-development profile to keep the CTF SEN history in; create one first.",
      );
    const existing = (
      Array.isArray(profile.body.legacyClassifications) ? profile.body.legacyClassifications : []
    ) as LegacyClassification[];
    const { merged, added, skipped } = mergeClassifications(existing, pupil.classifications);
    let version = profile.version;
    if (added > 0) {
      const body = { ...profile.body, legacyClassifications: merged };
      const errors = documentErrors(deps.validate, body, "development-profile");
      if (errors.length > 0)
        throw new HttpProblem(
          "validation-failed",
          "The profile with the CTF history added is not valid; nothing was stored.",
          { errors },
        );
      const actor = {
        subject: p.subject,
        role: p.role,
        ...(p.system ? { system: p.system } : {}),
        tenant: { ...(p.settingUrn ? { settingUrn: p.settingUrn } : {}), ...(p.laCode ? { laCode: p.laCode } : {}) },
      };
      const stored = await store.update(
        "development-profile",
        profile.id,
        profile.version,
        body,
        extractSearchFacts(body),
        profile.tenant,
        { actor, reason: "SEN history imported from a Common Transfer File", correlationId: c.get("correlationId") },
      );
      version = stored.version;
    }
    await audit(store, c, {
      action: "import",
      kind: "development-profile",
      resourceId: profile.id,
      version,
      childId: child.id,
    });
    return c.json(
      { profileId: profile.id, version, added, skipped, suggestions: pupil.suggestions, warnings: pupil.warnings },
      200,
    );
  };

  const exportCtf: Handler = async (c) => {
    const child = await visibleChild(c, "export");
    const p = c.get("principal");
    const documents: unknown[] = [];
    for (const kind of ["development-profile", "legacy-ehcp"] as const) {
      const page = await store.search({ kind, childId: child.id, visibleTo: visibleTo(p), limit: 100 });
      documents.push(...page.items.map((v) => v.body));
    }
    let xml: string;
    try {
      xml = exportCtfSen(classificationsOf(documents), deps.clock().toISOString().slice(0, 10));
    } catch (err) {
      if (err instanceof CtfExportError) throw new HttpProblem("conflict", err.message);
      throw err;
    }
    await audit(store, c, { action: "export", kind: "child", resourceId: child.id, childId: child.id });
    return c.body(xml, 200, { "content-type": "application/xml; charset=utf-8" });
  };

  const listTransferReviews: Handler = async (c) => {
    const p = c.get("principal");
    const q = readQuery(c, ["limit", "cursor"]);
    const limit = parseLimit(q.limit);
    const cursor = parseCursor(q.cursor);
    const queue = reviewQueueOf(p);
    // Only the receiving setting's (or LA's) own staff have a queue; anyone else's is empty.
    const page = queue
      ? await ts.searchImports<ImportRecord>({
          status: `held:${receiverKey(queue)}`,
          visibleTo: visibleTo(p),
          limit,
          ...(cursor ? { cursor } : {}),
        })
      : { items: [] as StoredVersion<ImportRecord>[] };
    const items = page.items.filter((v) => mayReview(p, v.body.receiver as ImportReceiver));
    await Promise.all(
      (items.length
        ? items.map((v) => ({ action: "search" as const, kind: "transfer" as const, resourceId: v.id }))
        : [{ action: "search" as const, kind: "transfer" as const }]
      ).map((r) => audit(store, c, r)),
    );
    const next = "nextCursor" in page ? page.nextCursor : undefined;
    const link = nextLink(c.req.url, next);
    if (link) c.header("link", link);
    return c.json({ items: items.map((v) => importView(v.body)), ...(next ? { nextCursor: next } : {}) }, 200);
  };

  const decideTransferReview: Handler = async (c) => {
    const id = c.req.param("id")!;
    const p = c.get("principal");
    const held = await ts.getImport<ImportRecord>(id);
    if (!held?.body.review || !mayReview(p, held.body.receiver as ImportReceiver)) {
      await audit(store, c, { action: "import", kind: "transfer", resourceId: id, outcome: "denied" });
      throw notFound();
    }
    const decision = parseReviewDecision(c.get("body"));
    if (held.body.review.status !== "pending")
      throw new HttpProblem("conflict", `This bundle was already reviewed (${held.body.review.status}).`);
    const record = await decideReview(store, held, { principal: p, decision, correlationId: c.get("correlationId") });
    await audit(store, c, {
      action: "import",
      kind: "transfer",
      resourceId: id,
      ...(record.childId ? { childId: record.childId } : {}),
      outcome: decision.decision === "import-as-new-child" ? "allowed" : "denied",
    });
    return c.json(importView(record), 200);
  };

  const recordTransferIntegration: Handler = async (c) => {
    const id = c.req.param("id")!;
    const p = c.get("principal");
    const received = await ts.getImport<ImportRecord>(id);
    // Only the receiving setting's (or LA's) own staff record integration; anyone else learns nothing (404).
    if (!received || !mayReview(p, received.body.receiver as ImportReceiver)) {
      await audit(store, c, { action: "update", kind: "transfer", resourceId: id, outcome: "denied" });
      throw notFound();
    }
    const request = parseIntegrationRequest(c.get("body"));
    const record = await svc.acknowledgements.record(received, p, request, c.get("correlationId"));
    await audit(store, c, {
      action: "update",
      kind: "transfer",
      resourceId: id,
      ...(record.childId ? { childId: record.childId } : {}),
    });
    return c.json(importView(record), 202);
  };

  const receiveIntegrationAcknowledgement: Handler = async (c) => {
    const correlationId = c.get("correlationId");
    const type = (c.req.header("content-type") ?? "").split(";")[0]!.trim().toLowerCase();
    if (type !== "application/jose")
      throw new HttpProblem("unsupported-media-type", "Send the acknowledgement as application/jose (a compact JWS).", {
        headers: { "accept-post": "application/jose" },
      });
    const text = (await requestText(c)).trim();
    const outcome = await svc.acknowledgements.accept(text, correlationId);
    switch (outcome.kind) {
      case "recorded":
        return c.json(
          { bundleId: outcome.transfer.id, status: outcome.transfer.body.status, replayed: outcome.replayed },
          200,
        );
      case "not-found":
        await store.appendAudit({
          actor: { subject: "transfer-acknowledgement", role: "system-integration", tenant: {} },
          action: "import",
          kind: "transfer",
          resourceId: outcome.bundleId,
          correlationId,
          outcome: "denied",
        });
        throw new HttpProblem("not-found", "This server sent no transfer with that bundle id.");
      case "conflict":
        throw new HttpProblem("conflict", outcome.detail);
      case "rejected":
        await store.appendAudit({
          actor: { subject: "transfer-acknowledgement", role: "system-integration", tenant: {} },
          action: "import",
          kind: "transfer",
          correlationId,
          outcome: "denied",
        });
        throw new HttpProblem(
          "validation-failed",
          `The acknowledgement was refused: ${outcome.reasons.map((r) => r.code).join(", ")}. Nothing was changed.`.slice(
            0,
            1000,
          ),
          { errors: outcome.reasons.map((r) => ({ pointer: r.pointer ?? "", ruleId: r.code, message: r.message })) },
        );
    }
  };

  const listEscalatedTransfers: Handler = async (c) => {
    const p = c.get("principal");
    const q = readQuery(c, ["asOf", "limit", "cursor"]);
    if (!p.laCode)
      throw new HttpProblem("forbidden", "Only a local authority (a token with la_code) can list escalated transfers.");
    const asOf = q.asOf === undefined ? svc.now() : new Date(q.asOf);
    if (Number.isNaN(asOf.getTime())) throw invalidParameter("/query/asOf", "asOf must be a date-time.");
    const cursor = parseCursor(q.cursor);
    // Accepted transfers of the LA's children, then those overdue at asOf: a page may hold fewer than `limit`.
    const page = await ts.searchTransfers<TransferRecord>({
      status: "accepted",
      laCode: p.laCode,
      visibleTo: visibleTo(p),
      limit: parseLimit(q.limit),
      ...(cursor ? { cursor } : {}),
    });
    const late = page.items.filter((v) => svc.overdue(v.body, asOf));
    await Promise.all(
      (late.length
        ? late.map((v) => ({
            action: "search" as const,
            kind: "transfer" as const,
            resourceId: v.id,
            childId: v.body.childId,
          }))
        : [{ action: "search" as const, kind: "transfer" as const }]
      ).map((r) => audit(store, c, r)),
    );
    const link = nextLink(c.req.url, page.nextCursor);
    if (link) c.header("link", link);
    return c.json(
      {
        items: late.map((v) => {
          const received = v.body.timestamps.received ?? v.body.timestamps.accepted;
          return {
            ...transferSummary(v.body),
            integrationDueBy: v.body.integrationDueBy ?? (received ? dueDateOf(svc.config, received) : undefined),
          };
        }),
        ...(page.nextCursor ? { nextCursor: page.nextCursor } : {}),
      },
      200,
    );
  };

  return {
    recordTransferIntegration,
    receiveIntegrationAcknowledgement,
    listEscalatedTransfers,
    importCtf,
    exportCtf,
    getTransferKeys,
    createTransfer,
    listChildTransfers,
    listUnclaimedTransfers,
    getTransfer,
    getTransferBundle,
    claimTransfer,
    receiveTransfer,
    listTransferReviews,
    decideTransferReview,
  };
}
