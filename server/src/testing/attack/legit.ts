// Legitimate traffic: well-formed requests by a role that holds the operation's scope (spec/roles.ts), on records in
// its own tenancy (its setting, its LA, a parent's own child; national roles on national data), each with the one
// status the API promises (create 201, read/update/list 200, voice 201, claim 200). Writes go to records the
// scenario itself created, so concurrent traffic can never make a legitimate request's answer ambiguous.
import fc from "fast-check";
import { ROUTES } from "../../../../spec/routes.ts";
import { build, hasId, json, listsId, onlyChild, type Ctx, type Task } from "./request.ts";
import { mayCall, opName, targetFor, visibleTo, type TenantIndex } from "./targets.ts";
import {
  DOC_KINDS,
  DOC_PATHS,
  TENANTS,
  TENANT_NAMES,
  WRITER,
  adoptChildId,
  childBody,
  createdId,
  claimsFor,
  documentBody,
  newChildData,
  voiceBody,
  type Caller,
  type ChildData,
  type DocKind,
  type TenantName,
  type World,
} from "./world.ts";
import { newSpp } from "../fixtures.ts";
import { settingEntry } from "../fixtures.ts";

const L = "legit";
export const CTF_HISTORY = `<SENhistory><SEN><StartDate>2019-09-02</StartDate><SENprovision>K</SENprovision></SEN><SENneeds><SENneed><SENtypeRank>1</SENtypeRank><SENtype>SLCN</SENtype></SENneed></SENneeds></SENhistory>`;

/** A parent token for a child created during the run (the seeded parents know only their seeded child). */
export async function parentOf(world: World, child: ChildData): Promise<Caller> {
  const claims = claimsFor("parent-carer", child.tenant, [child.id], `-${child.id.slice(0, 8)}`);
  world.subjectsOf[child.tenant].add(claims.sub);
  return {
    key: `${child.tenant}:parent-carer(new child)`,
    tenant: child.tenant,
    role: "parent-carer",
    tenancy: "own-children",
    claims,
    token: await world.sign(claims),
    childIds: [child.id],
  };
}

/** Registers a new child of tenant t (as a secret of t) and creates it with t's setting staff. */
async function newChild(ctx: Ctx, t: TenantName): Promise<ChildData | undefined> {
  const child = newChildData(ctx.world.ids, t);
  ctx.world.secrets.addChild(child);
  const res = await ctx.send(
    build(
      ctx.world.caller(`${t}:setting-staff`),
      "POST",
      "/children",
      { json: childBody(child) },
      L,
      "POST /children",
      { status: [201] },
    ),
  );
  adoptChildId(child, res, ctx.world.secrets);
  return res.status === 201 ? child : undefined;
}

/** Create, read, update, list versions, read version 1, search by UPN; then the child's parent adds views and reads. */
function documentLifecycle(t: TenantName, kind: DocKind, viaSystem: boolean): Task {
  return {
    cls: L,
    async run(ctx) {
      const w = ctx.world;
      const child = await newChild(ctx, t);
      if (!child) return;
      const proposed = w.ids.uuid(kind);
      w.secrets.add(proposed, { tenant: t, childId: child.id });
      const writer = w.caller(
        viaSystem ? `${t}:system-integration${WRITER[kind] === "la-officer" ? "-la" : ""}` : `${t}:${WRITER[kind]}`,
      );
      const base = DOC_PATHS[kind];
      const created = await ctx.send(
        build(writer, "POST", base, { json: documentBody(kind, child, proposed) }, L, `POST ${base}`, {
          status: [201],
        }),
      );
      if (created.status !== 201) return;
      // The record's address is the Location (a server that assigns its own ids is followed, not second-guessed).
      const id = createdId(created, proposed);
      const path = `${base}/${id}`;
      w.secrets.add(id, { tenant: t, childId: child.id });
      const got = await ctx.send(
        build(writer, "GET", path, {}, L, `GET ${base}/{id}`, { status: [200], check: hasId(id) }),
      );
      const etag = got.headers.etag ?? created.headers.etag ?? "*";
      const next = documentBody(kind, child, id);
      const put = await ctx.send(
        build(
          writer,
          "PUT",
          path,
          { json: next, headers: { "if-match": etag, "change-reason": "Termly review" } },
          L,
          `PUT ${base}/{id}`,
          { status: [200], check: hasId(id) },
        ),
      );
      const versions = put.status === 200 ? 2 : 1; // a failed update is already counted; do not count it twice
      await ctx.send(
        build(writer, "GET", `${path}/versions`, {}, L, `GET ${base}/{id}/versions`, {
          status: [200],
          check: (r) =>
            (json(r).items as unknown[] | undefined)?.length === versions ? undefined : `expected ${versions} versions`,
        }),
      );
      await ctx.send(
        build(writer, "GET", `${path}/versions/1`, {}, L, `GET ${base}/{id}/versions/{version}`, {
          status: [200],
          check: hasId(id),
        }),
      );
      await ctx.send(
        build(writer, "GET", `${base}?upn=${child.upn}`, {}, L, `GET ${base}`, { status: [200], check: listsId(id) }),
      );
      const parent = await parentOf(w, child);
      await ctx.send(
        build(
          parent,
          "POST",
          `${path}/voice`,
          { json: voiceBody(w.ids), headers: { "change-reason": "Parent views" } },
          L,
          `POST ${base}/{id}/voice`,
          { status: [201], check: hasId(id) },
        ),
      );
      await ctx.send(build(parent, "GET", path, {}, L, `GET ${base}/{id}`, { status: [200], check: hasId(id) }));
      await ctx.send(
        build(parent, "GET", `/children/${child.id}/access-log`, {}, L, "GET /children/{childId}/access-log", {
          status: [200],
        }),
      );
      if (kind === "development-profile") {
        await ctx.send(
          build(
            writer,
            "POST",
            `/children/${child.id}/ctf-import`,
            { body: CTF_HISTORY, contentType: "application/xml" },
            L,
            "POST /children/{childId}/ctf-import",
            { status: [200] },
          ),
        );
        await ctx.send(
          build(writer, "GET", `/children/${child.id}/ctf-sen`, {}, L, "GET /children/{childId}/ctf-sen", {
            status: [200],
          }),
        );
      }
      const staff = w.caller(`${t}:setting-staff`);
      const record = await ctx.send(
        build(staff, "GET", `/children/${child.id}`, {}, L, "GET /children/{childId}", {
          status: [200],
          check: hasId(child.id),
        }),
      );
      await ctx.send(
        build(
          staff,
          "PUT",
          `/children/${child.id}`,
          {
            json: childBody(child),
            headers: { "if-match": record.headers.etag ?? "*", "change-reason": "Address update" },
          },
          L,
          "PUT /children/{childId}",
          { status: [200] },
        ),
      );
    },
  };
}

/** A transfer to an unknown destination, followed by the sender and claimed by the child's local authority. */
function transferLifecycle(t: TenantName): Task {
  return {
    cls: L,
    async run(ctx) {
      const w = ctx.world;
      const child = await newChild(ctx, t);
      if (!child) return;
      const staff = w.caller(`${t}:setting-staff`);
      const proposed = w.ids.uuid("isp");
      const isp = await ctx.send(
        build(staff, "POST", "/isps", { json: documentBody("isp", child, proposed) }, L, "POST /isps", {
          status: [201],
        }),
      );
      if (isp.status !== 201) return;
      w.secrets.add(createdId(isp, proposed), { tenant: t, childId: child.id });
      const created = await ctx.send(
        build(
          staff,
          "POST",
          `/children/${child.id}/transfers`,
          { json: { receiver: { unknownDestination: true }, reason: "in-year-move" } },
          L,
          "POST /children/{childId}/transfers",
          { status: [201] },
        ),
      );
      const id = json(created).id;
      if (typeof id !== "string") return;
      w.secrets.add(id, { tenant: t, childId: child.id });
      await ctx.send(
        build(staff, "GET", `/transfers/${id}`, {}, L, "GET /transfers/{id}", { status: [200], check: hasId(id) }),
      );
      await ctx.send(
        build(staff, "GET", `/transfers/${id}/bundle`, {}, L, "GET /transfers/{id}/bundle", { status: [200] }),
      );
      await ctx.send(
        build(staff, "GET", `/children/${child.id}/transfers`, {}, L, "GET /children/{childId}/transfers", {
          status: [200],
          check: listsId(id),
        }),
      );
      const la = w.caller(`${t}:la-officer`);
      await ctx.send(
        build(la, "GET", `/transfers/unclaimed?upn=${child.upn}`, {}, L, "GET /transfers/unclaimed", {
          status: [200],
          check: listsId(id),
        }),
      );
      await ctx.send(
        build(la, "POST", `/transfers/${id}/claim`, {}, L, "POST /transfers/{id}/claim", { status: [200] }),
      );
      await ctx.send(build(staff, "GET", `/transfers/${id}`, {}, L, "GET /transfers/{id}", { status: [200] }));
    },
  };
}

/** National data: the DfE publisher's SPP and settings lifecycles. */
function nationalLifecycle(): Task {
  return {
    cls: L,
    async run(ctx) {
      const w = ctx.world;
      const pub = w.caller("dfe-publisher");
      const spp = newSpp({ id: w.ids.uuid("spp") });
      const c = await ctx.send(build(pub, "POST", "/spps", { json: spp }, L, "POST /spps", { status: [201] }));
      const path = c.headers.location ?? `/spps/${spp.id}`;
      await ctx.send(
        build(
          pub,
          "PUT",
          path,
          { json: spp, headers: { "if-match": c.headers.etag ?? "*", "change-reason": "Panel review" } },
          L,
          "PUT /spps/{id}",
          { status: [200] },
        ),
      );
      await ctx.send(build(pub, "GET", `${path}/versions`, {}, L, "GET /spps/{id}/versions", { status: [200] }));
      await ctx.send(
        build(pub, "GET", `${path}/versions/2`, {}, L, "GET /spps/{id}/versions/{version}", { status: [200] }),
      );
      const urn = w.ids.urn();
      const entry = { ...settingEntry(TENANTS.A), urn, name: `Setting ${urn}`, laestab: `873${urn.slice(-4)}` };
      const s = await ctx.send(
        build(pub, "POST", "/settings", { json: entry }, L, "POST /settings", { status: [201] }),
      );
      await ctx.send(
        build(
          pub,
          "PUT",
          `/settings/${urn}`,
          { json: entry, headers: { "if-match": s.headers.etag ?? "*", "change-reason": "Renamed" } },
          L,
          "PUT /settings/{urn}",
          { status: [200] },
        ),
      );
    },
  };
}

/** Every GET operation of spec/routes.ts, by a caller of tenant t holding its scope, on t's own seeded records. */
function ownReads(
  world: World,
  idx: TenantIndex,
): {
  caller: Caller;
  op: string;
  path: string;
  status: number;
  check?: (r: import("./client.ts").WireResponse) => string | undefined;
}[] {
  const out: ReturnType<typeof ownReads> = [];
  for (const c of world.callers) {
    for (const route of ROUTES) {
      if (route.method !== "get" || !mayCall(c, route)) continue;
      if (
        c.tenancy === "all" &&
        route.resource !== "audit" &&
        route.resource !== "spp" &&
        route.resource !== "setting" &&
        route.operationId !== "getChildAccessLog" &&
        route.scope !== undefined
      )
        continue;
      const t = c.tenant ?? "A";
      const tw = world.tenants[t];
      const child0 = tw.children[0]!.child;
      let path: string | undefined;
      let check: ((r: import("./client.ts").WireResponse) => string | undefined) | undefined;
      if (route.path.includes("{")) {
        if (route.resource === "spp") path = route.path.replace("{id}", world.sppId).replace("{version}", "1");
        else if (route.resource === "setting") path = route.path.replace("{urn}", TENANTS[t].settingUrn);
        else {
          for (const which of [0, 1]) {
            const target = targetFor(route, world, idx, t, which);
            if (!target) continue;
            const seen = c.tenancy === "all" || visibleTo(c, target.tenant, target.childId);
            if (!seen) continue; // another family's child: the other-family class asks that, not this one
            out.push({ caller: c, op: opName(route), path: target.path, status: 200 });
          }
          continue;
        }
      } else {
        const q: string[] = [];
        if (route.parameters.includes("upn") && route.resource !== "transfer" && c.tenancy !== "all")
          q.push(`upn=${child0.upn}`);
        // A search by the child's UPN lists that child's plans only, and (the seeded ISP being visible) at least one;
        // which ones come first depends on what else was written to the child during the run.
        if (
          route.operationId === "listIsps" &&
          visibleTo(c, idx.get(`isp:${tw.children[0]!.docs.isp}`) ?? {}, child0.id)
        )
          check = onlyChild(child0.id);
        if (route.operationId === "getPlanSample") q.push("size=3");
        else if (route.parameters.includes("limit")) q.push("limit=5");
        path = `${route.path}${q.length ? `?${q.join("&")}` : ""}`;
      }
      // The attack world publishes no trust list, and the route answers 404 until one is (spec/routes.ts).
      const status = route.operationId === "getTrustList" ? 404 : 200;
      out.push({ caller: c, op: opName(route), path, status, ...(check ? { check } : {}) });
    }
  }
  return out;
}

export function legitTasks(world: World, idx: TenantIndex): fc.Arbitrary<Task> {
  const reads = ownReads(world, idx);
  const validators = world.callers.filter(
    (c) => c.role && mayCall(c, ROUTES.find((r) => r.operationId === "validateDocument")!),
  );
  return fc.oneof(
    {
      weight: 6,
      arbitrary: fc
        .tuple(fc.constantFrom(...TENANT_NAMES), fc.constantFrom(...DOC_KINDS), fc.boolean())
        .map(([t, k, sys]) => documentLifecycle(t, k, sys)),
    },
    { weight: 1, arbitrary: fc.constantFrom(...TENANT_NAMES).map((t) => transferLifecycle(t)) },
    { weight: 1, arbitrary: fc.constant(null).map(() => nationalLifecycle()) },
    {
      weight: 12,
      arbitrary: fc.constantFrom(...reads).map((r) => ({
        cls: L,
        run: async (ctx: Ctx) =>
          void (await ctx.send(
            build(r.caller, "GET", r.path, {}, L, r.op, {
              status: [r.status],
              ...(r.check ? { check: r.check } : {}),
            }),
          )),
      })),
    },
    {
      weight: 1,
      arbitrary: fc.tuple(fc.constantFrom(...validators), fc.constantFrom(...DOC_KINDS)).map(([c, k]) => ({
        cls: L,
        run: async (ctx: Ctx) => {
          const t = c.tenant ?? "A";
          const seeded = ctx.world.tenants[t].children[0]!;
          await ctx.send(
            build(
              c,
              "POST",
              "/$validate",
              { json: documentBody(k, seeded.child, seeded.docs[k]) },
              L,
              "POST /$validate",
              { status: [200] },
            ),
          );
        },
      })),
    },
  );
}
