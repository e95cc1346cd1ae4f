// POST /$validate: any document type, answered with the report; nothing is stored. The audit records that a
// validation happened (who, when, which document type), never the document.
import type { AppDeps } from "../deps.ts";
import { audit } from "../audit/audit-event.ts";
import type { AuditRecord } from "../storage/store.ts";
import type { Handler } from "./resource-handlers.ts";

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
    return c.json(
      { valid: result.valid, documentType: result.documentType, errors: result.errors, findings: result.findings },
      200,
    );
  };
}
