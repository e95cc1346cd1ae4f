// The optional features an implementation may declare (capabilities.features). config.schema.json's enum is generated
// from this list by `npm run generate`, so the schema and the suite cannot disagree.
export const FEATURES = [
  "audit",
  "voice",
  "agreements",
  "validate-endpoint",
  "governance-sample",
  "rate-limit",
  "encrypted-bundles",
  "trust-anchor",
] as const;

export type Feature = (typeof FEATURES)[number];
