// Seeds the attack world over HTTP with each tenant's own callers: settings (DfE publisher), two children per tenant
// with an ISP, an EHCP, an EHCP under the 2014 regulations and a profile each, an SPP, one unclaimed transfer per
// tenant, and a pagination cursor per tenant for the other tenant to replay.
import { send, type WireResponse } from "./client.ts";
import {
  DOC_KINDS,
  DOC_PATHS,
  Ids,
  Secrets,
  TENANT_NAMES,
  TENANTS,
  WRITER,
  buildCallers,
  childBody,
  documentBody,
  newChildData,
  type Caller,
  type DocKind,
  type SeededChild,
  type TenantName,
  type TenantWorld,
  type World,
} from "./world.ts";
import { newSpp, settingEntry } from "../fixtures.ts";
import type { DevClaims } from "../../auth/dev-signer.ts";

type Json = Record<string, unknown>;

export async function seedWorld(baseUrl: string, seed: number, sign: (c: DevClaims) => Promise<string>): Promise<World> {
  const ids = new Ids(seed);
  const secrets = new Secrets();
  const children: Record<TenantName, SeededChild[]> = { A: [], B: [] };
  for (const t of TENANT_NAMES) {
    for (let i = 0; i < 2; i++) {
      const child = newChildData(ids, t);
      secrets.addChild(child);
      const docs = {} as Record<DocKind, string>;
      for (const k of DOC_KINDS) {
        docs[k] = ids.uuid(k);
        secrets.add(docs[k], { tenant: t, childId: child.id });
      }
      children[t].push({ child, docs });
    }
  }
  // Parents are responsible for their tenant's first child only: the second is another family's.
  const callers = await buildCallers(sign, { A: [children.A[0]!.child.id], B: [children.B[0]!.child.id] });
  const byKey = new Map(callers.map((c) => [c.key, c]));
  const caller = (key: string): Caller => {
    const c = byKey.get(key);
    if (!c) throw new Error(`no caller ${key}`);
    return c;
  };
  const must = async (c: Caller, method: string, path: string, body: unknown, status: number, headers: Record<string, string> = {}): Promise<WireResponse> => {
    const res = await send(baseUrl, { method, path, headers: { authorization: `Bearer ${c.token}`, "content-type": "application/json", ...headers }, body: body === undefined ? undefined : JSON.stringify(body) });
    if (res.status !== status) throw new Error(`seeding ${method} ${path} as ${c.key}: expected ${status}, got ${res.status} ${res.dropped ?? res.text.slice(0, 500)}`);
    return res;
  };

  const publisher = caller("dfe-publisher");
  for (const t of TENANT_NAMES) await must(publisher, "POST", "/settings", settingEntry(TENANTS[t]), 201);
  const spp = newSpp({ id: ids.uuid("spp") });
  await must(publisher, "POST", "/spps", spp, 201);

  const tenants = {} as Record<TenantName, TenantWorld>;
  const senderSubjects = {} as Record<TenantName, string>;
  for (const t of TENANT_NAMES) {
    for (const { child, docs } of children[t]) {
      await must(caller(`${t}:setting-staff`), "POST", "/children", childBody(child), 201);
      for (const k of DOC_KINDS) await must(caller(`${t}:${WRITER[k]}`), "POST", DOC_PATHS[k], documentBody(k, child, docs[k]), 201);
    }
    const second = children[t][1]!;
    const transfer = await must(caller(`${t}:setting-staff`), "POST", `/children/${second.child.id}/transfers`, { receiver: { unknownDestination: true }, reason: "in-year-move" }, 201);
    const transferId = (JSON.parse(transfer.text) as Json).id as string;
    secrets.add(transferId, { tenant: t, childId: second.child.id });
    // Imports are written as "transfer-sender:<kid>": the tenant's own signing key makes them the tenant's writes.
    const bundle = await must(caller(`${t}:setting-staff`), "GET", `/transfers/${transferId}/bundle`, undefined, 200);
    const kid = (JSON.parse(Buffer.from(bundle.text.trim().replace(/^"|"$/g, "").split(".")[0]!, "base64url").toString("utf8")) as Json).kid as string;
    senderSubjects[t] = `transfer-sender:${kid}`;
    const page = await must(caller(`${t}:setting-staff`), "GET", `/isps?settingUrn=${TENANTS[t].settingUrn}&limit=1`, undefined, 200);
    const childPage = await must(caller(`${t}:setting-staff`), "GET", `/children?limit=1`, undefined, 200);
    tenants[t] = {
      name: t,
      tenant: TENANTS[t],
      children: children[t],
      transferId,
      ispCursor: (JSON.parse(page.text) as Json).nextCursor as string | undefined,
      childCursor: (JSON.parse(childPage.text) as Json).nextCursor as string | undefined,
    };
  }
  const subjectsOf = { A: new Set<string>(), B: new Set<string>() };
  for (const c of callers) if (c.tenant && c.claims) subjectsOf[c.tenant].add(c.claims.sub);
  for (const t of TENANT_NAMES) subjectsOf[t].add(senderSubjects[t]);
  return { seed, ids, secrets, tenants, callers, caller, sppId: spp.id as string, sign, subjectsOf, createdBy: { A: new Set(), B: new Set() } };
}
