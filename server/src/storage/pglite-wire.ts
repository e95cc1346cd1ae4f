// One parameterised statement against PGlite in ONE call into the WASM backend, using only public APIs: PGlite's
// execProtocolRawStream, runExclusive, Mutex and array serializer, and pg-protocol's serialize and parse. PGlite's
// query() makes six protocol exchanges per statement and parses it afresh each time; here each SQL text is parsed
// once under a name and later only bound. Replies are decoded with pg-protocol and pg-types, as node-postgres decodes
// them, so both drivers answer alike (PGlite's own parser is much slower on large rows: bench/RESULTS.md).
import { Readable } from "node:stream";
import { Mutex, type PGlite, types } from "@electric-sql/pglite";
import { type DatabaseError, parse, serialize } from "pg-protocol";
import pgTypes from "pg-types";
import { MAX_PREPARED_STATEMENTS, type Row } from "./db.ts";

const SYNC = serialize.sync();
const DESCRIBE_PORTAL = serialize.describe({ type: "P" });
const EXECUTE = serialize.execute({});

/** The backend messages read here, as pg-protocol's parser delivers them. */
interface Field {
  name: string;
  dataTypeID: number;
}
type Message = { name: string } & Partial<{ fields: Field[] | (string | null)[]; text: string }>;

/**
 * A parameter as the text PostgreSQL reads (parameters go untyped, as node-postgres sends them; the SQL casts them):
 * arrays as array literals, other objects as JSON, Dates in ISO form.
 */
export function parameterText(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === "string") return value;
  if (Array.isArray(value)) return types.arraySerializer(value, (v: unknown) => parameterText(v) ?? "", 0);
  if (value instanceof Date) return value.toISOString();
  if (typeof value === "object") return JSON.stringify(value);
  return String(value);
}

/**
 * The Parse/Bind/Describe/Execute/Sync message for one statement. With a statement name the statement is bound by
 * name: `prepared` says the backend already holds it (no Parse is sent), otherwise it is parsed under that name.
 */
export function queryMessage(sql: string, params: readonly unknown[], name = "", prepared = false): Uint8Array {
  const bind = serialize.bind({ statement: name, values: params.map(parameterText) });
  return prepared
    ? Buffer.concat([bind, DESCRIBE_PORTAL, EXECUTE, SYNC])
    : Buffer.concat([serialize.parse({ name, text: sql }), bind, DESCRIBE_PORTAL, EXECUTE, SYNC]);
}

export interface Replies<R extends Row> {
  rows: R[];
  error?: DatabaseError;
  /** The backend confirmed parsing the statement (ParseComplete). */
  parsed: boolean;
  /** Command tags, one per statement completed. */
  commands: string[];
}

/** Decodes the backend's replies: rows by column name via pg-types (as node-postgres), or the error it reported. */
export async function decodeReplies<R extends Row>(chunks: readonly Uint8Array[]): Promise<Replies<R>> {
  const rows: R[] = [];
  const commands: string[] = [];
  let parsed = false;
  let fields: Field[] = [];
  let parsers: ((text: string) => unknown)[] = [];
  let error: DatabaseError | undefined;
  const replies = new Readable({ read() {} });
  for (const chunk of chunks) replies.push(chunk);
  replies.push(null);
  await parse(replies, (msg: Message) => {
    if (msg.name === "rowDescription") {
      fields = msg.fields as Field[];
      parsers = fields.map((f) => pgTypes.getTypeParser(f.dataTypeID, "text") as (text: string) => unknown);
    } else if (msg.name === "dataRow") {
      const values = msg.fields as (string | null)[];
      const row: Row = {};
      for (let i = 0; i < fields.length; i++) {
        const v = values[i];
        row[fields[i]!.name] = v === null || v === undefined ? null : parsers[i]!(v);
      }
      rows.push(row as R);
    } else if (msg.name === "parseComplete") {
      parsed = true;
    } else if (msg.name === "commandComplete") {
      commands.push(msg.text as string);
    } else if (msg.name === "error") {
      error ??= msg as unknown as DatabaseError;
    }
  });
  return error ? { rows, error, parsed, commands } : { rows, parsed, commands };
}

/**
 * The driver's connection to one PGlite instance, which it owns: every statement goes through it. `exclusive` orders
 * whole units of work (a statement, or a transaction from BEGIN to COMMIT) so that none lands inside another's open
 * transaction; each protocol exchange also takes PGlite's own query lock (runExclusive).
 */
export class PgliteWire {
  readonly #pg: PGlite;
  readonly #turns = new Mutex();
  /** SQL text → statement name, bounded (MAX_PREPARED_STATEMENTS); texts past the bound go unnamed. */
  readonly #prepared = new Map<string, string>();

  constructor(pg: PGlite) {
    this.#pg = pg;
  }

  /** Runs fn with the instance to itself: no other unit of work starts until it settles. */
  exclusive<T>(fn: () => Promise<T>): Promise<T> {
    return this.#turns.runExclusive(fn);
  }

  /** One exchange with the backend; execProtocolRawStream hands over the raw replies without decoding them too. */
  async #exchange<R extends Row>(message: Uint8Array, syncToFs: boolean): Promise<Replies<R>> {
    const chunks: Uint8Array[] = [];
    await this.#pg.execProtocolRawStream(message, {
      syncToFs,
      onRawData: (data) => {
        chunks.push(data.slice());
      },
    });
    return decodeReplies<R>(chunks);
  }

  /**
   * Runs one statement; the caller holds `exclusive`. Outside a transaction (`syncToFs`) the file system is synced
   * after it; inside one that is left to COMMIT, as PGlite does.
   */
  async query<R extends Row>(sql: string, params: readonly unknown[], syncToFs: boolean): Promise<{ rows: R[] }> {
    const { rows, error } = await this.#pg.runExclusive(async () => {
      const held = this.#prepared.get(sql);
      const name = held ?? (this.#prepared.size < MAX_PREPARED_STATEMENTS ? `si_${this.#prepared.size + 1}` : "");
      const replies = await this.#exchange<R>(queryMessage(sql, params, name, held !== undefined), syncToFs);
      // Only a statement the backend confirmed parsing is bound by name later; a failed Parse left none.
      if (name && held === undefined && replies.parsed) this.#prepared.set(sql, name);
      return replies;
    });
    if (error) throw error;
    return { rows };
  }

  /** Runs SQL without parameters (the simple-query protocol; BEGIN, COMMIT, scripts); the caller holds `exclusive`. */
  async script(sql: string): Promise<string[]> {
    const replies = await this.#pg.runExclusive(() => this.#exchange(serialize.query(sql), false));
    if (replies.error) throw replies.error;
    return replies.commands;
  }
}
