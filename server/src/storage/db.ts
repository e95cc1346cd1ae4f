// The tiny database interface the SQL store is written against. Two drivers implement it: PGlite (embedded,
// in-process) and pg (a real PostgreSQL server). Anything driver-specific stays in the driver files.

export type Row = Record<string, unknown>;

/** How many distinct statement texts a driver prepares (names) per database; any beyond go unnamed, parsed each time. */
export const MAX_PREPARED_STATEMENTS = 200;

export interface Db {
  /** How many statements the driver runs at once: 1 for PGlite (one connection), the pool size for pg. */
  readonly parallelism: number;
  /** One statement with $1.. parameters. */
  query<R extends Row = Row>(sql: string, params?: unknown[]): Promise<{ rows: R[] }>;
  /** A script of several statements without parameters (migrations). */
  exec(sql: string): Promise<void>;
  /** Runs fn on one connection inside BEGIN/COMMIT; rolls back if fn throws. Nested calls reuse the transaction. */
  transaction<T>(fn: (tx: Db) => Promise<T>): Promise<T>;
  close(): Promise<void>;
  /**
   * Housekeeping a server database does by itself and an embedded one does not: PGlite runs no autovacuum, so the
   * planner never gets statistics unless asked (ANALYZE). The store calls it as the data grows. Absent for pg.
   */
  maintain?(): Promise<void>;
}

/**
 * int8 and count(*) come back as string (pg), number or BigInt (PGlite); this gives one number.
 * Callers only use it for values that fit in 2^53 (sequence numbers, counts, versions).
 */
export function toNumber(value: unknown): number {
  if (typeof value === "number") return value;
  if (typeof value === "bigint" || typeof value === "string") return Number(value);
  throw new TypeError(`expected a number from the database, got ${typeof value}`);
}
