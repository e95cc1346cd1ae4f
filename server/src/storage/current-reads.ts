// Audited reads of current versions, several in ONE statement. A read of personal data is only answered together
// with its audit record; on PGlite one statement costs far more than one more row in it, so the reads that arrive
// in one turn of the event loop (every request whose bytes were ready together) are gathered and sent as one
// statement at the end of that turn (setImmediate), and reads that arrive while a statement runs go in the next.
// PGlite runs a statement synchronously on this thread, so without waiting for the turn's end each read would
// start alone before the next request had even been parsed. The wait is the rest of the current turn, not a timer.
import type { Db, Row } from "./db.ts";
import { isoInstant } from "./search-sql.ts";
import type { AuditRecord, ResourceKind } from "./store.ts";

export interface AuditedRead {
  kind: ResourceKind;
  id: string;
  /** The version the caller judged access on (and holds); the audit record is appended only if it is current. */
  expected: number;
  audit: AuditRecord;
}

/** The current version's row (body and provenance NULL when it is the expected version) and `audited`. */
export type AuditedRow = Row & { audited: boolean };

const AUDIT_COLUMNS =
  "actor_subject, actor_role, actor_system, actor_setting_urn, actor_la_code, action, kind, resource_id, version, child_id, correlation_id, outcome";

/** Every value is an array with one element per read, so the statement text (and its prepared plan) is the same for
 *  any number of reads. Audit rows are inserted in the order of the reads. */
const SQL = `WITH req AS (
    SELECT * FROM unnest($1::text[], $2::text[], $3::int[]) WITH ORDINALITY AS r(kind, id, expected, ord)
  ),
  cur AS (
    SELECT req.ord, req.expected, v.kind, v.id, v.version, v.etag, v.tenant_setting_urn, v.tenant_la_code, v.status,
      ${isoInstant("v.created_at")} AS at,
      CASE WHEN v.version = req.expected THEN NULL ELSE v.body::text END AS body,
      CASE WHEN v.version = req.expected THEN NULL ELSE v.provenance::text END AS provenance
    FROM req JOIN resource_versions v ON v.kind = req.kind AND v.id = req.id
      AND v.version = (SELECT max(m.version) FROM resource_versions m WHERE m.kind = req.kind AND m.id = req.id)
  ),
  logged AS (
    INSERT INTO audit_log (${AUDIT_COLUMNS})
    SELECT a.actor_subject, a.actor_role, a.actor_system, a.actor_setting_urn, a.actor_la_code, a.action, a.kind,
      a.resource_id, a.version, a.child_id, a.correlation_id, a.outcome
    FROM unnest($4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[], $11::text[],
                $12::int[], $13::text[], $14::text[], $15::text[])
      WITH ORDINALITY AS a(actor_subject, actor_role, actor_system, actor_setting_urn, actor_la_code, action, kind,
                           resource_id, version, child_id, correlation_id, outcome, ord)
    JOIN cur ON cur.ord = a.ord AND cur.version = cur.expected
    ORDER BY a.ord
  )
  SELECT cur.*, cur.version = cur.expected AS audited FROM cur`;

/** Runs the reads in one statement; the answer for each read, in order (undefined: no such resource). */
export async function runAuditedReads(db: Db, reads: readonly AuditedRead[]): Promise<(AuditedRow | undefined)[]> {
  const column = <T>(f: (r: AuditedRead) => T): T[] => reads.map(f);
  const params = [
    column((r) => r.kind),
    column((r) => r.id),
    column((r) => r.expected),
    column((r) => r.audit.actor.subject),
    column((r) => r.audit.actor.role),
    column((r) => r.audit.actor.system ?? null),
    column((r) => r.audit.actor.tenant.settingUrn ?? null),
    column((r) => r.audit.actor.tenant.laCode ?? null),
    column((r) => r.audit.action),
    column((r) => r.audit.kind),
    column((r) => r.audit.resourceId ?? null),
    column((r) => r.expected), // the audit record names the version read
    column((r) => r.audit.childId ?? null),
    column((r) => r.audit.correlationId),
    column((r) => r.audit.outcome),
  ];
  const { rows } = await db.query<AuditedRow>(SQL, params);
  const answers: (AuditedRow | undefined)[] = new Array(reads.length).fill(undefined);
  for (const row of rows) answers[Number(row.ord) - 1] = row;
  return answers;
}

interface Pending {
  read: AuditedRead;
  resolve: (row: AuditedRow | undefined) => void;
  reject: (err: unknown) => void;
}

/**
 * A function that runs one audited read, gathering reads that arrive while `db` is busy into one statement. At most
 * `db.parallelism` statements are in flight (PGlite runs one at a time; a pg pool several), and at most `maxBatch`
 * reads go in one statement. If a statement fails, every read in it fails with that error.
 */
export function auditedReadBatcher(db: Db, maxBatch = 64): (read: AuditedRead) => Promise<AuditedRow | undefined> {
  const queue: Pending[] = [];
  let inFlight = 0;
  let scheduled = false;
  const schedule = (): void => {
    if (scheduled) return;
    scheduled = true;
    setImmediate(() => {
      scheduled = false;
      pump();
    });
  };
  const pump = (): void => {
    while (inFlight < db.parallelism && queue.length > 0) {
      const batch = queue.splice(0, maxBatch);
      inFlight++;
      runAuditedReads(
        db,
        batch.map((p) => p.read),
      )
        .then(
          (answers) => batch.forEach((p, i) => p.resolve(answers[i])),
          (err: unknown) => batch.forEach((p) => p.reject(err)),
        )
        .finally(() => {
          inFlight--;
          if (queue.length > 0) schedule();
        });
    }
  };
  return (read) =>
    new Promise((resolve, reject) => {
      queue.push({ read, resolve, reject });
      schedule();
    });
}
