// Authoring script: fills the digests of the worked transfer bundle (each contents entry = SHA-256 over the RFC 8785
// canonical JSON of the embedded document it points to) and the receipt's bundleDigest (the bundle without its
// receiver-side fields). Run after editing either file:  npx tsx examples/scripts/compute-digests.ts
import { createHash } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import canonicalize from "canonicalize";

const worked = (name: string): string => fileURLToPath(new URL(`../worked/${name}`, import.meta.url));
const BUNDLE = worked("transfer-bundle-y6-y7.json");
const RECEIPT = worked("transfer-receipt-y6-y7.json");
/** Set only by a receiver (x-send-receiverSide in transfer-bundle.schema.json); never part of what was sent. */
const RECEIVER_SIDE_FIELDS = ["status", "receivedAt"];

type Json = Record<string, unknown>;

/** Lowercase hex SHA-256 of the RFC 8785 canonical form. */
export function canonicalSha256(value: unknown): string {
  const text = canonicalize(value);
  if (text === undefined) throw new TypeError("value has no JSON representation");
  return createHash("sha256").update(text, "utf8").digest("hex");
}

/** The bundle as sent: a copy without receiver-side fields. */
export function bundleAsSent(bundle: Json): Json {
  return Object.fromEntries(Object.entries(bundle).filter(([key]) => !RECEIVER_SIDE_FIELDS.includes(key)));
}

function main(): void {
  const bundle = JSON.parse(readFileSync(BUNDLE, "utf8")) as Json;
  const documents = bundle["documents"] as unknown[];
  for (const entry of bundle["contents"] as Json[]) {
    const index = Number(String(entry["path"]).split("/")[2]);
    (entry["digest"] as Json)["value"] = canonicalSha256(documents[index]);
  }
  writeFileSync(BUNDLE, `${JSON.stringify(bundle, null, 2)}\n`);
  const receipt = JSON.parse(readFileSync(RECEIPT, "utf8")) as Json;
  (receipt["bundleDigest"] as Json)["value"] = canonicalSha256(bundleAsSent(bundle));
  writeFileSync(RECEIPT, `${JSON.stringify(receipt, null, 2)}\n`);
  console.log(`digests written to ${BUNDLE} and ${RECEIPT}`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) main();
