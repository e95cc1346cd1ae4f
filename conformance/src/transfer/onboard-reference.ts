// Onboarding the suite's loopback receiver with the reference server in demo mode, as a trust anchor would: the demo
// server runs its own small anchor whose key it keeps in DATA_DIR/trust-anchor.jwk.json, and believes a trust list
// only when that anchor signed it. This reads the server's current list (GET /trust-list), adds (or refreshes) the
// suite's receiver as an open setting with its inbox and JWKS URL, signs the next issue with the anchor's key and
// publishes it (POST /trust-list, dfe-publisher). A production server holds no anchor key in its data directory, so
// this step cannot work there: its operator's anchor signs the issue instead. Nothing here imports server/.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import {
  decodeUnverifiedPayload,
  signTrustList,
  type JWK,
  type TrustList,
  type TrustListEntry,
} from "send-interchange/bundle";
import { suiteTransferSettings } from "./suite-receiver-setting.ts";

export const DEMO_TRUST_ANCHOR_FILE = "trust-anchor.jwk.json";

export interface OnboardResult {
  onboarded: boolean;
  sequence?: number;
  reason?: string;
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
      ? (decodeUnverifiedPayload(((await got.json()) as { trustList: string }).trustList) as TrustList)
      : undefined;
  if (got.status !== 200 && got.status !== 404)
    throw new Error(`GET ${url("trust-list").href} answered ${got.status}: ${(await got.text()).slice(0, 300)}`);
  const s = suiteTransferSettings({ transfers: { loopbackPort } });
  const now = new Date();
  const entry: TrustListEntry = {
    entryType: "setting",
    urn: s.setting.urn,
    laCode: s.setting.laCode,
    name: s.setting.name,
    status: "open",
    endpoints: { inbox: `${s.baseUrl}/transfers/inbox`, jwks: s.jwksUrl },
    jwksValidity: { notBefore: new Date(now.getTime() - 3600_000).toISOString() },
  };
  const list: TrustList = {
    documentType: "trust-list",
    schemaVersion: "1.0",
    id: current?.id ?? globalThis.crypto.randomUUID(),
    provenance: {
      createdBy: { personType: "system", displayName: "send-conformance reference-config" },
      createdAt: now.toISOString(),
      system: { name: "send-conformance", version: "reference-config" },
    },
    sequence: (current?.sequence ?? 0) + 1,
    issuer: { name: "Demo trust anchor", kid: anchor.kid },
    issuedAt: now.toISOString(),
    nextUpdate: new Date(now.getTime() + 86_400_000).toISOString(),
    entries: [...(current?.entries ?? []).filter((e) => e.urn !== entry.urn), entry],
    revocations: current?.revocations ?? [],
  };
  const jws = (await signTrustList(list, { privateKey: anchor, kid: anchor.kid })) as string;
  const res = await fetch(url("trust-list"), {
    method: "POST",
    headers: { authorization: `Bearer ${publisherToken}`, "content-type": "application/json" },
    body: JSON.stringify({ trustList: jws }),
  });
  if (res.status !== 200)
    throw new Error(`publishing the trust list answered ${res.status}: ${(await res.text()).slice(0, 500)}`);
  return { onboarded: true, sequence: list.sequence };
}
