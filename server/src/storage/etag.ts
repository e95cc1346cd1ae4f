// Strong ETag for one stored version: the version number plus a digest of the exact JSON text stored (and served) for
// it. A version is immutable and its tag is computed once, when it is written, so hashing the stored bytes is enough:
// no canonical form is needed (the json column hands back the text unchanged), and the tag changes whenever the
// representation's bytes could.
import { createHash } from "node:crypto";

export function computeEtag(version: number, storedText: string): string {
  const digest = createHash("sha256").update(storedText).digest("hex").slice(0, 16);
  return `"v${version}-${digest}"`;
}
