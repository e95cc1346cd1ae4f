// Test helpers for transfers: two reference servers in one process, each with its own store and keys, each other's
// JWKS in their settings directory; and direct bundle signing with a test key for the inbox tests.
import { randomUUID } from "node:crypto";
import {
  generateSigningKey,
  packBundle,
  signBundle,
  type KeyPairJwk,
  type TransferBundle,
} from "../../../sdk/src/bundle/index.ts";
import type { Store } from "../storage/store.ts";
import { startTestServer, type TestServer } from "../testing/harness.ts";
import {
  adoptId,
  newChild,
  newIsp,
  registerChild,
  settingEntry,
  type ChildFixture,
  type Tenant,
} from "../testing/fixtures.ts";
import { defaultTransferConfig, type TransferConfig } from "./config.ts";
import type { TransferService } from "./service.ts";

type Json = Record<string, unknown>;

export const SENDING: Tenant = {
  settingUrn: "152984",
  laCode: "873",
  laestab: "8733012",
  settingName: "Fenbrook Primary School and Nursery",
};
/** Two more settings, hosted by the same server as another one (same-server transfers and foreign records). */
export const VICTIM: Tenant = {
  settingUrn: "135791",
  laCode: "926",
  laestab: "9264002",
  settingName: "Brookside Academy",
};
export const THIRD: Tenant = {
  settingUrn: "135792",
  laCode: "873",
  laestab: "8734003",
  settingName: "Hollins Park School",
};
export const RECEIVING: Tenant = {
  settingUrn: "121350",
  laCode: "926",
  laestab: "9262417",
  settingName: "Marsh Lane Primary School",
};

export interface Peer {
  server: TestServer;
  store: Store;
  config: TransferConfig;
  service: TransferService;
  tokens: Record<"publisher" | "staff" | "la" | "auditor", string>;
  tenant: Tenant;
}

/**
 * The worked examples are dated 2030 and their codes are valid from 2029-09-01, so the servers' clock runs from
 * 1 July 2030 (moving forward with real time) for transfers only; tokens and records use the real clock.
 */
export function clock2030(): () => Date {
  const offset = Date.parse("2030-07-01T09:00:00Z") - Date.now();
  return () => new Date(Date.now() + offset);
}

export async function startPeer(store: Store, tenant: Tenant, extra: Partial<TransferConfig> = {}): Promise<Peer> {
  const config = defaultTransferConfig({
    clock: clock2030(),
    loopbackOnly: true,
    delivery: { maxAttempts: 4, baseDelayMs: 20, maxDelayMs: 200, timeoutMs: 10_000 },
    ...extra,
  });
  let service: TransferService | undefined;
  const server = await startTestServer(store, { transfers: config, onTransfers: (s) => (service = s) });
  const tokens = {
    publisher: await server.token({ sub: "dfe", send_role: "dfe-publisher" }),
    staff: await server.token({
      sub: `staff-${tenant.settingUrn}`,
      send_role: "setting-staff",
      setting_urn: tenant.settingUrn,
    }),
    la: await server.token({ sub: `la-${tenant.laCode}`, send_role: "la-officer", la_code: tenant.laCode }),
    auditor: await server.token({ sub: "dpo", send_role: "auditor" }),
  };
  return { server, store, config, service: service!, tokens, tenant };
}

/** Each peer lists the other as a remote system (inbox + JWKS on loopback). */
export function introduce(a: Peer, b: Peer): void {
  a.config.directory.push({
    urn: b.tenant.settingUrn,
    name: b.tenant.settingName,
    baseUrl: b.server.url,
    jwksUrl: `${b.server.url}/.well-known/jwks.json`,
  });
  b.config.directory.push({
    urn: a.tenant.settingUrn,
    name: a.tenant.settingName,
    baseUrl: a.server.url,
    jwksUrl: `${a.server.url}/.well-known/jwks.json`,
  });
}

export async function must(res: Response, status: number): Promise<Json> {
  const text = await res.text();
  if (res.status !== status) throw new Error(`expected ${status}, got ${res.status}: ${text.slice(0, 800)}`);
  return text ? (JSON.parse(text) as Json) : {};
}

export async function addSetting(peer: Peer, t: Tenant): Promise<void> {
  const res = await peer.server.call("POST", "/settings", { token: peer.tokens.publisher, body: settingEntry(t) });
  if (res.status !== 201 && res.status !== 409) throw new Error(`setting: ${res.status} ${await res.text()}`);
  await res.arrayBuffer().catch(() => undefined);
}

/** A child with one ISP at the peer's own setting. */
export async function seedChild(peer: Peer): Promise<{ child: ChildFixture; isp: Json }> {
  const child = newChild(peer.tenant);
  await registerChild(peer.server.call, peer.tokens.staff, child); // ids are the server's (SI-API-057)
  const isp = newIsp(child);
  await must(await adoptId(await peer.server.call("POST", "/isps", { token: peer.tokens.staff, body: isp }), isp), 201);
  return { child, isp };
}

/** Polls a transfer until it leaves prepared/sent (delivery runs in the background). */
export async function settled(peer: Peer, id: string, token = peer.tokens.staff): Promise<Json> {
  await peer.service.idle();
  return must(await peer.server.call("GET", `/transfers/${id}`, { token }), 200);
}

/** A bundle for `documents` addressed to `to`, signed with `key` (the test plays a remote sender). */
export async function signedTestBundle(
  documents: unknown[],
  key: KeyPairJwk,
  to: Tenant,
  opts: { bundleId?: string; createdAt?: string; expiresAt?: string; from?: Tenant } = {},
): Promise<{ jws: string; bundle: TransferBundle }> {
  const bundle = await packBundle({
    documents,
    sender: {
      system: { name: "Test sender", version: "1.0" },
      setting: (opts.from
        ? settingEntry(opts.from)
        : {
            name: "Test sender school",
            urn: "100001",
            laCode: "873",
            settingType: "mainstream-primary-school",
          }) as never,
    },
    receiver: { setting: { ...settingEntry(to) } as never },
    reason: "in-year-move",
    sharing: { purpose: "Move to a new school" },
    createdAt: opts.createdAt ?? new Date().toISOString(),
    bundleId: opts.bundleId ?? randomUUID(),
    ...(opts.expiresAt ? { expiresAt: opts.expiresAt } : {}),
  });
  return { jws: (await signBundle(bundle, { privateKey: key.privateJwk, kid: key.kid })) as string, bundle };
}

export { generateSigningKey };
