// What validation returns. A schema problem and a quality-rule finding share one shape, so tools print both alike.
import type { Finding } from "../rules/finding.ts";

/** `{ ruleId, severity, pointer, message }`: schema errors use ruleId `schema.<keyword>`, `json.parse`, `schema.document-type`… */
export type Issue = Finding;

export interface ValidationResult {
  /** No errors and no finding of severity "error". */
  valid: boolean;
  /** The document's `documentType` when it is a string, else null. */
  documentType: string | null;
  /** The document's `schemaVersion` when it is a string, else null. */
  schemaVersion: string | null;
  /** Problems that stop the document being read as the standard: JSON, type, version, schema. */
  errors: Issue[];
  /** Quality-rule findings; only produced for schema-valid documents. */
  findings: Finding[];
}
