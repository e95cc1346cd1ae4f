// CODE_PROPERTIES is read off the schemas: every property whose value (or items) is a code from
// generated/codes.schema.json, with the list it comes from. Re-deriving it here keeps the table from drifting when a
// schema gains a coded property or an inline enum becomes a code list.
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { CODE_PROPERTIES } from "./coded-values.ts";

const schemasDir = join(dirname(fileURLToPath(import.meta.url)), "../../../schemas");
type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
const isObject = (v: Json | undefined): v is { [key: string]: Json } =>
  v !== null && typeof v === "object" && !Array.isArray(v);
const read = (file: string): Json => JSON.parse(readFileSync(join(schemasDir, file), "utf8")) as Json;

const codes = read("generated/codes.schema.json") as { $defs: Record<string, { "x-send-codeList": string }> };
const PREFIX = "generated/codes.schema.json#/$defs/";

function derive(): Record<string, string[]> {
  const table: Record<string, Set<string>> = {};
  const visit = (node: Json): void => {
    if (Array.isArray(node)) node.forEach(visit);
    if (!isObject(node)) return;
    if (isObject(node.properties))
      for (const [name, prop] of Object.entries(node.properties)) {
        if (!isObject(prop)) continue;
        const target = isObject(prop.items) ? prop.items.$ref : prop.$ref;
        if (typeof target === "string" && target.startsWith(PREFIX)) {
          const list = codes.$defs[target.slice(PREFIX.length)]?.["x-send-codeList"];
          if (list) {
            table[name] ??= new Set();
            table[name].add(list);
          }
        }
      }
    Object.values(node).forEach(visit);
  };
  for (const file of readdirSync(schemasDir).filter((f) => f.endsWith(".schema.json"))) {
    if (file === "vocab.schema.json" || file === "crosswalk.schema.json") continue;
    visit(read(file));
  }
  return Object.fromEntries(Object.entries(table).map(([k, v]) => [k, [...v].sort()]));
}

describe("CODE_PROPERTIES", () => {
  it("matches the coded properties of the schemas, list for list", () => {
    const table = Object.fromEntries(Object.entries(CODE_PROPERTIES).map(([k, v]) => [k, [...v].sort()]));
    expect(table).toEqual(derive());
  });
});
