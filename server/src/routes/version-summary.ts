// One entry of a `…/versions` listing (spec: VersionSummary): which version, its validator, and its provenance
// (who, role, system, when, why).
import type { StoredVersion } from "../storage/store.ts";

export interface VersionSummary {
  version: number;
  etag: string;
  recordedAt: string;
  recordedBy: { subject: string; role: string; system?: string };
  reason?: string;
  status?: string;
  correlationId: string;
}

export function versionSummary(v: StoredVersion): VersionSummary {
  const recordedBy: VersionSummary["recordedBy"] = {
    subject: v.provenance.actor.subject,
    role: v.provenance.actor.role,
  };
  if (v.provenance.actor.system) recordedBy.system = v.provenance.actor.system;
  const summary: VersionSummary = {
    version: v.version,
    etag: v.etag,
    recordedAt: v.provenance.at,
    recordedBy,
    correlationId: v.provenance.correlationId,
  };
  if (v.provenance.reason) summary.reason = v.provenance.reason;
  if (v.status) summary.status = v.status;
  return summary;
}
