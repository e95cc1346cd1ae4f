// Rule family `bundle-digests`: each contents entry must describe, and hash to, the document it points to
// (transfer-bundle.schema.json#/$defs/ContentEntry: SHA-256 of the RFC 8785 canonical form, lowercase hex).
// Rules are synchronous and run in browsers too, so this hashes with @noble/hashes (WebCrypto's digest is async-only;
// node:crypto is Node-only), over canonical-json.ts (the `canonicalize` package's answers, faster on long strings).
import { sha256 } from "@noble/hashes/sha2.js";
import { bytesToHex, utf8ToBytes } from "@noble/hashes/utils.js";
import type { Finding } from "./finding.ts";
import { canonicalJson } from "./canonical-json.ts";
import { pointerJoin } from "./finding.ts";
import { finding } from "./rule-catalogue.ts";
import { arr, obj, str } from "./document-access.ts";

/** Lowercase hex SHA-256 of the RFC 8785 canonical form of `value`, or undefined if JSON cannot represent it. */
export function canonicalSha256Hex(value: unknown): string | undefined {
  let text: string | undefined;
  try {
    text = canonicalJson(value);
  } catch {
    return undefined; // canonicalize throws on cycles and non-finite numbers; a rule must not.
  }
  return text === undefined ? undefined : bytesToHex(sha256(utf8ToBytes(text)));
}

/** Index named by a path "/documents/N", or undefined. */
function documentIndex(path: unknown): number | undefined {
  const m = typeof path === "string" ? /^\/documents\/(0|[1-9]\d*)$/.exec(path) : null;
  return m ? Number(m[1]) : undefined;
}

export function bundleDigestRules(document: unknown): Finding[] {
  const doc = obj(document);
  const documents = arr(doc.documents);
  const listed = new Set<number>();
  const out: Finding[] = [];
  arr(doc.contents).forEach((raw, i) => {
    const entry = obj(raw);
    const pointer = pointerJoin("contents", i);
    const index = documentIndex(entry.path);
    const target = index === undefined ? undefined : documents[index];
    const embedded = obj(target);
    if (index === undefined || target === undefined || embedded.id !== entry.documentId) {
      out.push(
        finding(
          "transfer-bundle.bundle-digests.document-missing",
          `${pointer}/path`,
          `Contents entry ${i} points to ${str(entry.path) ?? "nothing"}, where there is no document with id ${str(entry.documentId) ?? "(none)"}.`,
        ),
      );
      return;
    }
    listed.add(index);
    for (const key of ["documentType", "schemaVersion"] as const) {
      if (entry[key] !== embedded[key]) {
        out.push(
          finding(
            "transfer-bundle.bundle-digests.entry-mismatch",
            `${pointer}/${key}`,
            `Contents entry ${i} says ${key} "${String(entry[key])}", but the document has "${String(embedded[key])}".`,
          ),
        );
      }
    }
    const expected = str(obj(entry.digest).value);
    const actual = canonicalSha256Hex(target);
    if (expected === undefined || actual === undefined || expected.toLowerCase() !== actual) {
      out.push(
        finding(
          "transfer-bundle.bundle-digests.digest-mismatch",
          `${pointer}/digest/value`,
          `The digest of ${str(entry.path)} is ${actual ?? "(not computable)"}, not ` +
            `${expected ?? "(missing)"}: the document changed after the bundle was made.`,
        ),
      );
    }
  });
  documents.forEach((_, index) => {
    if (!listed.has(index))
      out.push(
        finding(
          "transfer-bundle.bundle-digests.document-not-listed",
          pointerJoin("documents", index),
          `Embedded document ${index} is not listed in contents, so no digest protects it.`,
        ),
      );
  });
  return out;
}
