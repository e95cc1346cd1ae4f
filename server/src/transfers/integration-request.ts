// The receiving staff's integration record `{ outcome, reason?, note? }`: codes from the integration-outcomes and
// not-integrated-reasons code lists; a reason exactly when not integrated. Pure.
import integrationOutcomes from "../../../schemas/vocab/integration-outcomes.json" with { type: "json" };
import notIntegratedReasons from "../../../schemas/vocab/not-integrated-reasons.json" with { type: "json" };
import { HttpProblem } from "../http/problems.ts";
import type { IntegrationRequest } from "./acknowledgements.ts";

const OUTCOMES = new Set(integrationOutcomes.codes.map((c) => c.code));
const REASONS = new Set(notIntegratedReasons.codes.map((c) => c.code));
const isObj = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === "object" && !Array.isArray(v);

export function parseIntegrationRequest(body: unknown): IntegrationRequest {
  const errors: { pointer: string; ruleId: string; message: string }[] = [];
  const err = (pointer: string, message: string) =>
    errors.push({ pointer, ruleId: "api.transfer-integration", message });
  if (!isObj(body)) err("", "Send an object { outcome, reason?, note? }.");
  else {
    for (const k of Object.keys(body))
      if (!["outcome", "reason", "note"].includes(k)) err(`/${k}`, `Unknown member ${k}.`);
    if (typeof body.outcome !== "string" || !OUTCOMES.has(body.outcome))
      err("/outcome", `outcome is one of ${[...OUTCOMES].join(", ")} (code list integration-outcomes).`);
    if (body.outcome === "not-integrated" && body.reason === undefined)
      err("/reason", "A plan not taken into use needs a reason (code list not-integrated-reasons).");
    if (body.outcome === "integrated" && body.reason !== undefined)
      err("/reason", "An integrated plan takes no reason.");
    if (body.reason !== undefined && (typeof body.reason !== "string" || !REASONS.has(body.reason)))
      err("/reason", `reason is one of ${[...REASONS].join(", ")} (code list not-integrated-reasons).`);
    if (body.note !== undefined && (typeof body.note !== "string" || body.note.length === 0 || body.note.length > 2000))
      err("/note", "note is text of 1 to 2000 characters.");
  }
  if (errors.length > 0 || !isObj(body))
    throw new HttpProblem("validation-failed", "The integration record is not valid; nothing was recorded.", {
      errors,
    });
  return {
    outcome: body.outcome as IntegrationRequest["outcome"],
    ...(typeof body.reason === "string" ? { reason: body.reason } : {}),
    ...(typeof body.note === "string" ? { note: body.note } : {}),
  };
}
