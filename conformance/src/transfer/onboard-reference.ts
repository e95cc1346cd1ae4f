// Onboarding the suite's loopback receiver with the reference server in demo mode, as a trust anchor would: the demo
// server runs its own small anchor whose key it keeps in DATA_DIR/trust-anchor.jwk.json, and believes a trust list
// only when that anchor signed it. This reads the server's current list (GET /trust-list), adds (or refreshes) the
// suite's receiver as an open setting with its inbox and JWKS URL, signs the next issue with the anchor's key and
// publishes it (POST /trust-list, dfe-publisher). A production server holds no anchor key in its data directory, so
// this step cannot work there: its operator's anchor signs the issue instead. Nothing here imports server/.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { type JWK, unverifiedPayload } from "./signed-json.ts";
import { nextIssue, putEntry, signTrustListJws, type TrustList, type TrustListEntry } from "./trust-publisher.ts";
import { suiteTransferSettings } from "./suite-receiver-setting.ts";

export const DEMO_TRUST_ANCHOR_FILE = "trust-anchor.jwk.json";

export interface OnboardResult {
  onboarded: boolean;
  sequence?: number;
  reason?: string;
  /** The demo anchor's private key, for the suite's own trust-list tests (feature trust-anchor). */
  anchor?: JWK & { kid: string };
}

export async function onboardSuiteReceiver(
  baseUrl: string,
  dataDir: string,
  publisherToken: string,
  loopbackPort: number,
): Promise<OnboardResult> {
  const file = join(dataDir, DEMO_TRUST_ANCHOR_FILE);
  if (!existsSync(file)) return { onboarded: false, reason: `no demo trust anchor in ${dataDir}` };
  const anchor = JSON.parse(readFileSync(file, "utf8")) as JWK & { kid: string };
  const url = (p: string) => new URL(p, baseUrl.replace(/\/?$/, "/"));
  const got = await fetch(url("trust-list"));
  const current =
    got.status === 200
      ? (unverifiedPayload(((await got.json()) as { trustList: string }).trustList) as TrustList)
      : undefined;
  if (got.status !== 200 && got.status !== 404)
    throw new Error(`GET ${url("trust-list").href} answered ${got.status}: ${(await got.text()).slice(0, 300)}`);
  const s = suiteTransferSettings({ transfers: { loopbackPort } });
  const entry: TrustListEntry = {
    entryType: "setting",
    urn: s.setting.urn,
    laCode: s.setting.laCode,
    name: s.setting.name,
    status: "open",
    endpoints: { inbox: `${s.baseUrl}/transfers/inbox`, jwks: s.jwksUrl },
    jwksValidity: { notBefore: new Date(Date.now() - 3600_000).toISOString() },
  };
  const list = nextIssue(current, anchor.kid, (l) => putEntry(l, entry), "send-conformance reference-config");
  if (!current) list.issuer.name = "Demo trust anchor";
  // Signed with jose directly (signed-json.ts), not the SDK code the server verifies with.
  const jws = await signTrustListJws(list, { privateJwk: anchor, kid: anchor.kid });
  const res = await fetch(url("trust-list"), {
    method: "POST",
    headers: { authorization: `Bearer ${publisherToken}`, "content-type": "application/json" },
    body: JSON.stringify({ trustList: jws }),
  });
  if (res.status !== 200)
    throw new Error(`publishing the trust list answered ${res.status}: ${(await res.text()).slice(0, 500)}`);
  return { onboarded: true, sequence: list.sequence, anchor };
}
