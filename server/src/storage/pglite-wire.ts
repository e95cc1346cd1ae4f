// One parameterised query against PGlite in ONE call into the WASM backend. PGlite's own query() sends Parse,
// Describe, Bind, Describe, Execute and Sync as six separate protocol exchanges (each a full trip into WASM, a sync
// of the file system and a parse of the replies); a PostgreSQL client pipelines them. Here the whole extended-query
// message is built with node-postgres's protocol serializer, run with PGlite's execProtocolRawStream (its public raw
// protocol entry point), and the replies are decoded with node-postgres's parser and type parsers, so PGlite
// answers exactly as the pg driver does (parameters untyped, as text, the way pg sends them; the SQL casts them).
import type { PGlite } from "@electric-sql/pglite";
import { serialize } from "pg-protocol";
import { Parser } from "pg-protocol/dist/parser.js";
import type {
  BackendMessage,
  CommandCompleteMessage,
  DataRowMessage,
  DatabaseError,
  RowDescriptionMessage,
} from "pg-protocol/dist/messages.js";
import { createRequire } from "node:module";
import pgTypes from "pg-types";
import { MAX_PREPARED_STATEMENTS, type Row } from "./db.ts";

// node-postgres's value conversion; pg/lib/utils ships no type declarations, so its one function is typed here.
const pgUtils = createRequire(import.meta.url)("pg/lib/utils.js") as { prepareValue(value: unknown): unknown };

const SYNC = serialize.sync();
const DESCRIBE_PORTAL = serialize.describe({ type: "P" });
const EXECUTE = serialize.execute({});

/**
 * The Parse/Bind/Describe/Execute/Sync message for one statement, as node-postgres would send it. With a statement
 * name the statement is bound by name: `prepared` says the backend already holds it (no Parse is sent), otherwise it
 * is parsed under that name for next time.
 */
export function queryMessage(sql: string, params: readonly unknown[], name = "", prepared = false): Uint8Array {
  // prepareValue is node-postgres's own conversion (arrays → array literals, objects → JSON, Dates, null).
  const values = params.map((p) => pgUtils.prepareValue(p) as string | null);
  const bind = serialize.bind({ statement: name, values });
  return prepared
    ? Buffer.concat([bind, DESCRIBE_PORTAL, EXECUTE, SYNC])
    : Buffer.concat([serialize.parse({ name, text: sql }), bind, DESCRIBE_PORTAL, EXECUTE, SYNC]);
}

/**
 * Named prepared statements per PGlite instance (SQL text → name). Parsing and planning a statement costs two to three
 * times what executing it does in the WASM backend, and the store sends the same few statements over and over, so each
 * is prepared once and then only bound. Bounded (MAX_PREPARED_STATEMENTS): texts that vary with the query (search
 * filter combinations) past the bound go unnamed.
 */
const preparedByInstance = new WeakMap<PGlite, Map<string, string>>();
function preparedOf(pg: PGlite): Map<string, string> {
  let map = preparedByInstance.get(pg);
  if (!map) preparedByInstance.set(pg, (map = new Map()));
  return map;
}

/** Decodes the backend's replies: rows by column name via pg-types (as node-postgres), or the error it reported. */
export function decodeReplies<R extends Row>(
  data: Uint8Array,
): { rows: R[]; error?: DatabaseError; parsed: boolean; commands: string[] } {
  const rows: R[] = [];
  const commands: string[] = [];
  let parsed = false;
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
    } else if (msg.name === "parseComplete") {
      parsed = true;
    } else if (msg.name === "commandComplete") {
      commands.push((msg as CommandCompleteMessage).text);
    } else if (msg.name === "error") {
      error ??= msg as DatabaseError;
    }
  });
  return error ? { rows, error, parsed, commands } : { rows, parsed, commands };
}

/** One protocol exchange with the backend (the caller holds the query lock), its replies decoded. execProtocolRawStream
 *  hands over the raw replies without PGlite decoding them too (execProtocolRaw would). */
async function exchange<R extends Row>(
  pg: PGlite,
  message: Uint8Array,
  syncToFs: boolean,
): Promise<ReturnType<typeof decodeReplies<R>>> {
  const chunks: Uint8Array[] = [];
  await pg.execProtocolRawStream(message, { syncToFs, onRawData: (data) => void chunks.push(data.slice()) });
  return decodeReplies<R>(chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks));
}

/**
 * Runs one statement. Outside a transaction it takes PGlite's transaction and query locks as PGlite's query() does,
 * so it never lands inside someone else's open transaction; inside one (`inTransaction`) the transaction lock is
 * already held and only the query lock is taken, and the file-system sync is left to COMMIT, as PGlite does.
 */
export async function wireQuery<R extends Row>(
  pg: PGlite,
  sql: string,
  params: readonly unknown[],
  inTransaction: boolean,
): Promise<{ rows: R[] }> {
  const prepared = preparedOf(pg);
  // The statement's name is settled inside the query lock, so two callers never both parse the same name.
  const run = () =>
    pg.runExclusive(async () => {
      const held = prepared.get(sql);
      const name = held ?? (prepared.size < MAX_PREPARED_STATEMENTS ? `si_${prepared.size + 1}` : "");
      const replies = await exchange<R>(pg, queryMessage(sql, params, name, held !== undefined), !inTransaction);
      // Only a statement the backend confirmed parsing (ParseComplete) is bound by name later; a failed Parse left none.
      if (name && held === undefined && replies.parsed) prepared.set(sql, name);
      return replies;
    });
  // _runExclusiveTransaction is PGlite's transaction lock (what its own query() and transaction() take).
  const { rows, error } = await (inTransaction ? run() : pg._runExclusiveTransaction(run));
  if (error) throw error;
  return { rows };
}

/**
 * Runs SQL without parameters (one or more statements, the simple-query protocol) while the caller holds PGlite's
 * transaction lock: BEGIN, COMMIT, ROLLBACK and scripts inside a transaction. Returns the command tags.
 */
export async function wireScript(pg: PGlite, sql: string): Promise<string[]> {
  const replies = await pg.runExclusive(() => exchange(pg, serialize.query(sql), false));
  if (replies.error) throw replies.error;
  return replies.commands;
}
