// POST /$validate: any document type, answered with the report; nothing is stored. The audit records that a
// validation happened (who, when, which document type), never the document.
import type { AppDeps } from "../deps.ts";
import { actorOf, audit } from "../audit/audit-event.ts";
import type { AuditRecord } from "../storage/store.ts";
import type { Handler } from "./resource-handlers.ts";
import { hasFault } from "../faults/index.ts";
import { RESOURCES } from "./resources.ts";

const AUDIT_KINDS = new Set(["isp", "ehcp", "legacy-ehcp", "development-profile", "spp"]);

function auditKindOf(documentType: string | null): AuditRecord["kind"] {
  if (documentType && AUDIT_KINDS.has(documentType)) return documentType as AuditRecord["kind"];
  if (documentType === "transfer-bundle" || documentType === "transfer-receipt") return "transfer";
  return "audit"; // unknown or missing type: the event is about the validation service itself
}

export function validateHandler(deps: AppDeps): Handler {
  return async (c) => {
    const result = deps.validate(c.get("body"));
    await audit(deps.store, c, { action: "validate", kind: auditKindOf(result.documentType) });
    if (result.valid && hasFault(deps, "validate-stores-document")) await storeAnyway(deps, c, result.documentType);
    return c.json(
      { valid: result.valid, documentType: result.documentType, errors: result.errors, findings: result.findings },
      200,
    );
  };
}

/** Fault (conformance self-test only): a "validate" that also files the document under the caller. */
async function storeAnyway(deps: AppDeps, c: Parameters<Handler>[0], documentType: string | null): Promise<void> {
  const cfg = documentType && documentType in RESOURCES ? RESOURCES[documentType as keyof typeof RESOURCES] : undefined;
  const body = c.get("body");
  const id = cfg?.idOf(body);
  if (!cfg || !id) return;
  const p = c.get("principal");
  const tenant = { ...(p.settingUrn ? { settingUrn: p.settingUrn } : {}), ...(p.laCode ? { laCode: p.laCode } : {}) };
  await deps.store.create(cfg.kind, id, body, cfg.factsOf(body, id), tenant, {
    actor: actorOf(p),
    reason: "validated",
    correlationId: c.get("correlationId"),
  });
}
