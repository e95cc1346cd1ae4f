// One parameterised query against PGlite in ONE call into the WASM backend. PGlite's own query() sends Parse,
// Describe, Bind, Describe, Execute and Sync as six separate protocol exchanges (each a full trip into WASM, a sync
// of the file system and a parse of the replies); a PostgreSQL client pipelines them. Here the whole extended-query
// message is built with node-postgres's protocol serializer, run with PGlite's execProtocolRawStream (its public raw
// protocol entry point), and the replies are decoded with node-postgres's parser and type parsers, so PGlite
// answers exactly as the pg driver does (parameters untyped, as text, the way pg sends them; the SQL casts them).
import type { PGlite } from "@electric-sql/pglite";
import { serialize } from "pg-protocol";
import { Parser } from "pg-protocol/dist/parser.js";
import type { BackendMessage, DataRowMessage, DatabaseError, RowDescriptionMessage } from "pg-protocol/dist/messages.js";
import { createRequire } from "node:module";
import pgTypes from "pg-types";
import type { Row } from "./db.ts";

// node-postgres's value conversion; pg/lib/utils ships no type declarations, so its one function is typed here.
const pgUtils = createRequire(import.meta.url)("pg/lib/utils.js") as { prepareValue(value: unknown): unknown };

const SYNC = serialize.sync();
const DESCRIBE_PORTAL = serialize.describe({ type: "P" });
const EXECUTE = serialize.execute({});

/** The Parse/Bind/Describe/Execute/Sync message for one statement, as node-postgres would send it. */
export function queryMessage(sql: string, params: readonly unknown[]): Uint8Array {
  // prepareValue is node-postgres's own conversion (arrays → array literals, objects → JSON, Dates, null).
  const values = params.map((p) => pgUtils.prepareValue(p) as string | null);
  return Buffer.concat([serialize.parse({ text: sql }), serialize.bind({ values }), DESCRIBE_PORTAL, EXECUTE, SYNC]);
}

/** Decodes the backend's replies: rows by column name via pg-types (as node-postgres), or the error it reported. */
export function decodeReplies<R extends Row>(data: Uint8Array): { rows: R[]; error?: DatabaseError } {
  const rows: R[] = [];
  let fields: RowDescriptionMessage["fields"] = [];
  let parsers: ((text: string) => unknown)[] = [];
  let error: DatabaseError | undefined;
  new Parser().parse(Buffer.from(data.buffer, data.byteOffset, data.byteLength), (msg: BackendMessage) => {
    if (msg.name === "rowDescription") {
      fields = (msg as RowDescriptionMessage).fields;
      parsers = fields.map((f) => pgTypes.getTypeParser(f.dataTypeID, "text") as (text: string) => unknown);
    } else if (msg.name === "dataRow") {
      const values = (msg as DataRowMessage).fields;
      const row: Row = {};
      for (let i = 0; i < fields.length; i++) {
        const v = values[i];
        row[fields[i]!.name] = v === null || v === undefined ? null : parsers[i]!(v);
      }
      rows.push(row as R);
    } else if (msg.name === "error") {
      error ??= msg as DatabaseError;
    }
  });
  return error ? { rows, error } : { rows };
}

/**
 * Runs one statement. Outside a transaction it takes PGlite's transaction and query locks as PGlite's query() does,
 * so it never lands inside someone else's open transaction; inside one (`inTransaction`) the transaction lock is
 * already held and only the query lock is taken, and the file-system sync is left to COMMIT, as PGlite does.
 */
export async function wireQuery<R extends Row>(pg: PGlite, sql: string, params: readonly unknown[], inTransaction: boolean): Promise<{ rows: R[] }> {
  const message = queryMessage(sql, params);
  // execProtocolRawStream hands over the raw replies without PGlite decoding them too (execProtocolRaw would).
  const run = () =>
    pg.runExclusive(async () => {
      const chunks: Uint8Array[] = [];
      await pg.execProtocolRawStream(message, { syncToFs: !inTransaction, onRawData: (data) => void chunks.push(data.slice()) });
      return chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks);
    });
  // _runExclusiveTransaction is PGlite's transaction lock (what its own query() and transaction() take).
  const locked = inTransaction ? run() : pg._runExclusiveTransaction(run);
  const { rows, error } = decodeReplies<R>(await locked);
  if (error) throw error;
  return { rows };
}
