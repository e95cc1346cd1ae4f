// Steps shared by the transfer profiles: the settings-directory entries a transfer needs, the implementation's JWKS,
// bundles the suite builds and signs (and breaks on purpose), posting to the implementation's inbox, and sending a
// child of the suite's own making to the suite's loopback receiver.
import { base64url, decodeProtectedHeader } from "jose";
import { buildBundle, checkReceipt } from "../transfer/bundles.ts";
import {
  canonical,
  type Jwks,
  type JWK,
  newSigningKey,
  type SigningKey,
  sha256Hex,
  signJson,
} from "../transfer/signed-json.ts";
import type { RoleNeed, TestContext } from "../model.ts";
import type { HttpResponse } from "../http/client.ts";
import { check, expectStatus, header } from "../check.ts";
import { isObj, type ChildFixture } from "../fixtures/factory.ts";
import type { Json } from "../fixtures/templates.ts";
import { SUITE_SYSTEM, type Delivery, type LoopbackReceiver } from "../transfer/loopback.ts";
import { registerChild as registerChildAs, token } from "./steps.ts";

export const STAFF_A: RoleNeed = { tenant: 0, role: "setting-staff" };
export const PUBLISHER_A: RoleNeed = { tenant: 0, role: "dfe-publisher" };
export const LA_A: RoleNeed = { tenant: 0, role: "la-officer" };

/** How long a test waits for the implementation to push a bundle to the suite (delivery runs in the background). */
export const DELIVERY_WAIT_MS = 20_000;

export function loopback(ctx: TestContext): LoopbackReceiver {
  if (!ctx.transfer) throw new Error("the suite's loopback receiver is not running"); // the runner starts it for transfer tests
  return ctx.transfer;
}

/** The setting as the implementation's settings directory must hold it: added (dfe-publisher) if it is missing. */
export async function ensureSetting(ctx: TestContext, setting: Json): Promise<void> {
  const urn = String(setting.urn);
  const found = await ctx.http.get(`/settings/${encodeURIComponent(urn)}`, { token: token(ctx, STAFF_A) });
  if (found.status === 200) return;
  expectStatus(found, 404, `GET /settings/${urn}`);
  const res = await ctx.http.post("/settings", {
    token: token(ctx, PUBLISHER_A),
    body: setting,
    headers: { "change-reason": "conformance: setting needed for a transfer" },
  });
  expectStatus(res, [201, 409], `POST /settings (${urn})`);
}

export const tenantSetting = (ctx: TestContext, i: 0 | 1): Json => ({ ...ctx.config.tenants[i].setting });
export const suiteSetting = (ctx: TestContext): Json => ({ ...loopback(ctx).settings.setting });

/** The implementation's public keys, as published at /.well-known/jwks.json (no credentials). */
export async function implementationJwks(ctx: TestContext): Promise<Jwks> {
  const res = await ctx.http.get("/.well-known/jwks.json");
  expectStatus(res, 200, "GET /.well-known/jwks.json");
  check(
    isObj(res.json) && Array.isArray(res.json.keys),
    "GET /.well-known/jwks.json: expected a JWKS ({ keys: [...] })",
  );
  return { keys: res.json.keys as JWK[] };
}

export interface SuiteBundle {
  bundle: Json & { id: string; documents: Json[] };
  jws: string;
  digest: string;
}

/** A bundle from the suite's setting to `to`, signed with the suite's key (or `key`). */
export async function suiteBundle(
  ctx: TestContext,
  documents: readonly Json[],
  to: Json,
  opts: {
    bundleId?: string;
    key?: SigningKey;
    kid?: string;
    /** The sending setting (default: the suite's own). */
    from?: Json;
    alter?: (b: SuiteBundle["bundle"]) => void;
  } = {},
): Promise<SuiteBundle> {
  const bundle = buildBundle({
    documents,
    sender: { system: SUITE_SYSTEM, setting: opts.from ?? suiteSetting(ctx) },
    receiver: { setting: to },
    ...(opts.bundleId ? { bundleId: opts.bundleId } : {}),
  }) as SuiteBundle["bundle"];
  opts.alter?.(bundle);
  const key = opts.key ?? loopback(ctx).key;
  const jws = await signJson(bundle, "send-transfer-bundle+json", {
    privateJwk: key.privateJwk,
    kid: opts.kid ?? key.kid,
  });
  return { bundle, jws, digest: sha256Hex(canonical(bundle)) };
}

/** The same claims with alg none and no signature. */
export function unsignedJws(bundle: unknown, kid: string): string {
  const h = base64url.encode(
    JSON.stringify({ alg: "none", kid, typ: "send-transfer-bundle+json", cty: "application/json" }),
  );
  return `${h}.${base64url.encode(canonical(bundle))}.`;
}

/** The compact JWS with the character at `index` of segment `segment` (0 header, 1 payload, 2 signature) changed. */
export function flipCharacter(jws: string, segment: 0 | 1 | 2, fraction: number): string {
  const parts = jws.split(".");
  const s = parts[segment]!;
  const i = Math.min(s.length - 2, Math.max(0, Math.floor(s.length * fraction)));
  parts[segment] = `${s.slice(0, i)}${s[i] === "A" ? "B" : "A"}${s.slice(i + 1)}`;
  return parts.join(".");
}

export const postInbox = (ctx: TestContext, jws: string): Promise<HttpResponse> =>
  ctx.http.post("/transfers/inbox", { rawBody: jws, headers: { "content-type": "application/jose" } });

/** The reasons a rejection gives: problem errors[], or the rejected receipt's reasons. */
export function rejectionReasons(res: HttpResponse): string[] {
  if (!isObj(res.json)) return [];
  const errors = Array.isArray(res.json.errors)
    ? res.json.errors.filter(isObj).map((e) => String(e.ruleId ?? e.code ?? e.message ?? ""))
    : [];
  if (errors.length > 0) return errors;
  const receipt = typeof res.json.receipt === "string" ? decodePayload(res.json.receipt) : undefined;
  return isObj(receipt) && Array.isArray(receipt.reasons)
    ? receipt.reasons.filter(isObj).map((r) => String(r.code))
    : [];
}

function decodePayload(jws: string): unknown {
  try {
    return JSON.parse(new TextDecoder().decode(base64url.decode(jws.split(".")[1] ?? "")));
  } catch {
    return undefined;
  }
}

/** A refused bundle: 4xx (never 2xx, never 5xx) with at least one reason. */
export function expectRejected(res: HttpResponse, what: string): string[] {
  check(
    res.status >= 400 && res.status < 500,
    `${what}: expected the bundle to be refused with 4xx, got HTTP ${res.status}`,
  );
  const reasons = rejectionReasons(res);
  check(
    reasons.length > 0,
    `${what}: refused (HTTP ${res.status}) but without a reason (no errors[] and no rejected receipt)`,
  );
  return reasons;
}

/** A bundle whose signature does not verify against a trusted key is refused without any receipt (SI-API-068):
 *  a receipt signed for it would vouch for content nobody is known to have sent. */
export function expectRefusedWithoutReceipt(res: HttpResponse, what: string): string[] {
  const reasons = expectRejected(res, what);
  check(
    !(isObj(res.json) && res.json.receipt !== undefined),
    `${what}: the refusal carries a receipt, but a receiver signs receipts only for bundles whose signature verified`,
  );
  return reasons;
}

/** Whether a compact JWS names a signing algorithm and carries a signature: read with jose, not the SDK under test. */
export function isSigned(compact: string): boolean {
  const parts = compact.split(".");
  if (parts.length !== 3 || parts[2] === "") return false;
  try {
    const alg = decodeProtectedHeader(compact).alg;
    return typeof alg === "string" && alg !== "" && alg.toLowerCase() !== "none";
  } catch {
    return true; // not readable at all: verification below reports it as malformed
  }
}

/** An accepted bundle: 200/201/202 with a receipt signed by a key of the implementation's JWKS, for this bundle and digest. */
export async function expectAcceptedReceipt(
  ctx: TestContext,
  res: HttpResponse,
  sent: SuiteBundle,
  what: string,
): Promise<string> {
  expectStatus(res, [200, 201, 202], what);
  check(
    isObj(res.json) && typeof res.json.receipt === "string" && res.json.receipt.length > 0,
    `${what}: the answer carries no receipt (expected a compact JWS in "receipt")`,
  );
  const receipt = res.json.receipt as string;
  check(isSigned(receipt), `${what}: the receipt is not signed (alg "none" or an empty signature part)`);
  const checked = await checkReceipt(receipt, await implementationJwks(ctx), {
    bundleId: sent.bundle.id,
    digest: sent.digest,
  });
  check(
    checked.ok,
    `${what}: the receipt does not verify against /.well-known/jwks.json: ${checked.ok ? "" : checked.reasons.map((r) => `${r.code} ${r.message}`).join("; ")}`,
  );
  check(
    checked.receipt.decision === "accepted",
    `${what}: the receipt's decision is ${String(checked.receipt.decision)}, not accepted`,
  );
  return receipt;
}

/** Registers a child (POST /children) in tenant A; the fixture takes the id the implementation assigned. */
export async function registerChild(ctx: TestContext, child: ChildFixture): Promise<void> {
  await registerChildAs(ctx, child, STAFF_A);
}

export interface SentTransfer {
  transferId: string;
  transferUrl: string;
  delivery: Delivery;
}

/** Asks the implementation to transfer `childId` to the suite's receiver and waits for the bundle with `documentId`. */
export async function transferToSuite(
  ctx: TestContext,
  childId: string,
  documentId: string,
  as: RoleNeed = STAFF_A,
): Promise<SentTransfer> {
  const lb = loopback(ctx);
  await ensureSetting(ctx, suiteSetting(ctx));
  const res = await ctx.http.post(`/children/${encodeURIComponent(childId)}/transfers`, {
    token: token(ctx, as),
    body: { receiver: { urn: lb.settings.setting.urn }, reason: "in-year-move" },
  });
  expectStatus(res, [201, 202], `POST /children/${childId}/transfers`);
  check(isObj(res.json) && typeof res.json.id === "string", "POST …/transfers: the answer names no transfer id");
  const transferId = res.json.id as string;
  const transferUrl = ctx.http.resolve(header(res, "location", "POST …/transfers"));
  const delivery = await lb.waitFor(
    (d) =>
      isObj(d.payload) &&
      Array.isArray(d.payload.documents) &&
      d.payload.documents.some((x) => isObj(x) && x.id === documentId),
    DELIVERY_WAIT_MS,
  );
  check(
    delivery,
    `the implementation did not deliver a bundle with document ${documentId} to the suite's ` +
      `inbox (${lb.settings.baseUrl}/transfers/inbox) within ${DELIVERY_WAIT_MS / 1000} s`,
  );
  return { transferId, transferUrl, delivery };
}

/** Polls the sender's view of a transfer until it leaves prepared/sent (or the time is up); returns the last view. */
export async function settledTransfer(
  ctx: TestContext,
  url: string,
  as: RoleNeed = STAFF_A,
  timeoutMs = 10_000,
): Promise<Json> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const res = await ctx.http.get(url, { token: token(ctx, as) });
    expectStatus(res, 200, `GET ${new URL(url).pathname}`);
    check(isObj(res.json), `GET ${new URL(url).pathname}: not a JSON object`);
    const view = res.json;
    if (!["prepared", "sent", "received"].includes(String(view.status)) || Date.now() > until) return view;
    await new Promise((r) => setTimeout(r, 100));
  }
}

export { newSigningKey };
