// The provenance members a server maintains on every update (PUT, voice contribution): `updatedAt` is when the server
// wrote the version and `changeReason` is the request's Change-Reason, whatever the body said. Without this, a stored
// document's own provenance kept the values of the version it was edited from, contradicting the server's version
// history. One implementation for the reference server and the SDK's msw mock.
//
// Provenance never goes backwards: updatedAt is the server's time of the write, or the document's createdAt or the
// stored version's updatedAt when one of those is later (a server whose clock is behind the record's own dates, such as
// the worked examples dated 2029-2030, must not date a change before the record it changes; the quality rules judge
// codes at that date).

/** Members of `provenance` a server sets on update; a read-back comparison treats them as the server's. */
export const SERVER_MAINTAINED_PROVENANCE = ["updatedAt", "changeReason"] as const;

type JsonObject = Record<string, unknown>;

const isObject = (v: unknown): v is JsonObject => v !== null && typeof v === "object" && !Array.isArray(v);

function instant(value: unknown): number | undefined {
  if (typeof value !== "string") return undefined;
  const t = Date.parse(value);
  return Number.isNaN(t) ? undefined : t;
}

/** The instant an update written at `now` records: `now`, unless the record's own dates are later. */
export function updateInstant(now: Date, body: unknown, stored: unknown): string {
  const prov = (doc: unknown): JsonObject => (isObject(doc) && isObject(doc.provenance) ? doc.provenance : {});
  const floor = [instant(prov(body).createdAt), instant(prov(stored).updatedAt), instant(prov(stored).createdAt)];
  const latest = Math.max(now.getTime(), ...floor.filter((t): t is number => t !== undefined));
  return new Date(latest).toISOString();
}

/** The document with provenance.updatedAt = updateInstant(now, body, stored) and provenance.changeReason = `reason`.
 *  The caller's object is not changed; a body without a provenance object is returned as it is (directory records
 *  have none; validation reports a document that lacks it). */
export function withServerProvenance(body: unknown, now: Date, reason: string, stored?: unknown): unknown {
  if (!isObject(body) || !isObject(body.provenance)) return body;
  const updatedAt = updateInstant(now, body, stored);
  return { ...body, provenance: { ...body.provenance, updatedAt, changeReason: reason } };
}
