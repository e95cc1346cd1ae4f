// The receiver's review of a held bundle (one whose child matched a record outside the receiver's tenancy): import
// it as a NEW child record in the receiver's own tenancy (never merged into the matched record, which stays exactly
// as it is), or decline it. One transaction; the decision is a new version of the import record (who, when, why),
// and a second decision loses the version race (409).
import type { TransferBundle } from "../../../sdk/src/bundle/index.ts";
import type { Principal } from "../auth/principal.ts";
import { HttpProblem } from "../http/problems.ts";
import type { Actor, Store, StoredVersion } from "../storage/store.ts";
import { transferStore } from "../storage/transfer-store.ts";
import { importBundle, importFacts } from "./import-bundle.ts";
import { receiverOnlyTenant, type ImportReceiver } from "./receiver-tenancy.ts";
import type { ImportRecord, ImportReview } from "./transfer-record.ts";

export interface ReviewDecision {
  decision: "import-as-new-child" | "decline";
  note?: string;
}

const isObj = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === "object" && !Array.isArray(v);

/** The request body `{ decision, note? }`, or a 422 naming what is wrong. */
export function parseReviewDecision(body: unknown): ReviewDecision {
  const errors: { pointer: string; ruleId: string; message: string }[] = [];
  if (!isObj(body))
    errors.push({ pointer: "", ruleId: "api.transfer-review", message: "Send an object { decision, note? }." });
  else {
    for (const k of Object.keys(body))
      if (k !== "decision" && k !== "note")
        errors.push({ pointer: `/${k}`, ruleId: "api.transfer-review", message: `Unknown member ${k}.` });
    if (body.decision !== "import-as-new-child" && body.decision !== "decline")
      errors.push({
        pointer: "/decision",
        ruleId: "api.transfer-review",
        message: 'decision is "import-as-new-child" or "decline".',
      });
    if (body.note !== undefined && (typeof body.note !== "string" || body.note.length === 0 || body.note.length > 1000))
      errors.push({
        pointer: "/note",
        ruleId: "api.transfer-review",
        message: "note is text of 1 to 1000 characters.",
      });
  }
  if (errors.length > 0 || !isObj(body))
    throw new HttpProblem("validation-failed", "The review decision is not valid; nothing was changed.", { errors });
  return {
    decision: body.decision as ReviewDecision["decision"],
    ...(typeof body.note === "string" ? { note: body.note } : {}),
  };
}

export async function decideReview(
  store: Store,
  held: StoredVersion<ImportRecord>,
  opts: { principal: Principal; decision: ReviewDecision; correlationId: string },
): Promise<ImportRecord> {
  const p = opts.principal;
  const actor: Actor = {
    subject: p.subject,
    role: p.role,
    ...(p.system ? { system: p.system } : {}),
    tenant: { ...(p.settingUrn ? { settingUrn: p.settingUrn } : {}), ...(p.laCode ? { laCode: p.laCode } : {}) },
  };
  const at = new Date().toISOString();
  const review: ImportReview = {
    ...held.body.review!,
    status: opts.decision.decision === "decline" ? "declined" : "imported",
    decidedBy: { subject: p.subject, role: p.role },
    decidedAt: at,
    ...(opts.decision.note ? { note: opts.decision.note } : {}),
  };
  const receiver = held.body.receiver as ImportReceiver;
  const bundle = held.body.bundle as TransferBundle;
  return store.transaction(async (tx) => {
    if (opts.decision.decision === "decline") {
      const record: ImportRecord = { ...held.body, decision: "declined", review };
      const prov = {
        actor,
        reason: `Review: declined${opts.decision.note ? `: ${opts.decision.note}` : ""}`.slice(0, 1000),
        correlationId: opts.correlationId,
      };
      await transferStore(tx).updateImport(
        held.id,
        held.version,
        record,
        importFacts(record, bundle),
        receiverOnlyTenant(receiver),
        prov,
      );
      return record;
    }
    if (!bundle || !Array.isArray(bundle.documents))
      throw new HttpProblem("conflict", "The held bundle cannot be read back; it was not imported.");
    return importBundle(tx, {
      bundle,
      digest: held.body.digest,
      senderKid: held.body.senderKid,
      receipt: held.body.receipt,
      receivedAt: held.body.receivedAt,
      receiver,
      actor,
      correlationId: opts.correlationId,
      recordKey: held.id,
      held: { version: held.version, review },
    });
  });
}
