// Writes a child's current SEN status as a CTF SEN block (<SENhistory> with one <SEN> episode and its ranked
// <SENneeds>), CTF 17+ element names. Historic codes S/A/P are never written as current status.
import { XMLBuilder } from "fast-xml-parser";
import type { LegacyClassification } from "../../generated/types.ts";

export class CtfExportError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "CtfExportError";
  }
}

/** The classification in force on `asOf` (YYYY-MM-DD): the latest whose dates contain it. */
export function currentClassification(
  records: readonly LegacyClassification[],
  asOf: string,
): LegacyClassification | undefined {
  return [...records]
    .filter(
      (r) =>
        (r.effectiveFrom === undefined || r.effectiveFrom <= asOf) &&
        (r.effectiveTo === undefined || r.effectiveTo >= asOf),
    )
    .sort((a, b) => ((a.effectiveFrom ?? "") < (b.effectiveFrom ?? "") ? -1 : 1))
    .at(-1);
}

export function exportCtfSen(records: readonly LegacyClassification[], asOf: string): string {
  const current = currentClassification(records, asOf);
  if (current === undefined) throw new CtfExportError(`No SEN classification is in force on ${asOf}.`);
  if (!["E", "K", "N"].includes(current.senProvision))
    throw new CtfExportError(
      `Provision ${current.senProvision} is a historic code and cannot be exported as current SEN status.`,
    );
  if (current.effectiveFrom === undefined)
    throw new CtfExportError("The current classification has no effectiveFrom date; CTF SEN needs a StartDate.");
  const needs = current.senProvision === "N" ? [] : [...(current.senTypes ?? [])].sort((a, b) => a.rank - b.rank);
  const block: Record<string, unknown> = {
    SEN: [{ StartDate: current.effectiveFrom, SENprovision: current.senProvision }],
  };
  if (needs.length > 0)
    block["SENneeds"] = { SENneed: needs.map((n) => ({ SENtypeRank: String(n.rank), SENtype: n.code })) };
  const builder = new XMLBuilder({ format: true, indentBy: "  ", suppressEmptyNode: true });
  return builder.build({ SENhistory: block }) as string;
}
