// One walk of the whole document for the two rule families that read every property: `identifiers` (LA codes,
// judged by property name) and `code-validity` (coded values, by property name and the date they speak for).
// Walking once instead of twice halves the cost both pay for visiting every node. Each family's findings come out
// in a list of their own, in the order its own walk would report them.
import type { Finding } from "./finding.ts";
import type { LaCodeIndex } from "../identifiers/la-codes.ts";
import { knownLaCodes } from "../identifiers/la-codes.ts";
import { laCodeFinding } from "./la-code-properties.ts";
import {
  CODE_LOOKUP,
  allStrings,
  check,
  recordDate,
  resolve,
  type CodeHit,
  type Frame,
  type Origin,
} from "./coded-values.ts";

export interface DocumentWalkFindings {
  identifiers: Finding[];
  codeValidity: Finding[];
}

/** Walk state: findings so far and the path to the current node, pushed and popped as the walk goes; joined into a
 *  pointer only for a finding. Module-level functions, not closures per call: cheaper on every document. */
interface Walk {
  /** The LA codes the identifiers check knows; undefined when that check is off. */
  index: LaCodeIndex | undefined;
  origin: Origin;
  out: DocumentWalkFindings;
  path: Array<string | number>;
}

const hasOwn = Object.prototype.hasOwnProperty;

/** Code-validity leaves these out: extensions are not the standard's codes, and provenance is about the record. */
function outsideCodes(key: string): boolean {
  return key === "extensions" || key === "provenance";
}

/** One coded value at `key` (pushed on the path while checked). */
function checkCode(
  state: Walk,
  frame: Frame,
  key: string | number,
  code: string,
  byCode: ReadonlyMap<string, CodeHit>,
): void {
  const hit = byCode.get(code);
  if (hit === undefined) return;
  state.path.push(key);
  const found = check(hit, code, resolve(frame, state.origin).at, state.path);
  state.path.pop();
  if (found !== undefined) state.out.codeValidity.push(found);
}

/**
 * `codes` says whether code-validity reads this node (it is outside every `extensions` and `provenance`); `parent`
 * is then the frame of the nearest enclosing object (undefined at the root).
 */
function walk(state: Walk, node: unknown, parent: Frame | undefined, codes: boolean): void {
  const { path, index } = state;
  if (Array.isArray(node)) {
    for (let i = 0; i < node.length; i++) {
      path.push(i);
      walk(state, node[i], parent, codes);
      path.pop();
    }
    return;
  }
  if (node === null || typeof node !== "object") return;
  const record = node as Record<string, unknown>;
  const frame: Frame | undefined = codes
    ? { node: record, parent, nested: path.length > 0, resolved: false, at: undefined, documentDate: undefined }
    : undefined;
  // for-in with an own-property test: V8 reads values through its enum cache here, far cheaper than Object.keys
  // plus keyed loads across documents' many object shapes. Same keys, same order as Object.entries.
  for (const key in record) {
    if (!hasOwn.call(record, key)) continue;
    const value = record[key];
    if (typeof value === "string") {
      if (index !== undefined) {
        const found = laCodeFinding(index, path, key, value);
        if (found !== undefined) state.out.identifiers.push(found);
      }
      if (frame !== undefined) {
        const byCode = CODE_LOOKUP.get(key); // CODE_PROPERTIES names neither "extensions" nor "provenance"
        if (byCode !== undefined) checkCode(state, frame, key, value, byCode);
      }
    } else if (typeof value === "object" && value !== null) {
      const coded = frame !== undefined && !outsideCodes(key);
      if (coded) {
        if (Array.isArray(value)) {
          const byCode = CODE_LOOKUP.get(key);
          // A list of codes: checked one by one. Nothing below it for identifiers (it looks only at properties).
          if (byCode !== undefined && allStrings(value)) {
            path.push(key);
            for (let i = 0; i < value.length; i++) checkCode(state, frame, i, value[i] as string, byCode);
            path.pop();
            continue;
          }
        }
        path.push(key);
        walk(state, value, frame, true);
        path.pop();
      } else if (index !== undefined) {
        // Below extensions and provenance only identifiers reads anything.
        path.push(key);
        walk(state, value, undefined, false);
        path.pop();
      }
    }
  }
}

/**
 * The findings of both families in one walk: identifiers against `index` (undefined: skip that check) and, when
 * `codes`, code-validity. Never throws on JSON input.
 */
export function walkDocument(document: unknown, index: LaCodeIndex | undefined, codes: boolean): DocumentWalkFindings {
  const root = codes ? recordDate(document) : undefined;
  const state: Walk = {
    index,
    origin: { at: root, documentDate: root?.date },
    out: { identifiers: [], codeValidity: [] },
    path: [],
  };
  walk(state, document, undefined, codes);
  return state.out;
}

/** Both families' findings against the known LA codes, by registry slot: [identifiers, code-validity]. */
export function genericWalkFindings(document: unknown): Finding[][] {
  const { identifiers, codeValidity } = walkDocument(document, knownLaCodes(), true);
  return [identifiers, codeValidity];
}
