// The demo's own small trust anchor: an ES256 key pair kept in DATA_DIR/trust-anchor.jwk.json (0600), created on
// first start, whose public half the demo server is configured to believe trust lists from. Whoever can read
// DATA_DIR can sign a trust list for this server (so `send-conformance reference-config` can onboard its receiver,
// as a vendor's own anchor would), which is why only demo mode creates it: production takes the anchor's PUBLIC key
// from TRUST_ANCHOR_JWKS and never holds the private half.
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { generateSigningKey, publicJwk, type JWK, type KeyPairJwk } from "../../../sdk/src/bundle/index.ts";

export const DEMO_TRUST_ANCHOR_FILE = "trust-anchor.jwk.json";

export async function loadOrCreateDemoTrustAnchor(dataDir: string): Promise<KeyPairJwk> {
  const file = join(dataDir, DEMO_TRUST_ANCHOR_FILE);
  if (existsSync(file)) {
    const privateJwk = JSON.parse(readFileSync(file, "utf8")) as JWK & { kid: string };
    return { kid: privateJwk.kid, privateJwk, publicJwk: publicJwk(privateJwk) };
  }
  const pair = await generateSigningKey();
  writeFileSync(file, JSON.stringify({ ...pair.privateJwk, kid: pair.kid }), { mode: 0o600 });
  return pair;
}
