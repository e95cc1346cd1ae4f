// Shapes of the code-list and crosswalk files (schemas/vocab.schema.json, schemas/crosswalk.schema.json).

export type CodeStatus = "active" | "proposed" | "legacy" | "history-only";

export interface CodeEntry {
  code: string;
  label: string;
  /** The code in plain English for parents and children (no jargon, no acronyms); views show it to families. */
  familyLabel: string;
  definition: string;
  /** First day (inclusive) the code may describe a current state; null = no known start. */
  validFrom: string | null;
  /** Last day (inclusive) the code may describe a current state; null = still in use. */
  validTo: string | null;
  status?: CodeStatus;
  /** D:NNN, a named external source, or "SEND Interchange design" for codes of the standard's own design. */
  source: string;
  parent?: string | null;
  note?: string;
}

export interface CodeList {
  id: string;
  defName: string;
  title: string;
  description: string;
  version: string;
  source: string;
  external?: boolean;
  generateEnum?: boolean;
  note?: string;
  /** Where the parent codes live when they are not in this list (area-sub-components -> areas-of-development). */
  parentList?: string;
  codes: CodeEntry[];
}

export interface CrosswalkLinkEntry {
  from: string;
  to: string;
  strength: "primary" | "partial";
  needsProfessionalReview: boolean;
  note: string;
  source?: string;
}

export interface CrosswalkUnmappedEntry {
  from: string;
  reason: string;
  source?: string;
}

export interface Crosswalk {
  id: string;
  title: string;
  description: string;
  version: string;
  source: string;
  fromList: string;
  toList: string;
  links: CrosswalkLinkEntry[];
  unmapped: CrosswalkUnmappedEntry[];
}
