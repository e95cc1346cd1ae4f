// The provenance members a server maintains on every update (PUT, voice contribution): `updatedAt` is when the server
// wrote the version and `changeReason` is the request's Change-Reason, whatever the body said. Without this, a stored
// document's own provenance kept the values of the version it was edited from, contradicting the server's version
// history. One implementation for the reference server and the SDK's msw mock.

/** Members of `provenance` a server sets on update; a read-back comparison treats them as the server's. */
export const SERVER_MAINTAINED_PROVENANCE = ["updatedAt", "changeReason"] as const;

/** The document with provenance.updatedAt = `at` and provenance.changeReason = `reason`. The caller's object is not
 *  changed; a body without a provenance object is returned as it is (directory records have none; validation reports
 *  a document that lacks it). */
export function withServerProvenance(body: unknown, at: Date, reason: string): unknown {
  if (body === null || typeof body !== "object" || Array.isArray(body)) return body;
  const prov = (body as Record<string, unknown>).provenance;
  if (prov === null || typeof prov !== "object" || Array.isArray(prov)) return body;
  return { ...body, provenance: { ...prov, updatedAt: at.toISOString(), changeReason: reason } };
}
