// Server-assigned record ids (spec/decisions/q-dig-11-record-ids.md). POST to a collection of personal records
// (children, plans, profiles) never uses an id the client proposes: the server gives the record a fresh random UUID,
// so a create answers the same whether or not some record, visible to the caller or not, already has that id. One
// implementation for the reference server and the SDK's msw mock.

/** The body as stored under `id`: the record's own `id` set to it and, for a child directory record, the child's
 *  `personId` too (plans name the child by it). The caller's object is not changed; anything not an object is
 *  returned as it is, for validation to report. */
export function withAssignedId(body: unknown, id: string, childRecord: boolean): unknown {
  if (body === null || typeof body !== "object" || Array.isArray(body)) return body;
  const out: Record<string, unknown> = { ...(body as Record<string, unknown>), id };
  const child = out.child;
  if (childRecord && child !== null && typeof child === "object" && !Array.isArray(child))
    out.child = { ...(child as Record<string, unknown>), personId: id };
  return out;
}

/** A fresh record id: a random (version 4) UUID, lower case. */
export function newRecordId(): string {
  return globalThis.crypto.randomUUID();
}

/** The child a document names (`child.personId`), lower case: UUIDs compare without regard to letter case. */
export function referencedChildId(body: unknown): string | undefined {
  if (body === null || typeof body !== "object" || Array.isArray(body)) return undefined;
  const child = (body as Record<string, unknown>).child;
  if (child === null || typeof child !== "object" || Array.isArray(child)) return undefined;
  const id = (child as Record<string, unknown>).personId;
  return typeof id === "string" ? id.toLowerCase() : undefined;
}
