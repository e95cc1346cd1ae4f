// Strong ETag for one stored version: the version number plus a digest of the body in RFC 8785 canonical form,
// so the same content gives the same tag whatever key order the database hands back.
import { createHash } from "node:crypto";
// The SDK's JCS serialiser gives the `canonicalize` package's exact text (property-tested against it) several times
// faster; the ETag of a stored version is computed on every write.
import { canonicalJson } from "../../../sdk/src/rules/canonical-json.ts";

export function computeEtag(version: number, body: unknown): string {
  const canonical = canonicalJson(body) ?? "null";
  const digest = createHash("sha256").update(canonical).digest("hex").slice(0, 16);
  return `"v${version}-${digest}"`;
}
