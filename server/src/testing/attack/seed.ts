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
  adoptChildId,
  buildCallers,
  childBody,
  createdId,
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

export async function seedWorld(
  baseUrl: string,
  seed: number,
  sign: (c: DevClaims) => Promise<string>,
): Promise<World> {
  const ids = new Ids(seed);
  const secrets = new Secrets();
  const children: Record<TenantName, SeededChild[]> = { A: [], B: [] };
  for (const t of TENANT_NAMES) {
    for (let i = 0; i < 2; i++) {
      const child = newChildData(ids, t);
      secrets.addChild(child);
      children[t].push({ child, docs: {} as Record<DocKind, string> });
    }
  }
  // Callers are made before the records (which need them), so parents' child ids are filled in once known.
  const parentChildIds: Record<TenantName, string[]> = { A: [], B: [] };
  const callers = await buildCallers(sign, parentChildIds);
  const byKey = new Map(callers.map((c) => [c.key, c]));
  const caller = (key: string): Caller => {
    const c = byKey.get(key);
    if (!c) throw new Error(`no caller ${key}`);
    return c;
  };
  const must = async (
    c: Caller,
    method: string,
    path: string,
    body: unknown,
    status: number,
    headers: Record<string, string> = {},
  ): Promise<WireResponse> => {
    const res = await send(baseUrl, {
      method,
      path,
      headers: { authorization: `Bearer ${c.token}`, "content-type": "application/json", ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (res.status !== status)
      throw new Error(
        `seeding ${method} ${path} as ${c.key}: expected ${status}, got ${res.status} ${res.dropped ?? res.text.slice(0, 500)}`,
      );
    return res;
  };

  const publisher = caller("dfe-publisher");
  for (const t of TENANT_NAMES) await must(publisher, "POST", "/settings", settingEntry(TENANTS[t]), 201);
  const spp = newSpp({ id: ids.uuid("spp") });
  await must(publisher, "POST", "/spps", spp, 201);

  const tenants = {} as Record<TenantName, TenantWorld>;
  for (const t of TENANT_NAMES) {
    for (const seeded of children[t]) {
      const { child, docs } = seeded;
      adoptChildId(
        child,
        await must(caller(`${t}:setting-staff`), "POST", "/children", childBody(child), 201),
        secrets,
      );
      for (const k of DOC_KINDS) {
        const proposed = ids.uuid(k);
        docs[k] = createdId(
          await must(caller(`${t}:${WRITER[k]}`), "POST", DOC_PATHS[k], documentBody(k, child, proposed), 201),
          proposed,
        );
        secrets.add(docs[k], { tenant: t, childId: child.id });
      }
    }
  }
  // Parents are responsible for their tenant's first child only: the second is another family's. Their tokens carry
  // the child ids the server filed the children under.
  for (const t of TENANT_NAMES) {
    parentChildIds[t].push(children[t][0]!.child.id);
    // The young person is that same first child, reading their own plans.
    for (const role of ["parent-carer", "young-person"]) {
      const family = caller(`${t}:${role}`);
      family.claims = { ...family.claims!, child_ids: [...parentChildIds[t]] };
      family.token = await sign(family.claims);
    }
  }
  const senderSubjects = {} as Record<TenantName, string>;
  for (const t of TENANT_NAMES) {
    const second = children[t][1]!;
    const transfer = await must(
      caller(`${t}:setting-staff`),
      "POST",
      `/children/${second.child.id}/transfers`,
      { receiver: { unknownDestination: true }, reason: "in-year-move" },
      201,
    );
    const transferId = (JSON.parse(transfer.text) as Json).id as string;
    secrets.add(transferId, { tenant: t, childId: second.child.id });
    // Imports are written as "transfer-sender:<kid>": the tenant's own signing key makes them the tenant's writes.
    const bundle = await must(caller(`${t}:setting-staff`), "GET", `/transfers/${transferId}/bundle`, undefined, 200);
    const kid = (
      JSON.parse(
        Buffer.from(bundle.text.trim().replace(/^"|"$/g, "").split(".")[0]!, "base64url").toString("utf8"),
      ) as Json
    ).kid as string;
    senderSubjects[t] = `transfer-sender:${kid}`;
    const page = await must(
      caller(`${t}:setting-staff`),
      "GET",
      `/isps?settingUrn=${TENANTS[t].settingUrn}&limit=1`,
      undefined,
      200,
    );
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
  return {
    seed,
    ids,
    secrets,
    tenants,
    callers,
    caller,
    sppId: spp.id as string,
    sign,
    subjectsOf,
    createdBy: { A: new Set(), B: new Set() },
  };
}
