// What a rule may know besides the document: the SPP catalogue (to check citations) and "today" (for overdue checks).
// Rules stay pure: everything time- or catalogue-dependent comes in here, never from the clock or the network.

export interface SppCatalogueEntry {
  id: string;
  version: string;
  /** SPP status (spp-statuses): draft, consultation, published, retired ("superseded", "withdrawn" count as retired). */
  status: string;
}

export interface RuleContext {
  sppCatalogue?: readonly SppCatalogueEntry[];
  /** YYYY-MM-DD; without it, checks that depend on the current date are skipped. */
  today?: string;
}
