// Hostile traffic, every class derived from spec/routes.ts: callers without a token, with forged tokens or without
// the scope; other tenants' ids in paths, bodies and filters; NUL and control characters in paths, queries and
// headers; malformed and foreign cursors; invalid UTF-8, lone surrogates and NUL in bodies; deep nesting; malformed
// JSON; wrong media types; garbage and replays at the public inbox; self-addressed and decoy transfers; UUIDs in
// upper case; a parent's voice statement claiming a professional's authorship. Each says what it must get.
import fc from "fast-check";
import { ROUTES, type RouteSpec } from "../../../../spec/routes.ts";
import { build, hasId, json, single, type Task } from "./request.ts";
import type { AttackRequest } from "./oracle.ts";
import { CTF_HISTORY } from "./legit.ts";
import {
  PERSONAL_RESOURCES,
  fill,
  hasPathId,
  mayCall,
  needsJsonBody,
  opName,
  targetFor,
  visibleTo,
  type TenantIndex,
} from "./targets.ts";
import {
  DOC_KINDS,
  DOC_PATHS,
  TENANTS,
  TENANT_NAMES,
  WRITER,
  childBody,
  createdId,
  documentBody,
  newChildData,
  other,
  voiceBody,
  type Caller,
  type DocKind,
  type TenantName,
  type World,
} from "./world.ts";

type Json = Record<string, unknown>;
const CLIENT_ERROR = [400, 499] as const;

/** Forged or broken bearer tokens, made by the run (it holds the dev signer and can make a second one). */
export type ForgedTokens = Record<string, string>;

const scoped = ROUTES.filter((r) => r.scope !== undefined);
const bodyRoutes = ROUTES.filter(needsJsonBody);

/** A plausible body for a route, built from the caller's own tenant (never from another tenant's secrets). */
function bodyFor(
  route: RouteSpec,
  world: World,
  t: TenantName,
  id?: string,
): { json?: unknown; body?: string; contentType?: string } {
  const seeded = world.tenants[t].children[0]!;
  if (route.operationId.startsWith("add")) return { json: voiceBody(world.ids) };
  if (route.operationId === "importCtf") return { body: CTF_HISTORY, contentType: "application/xml" };
  if (route.operationId === "createTransfer")
    return { json: { receiver: { unknownDestination: true }, reason: "in-year-move" } };
  if (route.operationId === "receiveTransfer") return { body: "e30.e30.e30", contentType: "application/jose" };
  if (!route.requestBody) return {};
  switch (route.resource) {
    case "child":
      return { json: childBody(seeded.child, id ?? world.ids.uuid("child")) };
    case "setting":
      return { json: { name: "x", urn: TENANTS[t].settingUrn, laCode: TENANTS[t].laCode } };
    case "spp":
      return { json: { id: id ?? world.ids.uuid("spp") } };
    case "isp":
    case "ehcp":
    case "legacy-ehcp":
    case "development-profile":
      return { json: documentBody(route.resource, seeded.child, id ?? world.ids.uuid(route.resource)) };
    default:
      return { json: documentBody("isp", seeded.child, id ?? world.ids.uuid("isp")) };
  }
}

const WRITE_HEADERS = { "if-match": "*", "change-reason": "attack" };

/** No token, forged tokens, and roles without the scope: exact 401 / 403 on every scoped operation. */
function authTasks(world: World, forged: ForgedTokens): fc.Arbitrary<Task> {
  const anon = world.caller("anonymous");
  const roleCallers = world.callers.filter((c) => c.role);
  const denied: AttackRequest[] = [];
  for (const route of scoped) {
    const path = fill(route, {
      id: world.ids.uuid("x"),
      childId: world.tenants.A.children[0]!.child.id,
      urn: TENANTS.A.settingUrn,
    });
    const method = route.method.toUpperCase();
    denied.push(
      build(anon, method, path, { ...bodyFor(route, world, "A"), headers: WRITE_HEADERS }, "no-token", opName(route), {
        status: [401],
        kind: "unauthenticated-accepted",
      }),
    );
    for (const c of roleCallers) {
      if (mayCall(c, route)) continue;
      denied.push(
        build(
          c,
          method,
          path,
          { ...bodyFor(route, world, c.tenant ?? "A"), headers: WRITE_HEADERS },
          "no-scope",
          opName(route),
          { status: [403], kind: "scope-not-enforced" },
        ),
      );
    }
  }
  const forgedArb = fc
    .tuple(fc.constantFrom(...scoped), fc.constantFrom(...Object.entries(forged)))
    .map(([route, [name, token]]) =>
      single(
        build(
          anon,
          route.method.toUpperCase(),
          fill(route, {
            id: world.tenants.A.children[0]!.docs.isp,
            childId: world.tenants.A.children[0]!.child.id,
            urn: TENANTS.A.settingUrn,
          }),
          { ...bodyFor(route, world, "A"), token, headers: WRITE_HEADERS },
          `bad-token:${name}`,
          opName(route),
          { status: [401], kind: "forged-token-accepted" },
        ),
      ),
    );
  return fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(...denied).map(single) },
    { weight: 2, arbitrary: forgedArb },
  );
}

/** Every personal operation with a path id, by every tenant-scoped caller holding its scope, on the OTHER tenant's
 *  records (and a parent on another family's child of its own tenant): exact 404 for reads, a 4xx for writes. */
function foreignPathTasks(world: World, idx: TenantIndex): fc.Arbitrary<Task> {
  const reqs: AttackRequest[] = [];
  for (const route of ROUTES) {
    if (!hasPathId(route) || !PERSONAL_RESOURCES.has(route.resource ?? "")) continue;
    for (const c of world.callers) {
      if (!c.tenant || c.tenancy === "all" || !mayCall(c, route)) continue;
      const targets = [0, 1].map((w) => targetFor(route, world, idx, other(c.tenant!), w));
      if (c.tenancy === "own-children") targets.push(targetFor(route, world, idx, c.tenant, 1));
      for (const target of targets) {
        if (!target || visibleTo(c, target.tenant, target.childId)) continue;
        const upper = target.path.replace(/[0-9a-f]{8}-[0-9a-f-]{27}/, (m) => m.toUpperCase());
        const method = route.method.toUpperCase();
        const expect =
          route.method === "get"
            ? { status: [404], kind: "foreign-record-reachable" }
            : { range: CLIENT_ERROR, kind: "foreign-record-writable" };
        const foreignId = /[0-9a-f]{8}-[0-9a-f-]{27}/.exec(target.path)![0];
        for (const path of [target.path, upper])
          reqs.push({
            ...build(
              c,
              method,
              path,
              { ...bodyFor(route, world, c.tenant), headers: WRITE_HEADERS },
              path === upper ? "foreign-id-path-upper" : "foreign-id-path",
              opName(route),
              expect,
            ),
            foreignId,
          });
      }
    }
  }
  return fc.constantFrom(...reqs).map(single);
}

/** Filters naming the other tenant's child (id, UPN, NHS number), setting and LA: answered, but with nothing foreign. */
function foreignFilterTasks(world: World): fc.Arbitrary<Task> {
  const lists = ROUTES.filter((r) => r.method === "get" && !r.path.includes("{") && r.scope);
  const reqs: AttackRequest[] = [];
  for (const route of lists) {
    for (const c of world.callers) {
      if (!c.tenant || c.tenancy === "all" || !mayCall(c, route)) continue;
      const ot = world.tenants[other(c.tenant)];
      const ch = ot.children[0]!.child;
      const q: string[] = [];
      if (route.parameters.includes("filterChildId")) q.push(`childId=${ch.id}`);
      if (route.parameters.includes("upn")) q.push(`upn=${ch.upn}`);
      if (route.parameters.includes("nhsNumber")) q.push(`nhsNumber=${ch.nhsNumber}`);
      if (route.parameters.includes("settingUrn")) q.push(`settingUrn=${ot.tenant.settingUrn}`);
      if (route.parameters.includes("laCode")) q.push(`laCode=${ot.tenant.laCode}`);
      for (const one of q)
        reqs.push(
          build(c, "GET", `${route.path}?${one}`, {}, "foreign-filter", opName(route), {
            status: [200],
            kind: "foreign-filter-refused",
          }),
        );
    }
  }
  return fc.constantFrom(...reqs).map(single);
}

/** A legitimate caller of the route (own tenant, holding the scope) and an own path for it, or undefined. */
function ownCallerAndPath(
  route: RouteSpec,
  world: World,
  idx: TenantIndex,
  t: TenantName,
): { caller: Caller; path: string } | undefined {
  const c =
    world.callers.find((x) => x.tenant === t && x.tenancy !== "own-children" && mayCall(x, route)) ??
    world.callers.find((x) => mayCall(x, route) && (x.tenancy === "all" || !x.role));
  if (!c) return undefined;
  if (!route.path.includes("{")) return { caller: c, path: route.path };
  if (route.resource === "spp") return { caller: c, path: fill(route, { id: world.sppId }) };
  if (route.resource === "setting") return { caller: c, path: fill(route, { urn: TENANTS[t].settingUrn }) };
  // The attack world makes no cross-LA requests: a made-up id still reaches the body and parameter checks.
  if (route.path.startsWith("/cross-la/"))
    return { caller: c, path: fill(route, { id: world.ids.uuid("la-request") }) };
  const target = targetFor(route, world, idx, t, 0) ?? targetFor(route, world, idx, t, 1);
  return target ? { caller: c, path: target.path } : undefined;
}

const NUL_SEGMENTS = [
  "%00",
  "%00%00",
  "a%00b",
  "%C0%80",
  "%FF",
  "%ED%A0%80",
  "%E2%82",
  ".%00.",
  "%0A",
  "%1F",
  "%7F",
] as const;

/** NUL, control characters and invalid UTF-8 in path segments and query values. */
function pathAndQueryTasks(world: World, idx: TenantIndex): fc.Arbitrary<Task> {
  const withIds = ROUTES.filter((r) => r.path.includes("{"));
  const segment = fc
    .tuple(
      fc.constantFrom(...withIds),
      fc.constantFrom(...TENANT_NAMES),
      fc.constantFrom(...NUL_SEGMENTS),
      fc.constantFrom("replace", "append", "version"),
    )
    .map(([route, t, bad, how]) => {
      const own = ownCallerAndPath(route, world, idx, t);
      const base = own?.path ?? fill(route, { id: world.ids.uuid("x") });
      const path =
        how === "version" && route.path.includes("{version}")
          ? base.replace(/\/versions\/1$/, `/versions/${bad}`)
          : how === "append"
            ? base.replace(/^(\/[^/]+\/[^/]+)/, `$1${bad}`)
            : base.replace(/^(\/[^/]+\/)[^/]+/, `$1${bad}`);
      return single(
        build(
          own?.caller ?? world.caller("anonymous"),
          route.method.toUpperCase(),
          path,
          { ...bodyFor(route, world, t), headers: WRITE_HEADERS },
          "bad-path",
          opName(route),
          { range: CLIENT_ERROR, kind: "bad-path-accepted" },
        ),
      );
    });
  const rawNul = fc
    .tuple(
      fc.constantFrom(...withIds.filter((r) => r.method === "get")),
      fc.constantFrom("\u0000", "\u0001", "\u007f", " ", "\u00ff"),
    )
    .map(([route, ch]) => {
      const own = ownCallerAndPath(route, world, idx, "A");
      return single(
        build(
          own?.caller ?? world.caller("anonymous"),
          "GET",
          (own?.path ?? route.path).replace(/^(\/[^/]+\/)[^/]+/, `$1x${ch}y`),
          { raw: true },
          "raw-path-control",
          opName(route),
          { range: CLIENT_ERROR, kind: "bad-path-accepted" },
        ),
      );
    });
  const lists = ROUTES.filter(
    (r) =>
      r.method === "get" &&
      r.parameters.some((p) => !["id", "childId", "urn", "version", "ifNoneMatch", "ifMatch"].includes(p)),
  );
  const query = fc
    .tuple(
      fc.constantFrom(...lists),
      fc.constantFrom(...TENANT_NAMES),
      fc.constantFrom("%00", "x%00", "%00%00", "%C0%80"),
    )
    .map(([route, t, bad]) => {
      const own = ownCallerAndPath(route, world, idx, t);
      const params = route.parameters.filter(
        (p) => !["id", "childId", "urn", "version", "ifNoneMatch", "ifMatch"].includes(p),
      );
      const name = { filterChildId: "childId", sampleSize: "size" }[params[0] as string] ?? params[0]!;
      const sep = (own?.path ?? route.path).includes("?") ? "&" : "?";
      return single(
        build(
          own?.caller ?? world.caller("anonymous"),
          "GET",
          `${own?.path ?? route.path}${sep}${name}=${bad}`,
          {},
          "nul-query",
          opName(route),
          { status: [400], kind: "nul-in-query-not-400" },
        ),
      );
    });
  return fc.oneof({ weight: 3, arbitrary: segment }, { weight: 1, arbitrary: rawNul }, { weight: 2, arbitrary: query });
}

const b64 = (s: string): string => Buffer.from(s).toString("base64url");

/** Malformed cursors (exact 400) and foreign cursors: another tenant's, another list's (no leak, never 5xx). */
function cursorTasks(world: World, idx: TenantIndex): fc.Arbitrary<Task> {
  const lists = ROUTES.filter((r) => r.method === "get" && r.parameters.includes("cursor"));
  // Garbage no server could have issued: exactly 400.
  const garbage = fc.oneof(
    fc.constantFrom("!!", "%00", "null", "-1", "0", "%FF%FE", "..", "a".repeat(5000), "eyJ", "%ED%A0%80"),
    fc
      .string({ minLength: 1, maxLength: 40 })
      .filter((s) => !/^[A-Za-z0-9_-]+$/.test(s))
      .map((s) => encodeURIComponent(s)),
    fc
      .jsonValue()
      .filter((v) => v === null || typeof v !== "object" || Array.isArray(v))
      .map((v) => b64(JSON.stringify(v))),
  );
  // Cursor-shaped but never issued (an unsigned cursor cannot be told from a real one): a 400 or a page, never 5xx.
  const forged = fc.oneof(
    fc
      .record(
        { k: fc.string(), id: fc.string(), at: fc.string(), seq: fc.oneof(fc.integer(), fc.string()) },
        { requiredKeys: [] },
      )
      .map((v) => b64(JSON.stringify(v))),
    fc.uint8Array({ minLength: 1, maxLength: 64 }).map((u) => Buffer.from(u).toString("base64url")),
    fc.string({ minLength: 1, maxLength: 40 }).filter((s) => /^[A-Za-z0-9_-]+$/.test(s)),
  );
  const cursorReq = (
    route: RouteSpec,
    t: TenantName,
    cur: string,
    cls: string,
    expect: AttackRequest["expect"],
  ): Task => {
    const own = ownCallerAndPath(route, world, idx, t);
    const path = own?.path ?? route.path;
    return single(
      build(
        own?.caller ?? world.caller("anonymous"),
        "GET",
        `${path}${path.includes("?") ? "&" : "?"}cursor=${cur}`,
        {},
        cls,
        opName(route),
        expect,
      ),
    );
  };
  const malformed = fc.oneof(
    fc
      .tuple(fc.constantFrom(...lists), fc.constantFrom(...TENANT_NAMES), garbage)
      .map(([route, t, cur]) =>
        cursorReq(route, t, cur, "bad-cursor", { status: [400], kind: "malformed-cursor-not-400" }),
      ),
    fc
      .tuple(fc.constantFrom(...lists), fc.constantFrom(...TENANT_NAMES), forged)
      .map(([route, t, cur]) =>
        cursorReq(route, t, cur, "forged-cursor", { status: [200, 400], kind: "forged-cursor" }),
      ),
  );
  const foreignCursors = TENANT_NAMES.flatMap((t) =>
    [world.tenants[t].ispCursor, world.tenants[t].childCursor]
      .filter((x): x is string => !!x)
      .map((c) => ({ owner: t, cursor: c })),
  );
  const foreign = fc.tuple(fc.constantFrom(...lists), fc.constantFrom(...foreignCursors)).map(([route, fcur]) => {
    const own = ownCallerAndPath(route, world, idx, other(fcur.owner));
    const path = own?.path ?? route.path;
    return single(
      build(
        own?.caller ?? world.caller("anonymous"),
        "GET",
        `${path}${path.includes("?") ? "&" : "?"}cursor=${encodeURIComponent(fcur.cursor)}`,
        {},
        "foreign-cursor",
        opName(route),
        { status: [200, 400], kind: "foreign-cursor" },
      ),
    );
  });
  return foreignCursors.length
    ? fc.oneof({ weight: 3, arbitrary: malformed }, { weight: 2, arbitrary: foreign })
    : malformed;
}

const CONTROL_VALUES = [
  "\u0000",
  "a\u0000b",
  "\u0001",
  "\u001f",
  "\u007f",
  "\u000b",
  "\u00ff\u00fe",
  "\u00c3\u00a9",
  "x".repeat(9000),
  "\t",
  "\u0008",
] as const;

/** Control characters and NUL in Change-Reason, If-Match, If-None-Match and X-Correlation-Id, over a raw socket. */
function headerTasks(world: World, idx: TenantIndex): fc.Arbitrary<Task> {
  const targets = ROUTES.filter(
    (r) =>
      r.parameters.some(
        (p) => p === "ifMatch" || p === "ifNoneMatch" || p === "changeReason" || p === "changeReasonOptional",
      ) || r.method === "get",
  );
  return fc
    .tuple(
      fc.constantFrom(...targets),
      fc.constantFrom(...TENANT_NAMES),
      fc.constantFrom("change-reason", "if-match", "if-none-match", "x-correlation-id"),
      fc.constantFrom(...CONTROL_VALUES),
    )
    .map(([route, t, header, value]) => {
      const own = ownCallerAndPath(route, world, idx, t);
      const body =
        route.method === "post" && route.path.endsWith(route.path.split("/").pop()!)
          ? bodyFor(route, world, t)
          : route.method === "put"
            ? bodyFor(route, world, t, own?.path.split("/")[2])
            : {};
      const headers: Record<string, string> = { ...WRITE_HEADERS, [header]: value };
      return single(
        build(
          own?.caller ?? world.caller("anonymous"),
          route.method.toUpperCase(),
          own?.path ?? fill(route, { id: world.ids.uuid("x") }),
          { ...body, headers, raw: true },
          `header-${header}`,
          opName(route),
          {
            range: [200, 499],
            kind: "header-control",
            check: (res) =>
              /[\u0000-\u001f\u007f]/.test(res.headers["x-correlation-id"] ?? "")
                ? `x-correlation-id echoed with control characters`
                : undefined,
          },
        ),
      );
    });
}

const BAD_UTF8: readonly number[][] = [
  [0xff],
  [0xc0, 0x80],
  [0xed, 0xa0, 0x80],
  [0xe2, 0x82],
  [0xf8, 0x88, 0x80, 0x80, 0x80],
  [0x80],
  [0xfe, 0xff],
  [0xf4, 0x90, 0x80, 0x80],
];

/** Splices raw bytes into a JSON text in place of a marker string's contents. */
function splice(text: string, marker: string, bytes: number[]): Uint8Array {
  const i = text.indexOf(marker);
  const pre = Buffer.from(text.slice(0, i + 3), "utf8");
  const post = Buffer.from(text.slice(i + 3), "utf8");
  return new Uint8Array(Buffer.concat([pre, Buffer.from(bytes), post]));
}

/** Bodies: invalid UTF-8 (exact 400), lone surrogates and NUL in text (never stored), deep nesting (400), malformed
 *  JSON (400), wrong media types (415), on every JSON-body operation, by a caller allowed to call it. */
function bodyTasks(world: World, idx: TenantIndex): fc.Arbitrary<Task> {
  const routeAndCaller = fc
    .tuple(fc.constantFrom(...bodyRoutes), fc.constantFrom(...TENANT_NAMES))
    .map(([route, t]) => {
      const own = ownCallerAndPath(route, world, idx, t);
      const ownId = own?.path.split("/")[2];
      const body = bodyFor(route, world, t, route.method === "put" ? ownId : undefined);
      return { route, t, own, text: JSON.stringify(body.json ?? {}) };
    });
  const stores = (r: RouteSpec): boolean => r.operationId !== "validateDocument";
  const send = (
    x: { route: RouteSpec; own: { caller: Caller; path: string } | undefined },
    o: Parameters<typeof build>[3],
    cls: string,
    expect: AttackRequest["expect"],
  ): Task =>
    single(
      build(
        x.own?.caller ?? world.caller("anonymous"),
        x.route.method.toUpperCase(),
        x.own?.path ?? fill(x.route, { id: world.ids.uuid("x") }),
        { headers: WRITE_HEADERS, ...o },
        cls,
        opName(x.route),
        expect,
      ),
    );

  const badUtf8 = fc.tuple(routeAndCaller, fc.constantFrom(...BAD_UTF8)).map(([x, bytes]) => {
    const text = x.text.includes('"Atk') ? x.text : x.text.replace(/"text":"/, '"text":"Atk');
    return send(
      x,
      { body: text.includes('"Atk') ? splice(text, '"Atk', bytes) : new Uint8Array([0x7b, ...bytes, 0x7d]) },
      "bad-utf8-body",
      { status: [400], kind: "invalid-utf8-not-400" },
    );
  });
  const badText = fc
    .tuple(
      routeAndCaller.filter((x) => stores(x.route)),
      fc.constantFrom("\\ud800", "\\udfff", "x\\ud83dy", "\\u0000", "a\\u0000b"),
    )
    .map(([x, esc]) => {
      // Into a text field the record stores; a body without one (a transfer request) gets the text as a member.
      const replaced = x.text.replace(/"(preferredName|text|name)":"/, `"$1":"${esc}`);
      const text = replaced !== x.text ? replaced : x.text.replace(/^\{/, `{"note":"${esc}",`);
      return send(x, { body: text }, "bad-text-json", { range: CLIENT_ERROR, kind: "nul-or-lone-surrogate-stored" });
    });
  const deep = fc.tuple(routeAndCaller, fc.integer({ min: 200, max: 50_000 }), fc.boolean()).map(([x, n, arr]) =>
    send(x, { body: arr ? "[".repeat(n) + "]".repeat(n) : `${'{"a":'.repeat(n)}1${"}".repeat(n)}` }, "deep-nesting", {
      status: [400],
      kind: "deep-nesting-not-400",
    }),
  );
  const malformed = fc
    .tuple(
      routeAndCaller,
      fc.double({ min: 0, max: 0.99, noNaN: true }),
      fc.constantFrom("truncate", "trailing", "single-quotes", "nan", "bom"),
    )
    .map(([x, at, how]) => {
      const t = x.text;
      const body =
        how === "truncate"
          ? t.slice(0, Math.max(1, Math.floor(t.length * at)))
          : how === "trailing"
            ? `${t}}`
            : how === "single-quotes"
              ? t.replace(/"/g, "'")
              : how === "nan"
                ? '{"a":NaN}'
                : `\uFEFF{`;
      return send(x, { body }, "malformed-json", { status: [400], kind: "malformed-json-not-400" });
    });
  const wrongType = fc
    .tuple(
      routeAndCaller,
      fc.constantFrom(
        "text/plain",
        "application/xml",
        "multipart/form-data; boundary=x",
        "application/x-www-form-urlencoded",
        "image/png",
      ),
    )
    .map(([x, ct]) =>
      send(x, { body: x.text, contentType: ct }, "wrong-media-type", {
        status: [415],
        kind: "wrong-media-type-not-415",
      }),
    );
  return fc.oneof(
    { weight: 3, arbitrary: badUtf8 },
    { weight: 3, arbitrary: badText },
    { weight: 2, arbitrary: deep },
    { weight: 2, arbitrary: malformed },
    { weight: 2, arbitrary: wrongType },
  );
}

/** Other tenants' ids in bodies: plan injection (child.personId), the create-time existence oracle (a foreign record's
 *  id must answer like a fresh one), a foreign id in an update body; UUIDs in upper case. */
function foreignBodyTasks(world: World): fc.Arbitrary<Task> {
  const injection = fc
    .tuple(fc.constantFrom(...TENANT_NAMES), fc.constantFrom(...DOC_KINDS), fc.constantFrom(0, 1))
    .map(
      ([t, k, which]): Task => ({
        cls: "plan-injection",
        async run(ctx) {
          const foreignChild = world.tenants[other(t)].children[which]!.child;
          const mine = newChildData(world.ids, t);
          world.secrets.addChild(mine);
          const doc = documentBody(k, mine, world.ids.uuid(k));
          world.secrets.add(doc.id as string, { tenant: t }); // written by strangers: the other tenant must never see it
          (doc.child as Json).personId = foreignChild.id;
          const res = await ctx.send(
            build(
              world.caller(`${t}:${WRITER[k]}`),
              "POST",
              DOC_PATHS[k],
              { json: doc },
              "plan-injection",
              `POST ${DOC_PATHS[k]}`,
              { range: CLIENT_ERROR, kind: "plan-injection-accepted" },
            ),
          );
          world.secrets.add(createdId(res, doc.id as string), { tenant: t });
        },
      }),
    );
  const oracle = fc
    .tuple(fc.constantFrom(...TENANT_NAMES), fc.constantFrom<DocKind | "child">(...DOC_KINDS, "child"))
    .map(
      ([t, k]): Task => ({
        cls: "existence-oracle",
        async run(ctx) {
          const ot = world.tenants[other(t)].children[0]!;
          const foreignId = k === "child" ? ot.child.id : ot.docs[k];
          const mine = world.tenants[t].children[0]!.child;
          const writer = world.caller(k === "child" ? `${t}:setting-staff` : `${t}:${WRITER[k]}`);
          const path = k === "child" ? "/children" : DOC_PATHS[k];
          const make = (id: string): Json => {
            if (k !== "child") return documentBody(k, mine, id);
            const fresh = newChildData(world.ids, t);
            world.secrets.addChild({ ...fresh, id: fresh.id });
            return childBody(fresh, id);
          };
          const fresh = world.ids.uuid("fresh");
          world.secrets.add(fresh, { tenant: t, childId: mine.id });
          const a = await ctx.send(
            build(writer, "POST", path, { json: make(foreignId) }, "existence-oracle", `POST ${path}`, {
              range: [200, 499],
            }),
          );
          const b = await ctx.send(
            build(writer, "POST", path, { json: make(fresh) }, "existence-oracle", `POST ${path}`, {
              range: [200, 499],
            }),
          );
          const kindOf = (r: typeof a): string => `${r.status} ${String(json(r).type ?? "")}`;
          if (kindOf(a) !== kindOf(b))
            ctx.violation(
              "existence-oracle",
              "existence-oracle",
              `POST ${path}`,
              `${writer.key} POST ${path} with ${other(t)}'s id ${foreignId} → ${a.status} ${a.text.slice(0, 160)}; with a fresh id → ${b.status}`,
            );
        },
      }),
    );
  const putForeignId = fc.tuple(fc.constantFrom(...TENANT_NAMES), fc.constantFrom(...DOC_KINDS)).map(([t, k]) => {
    const seeded = world.tenants[t].children[0]!;
    const doc = documentBody(k, seeded.child, world.tenants[other(t)].children[0]!.docs[k]);
    return single(
      build(
        world.caller(`${t}:${WRITER[k]}`),
        "PUT",
        `${DOC_PATHS[k]}/${seeded.docs[k]}`,
        { json: doc, headers: WRITE_HEADERS },
        "foreign-id-body",
        `PUT ${DOC_PATHS[k]}/{id}`,
        { range: CLIENT_ERROR, kind: "foreign-id-in-body-accepted" },
      ),
    );
  });
  const upperRead = fc.tuple(fc.constantFrom(...TENANT_NAMES), fc.constantFrom(...DOC_KINDS)).map(([t, k]) => {
    const id = world.tenants[t].children[0]!.docs[k];
    const c = world.caller(`${t}:${WRITER[k]}`);
    return single(
      build(c, "GET", `${DOC_PATHS[k]}/${id.toUpperCase()}`, {}, "uuid-upper-case", `GET ${DOC_PATHS[k]}/{id}`, {
        status: [200],
        kind: "upper-case-uuid-not-normalised",
        check: hasId(id),
      }),
    );
  });
  const upperCreate = fc.tuple(fc.constantFrom(...TENANT_NAMES), fc.constantFrom(...DOC_KINDS)).map(([t, k]) => {
    const seeded = world.tenants[t].children[0]!;
    const doc = documentBody(k, seeded.child, seeded.docs[k].toUpperCase());
    return single(
      build(
        world.caller(`${t}:${WRITER[k]}`),
        "POST",
        DOC_PATHS[k],
        { json: doc },
        "uuid-upper-case",
        `POST ${DOC_PATHS[k]}`,
        {
          status: [201, 409],
          kind: "upper-case-uuid-second-record",
          // 409 (the same record), or 201 for a record the server filed under an id of its own choosing.
          check: (res) =>
            res.status === 201 && (res.headers.location ?? "").split("/").pop()!.toLowerCase() === seeded.docs[k]
              ? "a second record under the same UUID in upper case"
              : undefined,
        },
      ),
    );
  });
  return fc.oneof(
    { weight: 3, arbitrary: injection },
    { weight: 3, arbitrary: oracle },
    { weight: 1, arbitrary: putForeignId },
    { weight: 1, arbitrary: upperRead },
    { weight: 1, arbitrary: upperCreate },
  );
}

/** Public operations whose body is a signed message (the inbox, acknowledgements, LA-to-LA messages). */
const SIGNED_BODY_PATHS = ROUTES.filter(
  (r) => r.method === "post" && !r.scope && r.requestBody?.contentType === "application/jose",
).map((r) => r.path);

/** The public signed-message operations: garbage, forged and replayed bundles; no receipt may be signed for what did
 *  not verify. */
function inboxTasks(world: World, forgedBundles: string[]): fc.Arbitrary<Task> {
  const anon = world.caller("anonymous");
  const noReceipt = (res: { text: string }): string | undefined =>
    json(res as never).receipt ? "signed a receipt for an unverified bundle" : undefined;
  const payload = fc.oneof(
    fc.string({ maxLength: 300 }).map((s) => ({ body: s, ct: "application/jose" })),
    fc.jsonValue().map((v) => ({ body: JSON.stringify(v), ct: "application/json" })),
    fc.tuple(fc.jsonValue(), fc.jsonValue()).map(([h, p]) => ({
      body: `${b64(JSON.stringify(h))}.${b64(JSON.stringify(p))}.${b64("sig")}`,
      ct: "application/jose",
    })),
    fc.constantFrom(...forgedBundles).map((b) => ({ body: b, ct: "application/jose" })),
    fc.constantFrom(...forgedBundles).map((b) => ({ body: JSON.stringify(b), ct: "application/json" })),
    fc.constant({ body: "{}", ct: "text/plain" }),
  );
  return fc.tuple(fc.constantFrom(...SIGNED_BODY_PATHS), payload).map(([path, { body, ct }]) =>
    single(
      build(anon, "POST", path, { body, contentType: ct }, "inbox-garbage", `POST ${path}`, {
        range: CLIENT_ERROR,
        kind: "inbox-accepted-garbage",
        check: noReceipt,
      }),
    ),
  );
}

/** Transfers addressed to the sender's own setting (refused), and the decoy: a child carrying another tenant's UPN,
 *  sent to oneself, after which the other tenant's child must still be out of reach. */
function transferTasks(world: World): fc.Arbitrary<Task> {
  const self = fc.constantFrom(...TENANT_NAMES).map((t) => {
    const ch = world.tenants[t].children[0]!.child;
    return single(
      build(
        world.caller(`${t}:setting-staff`),
        "POST",
        `/children/${ch.id}/transfers`,
        { json: { receiver: { urn: TENANTS[t].settingUrn }, reason: "in-year-move" } },
        "self-transfer",
        "POST /children/{childId}/transfers",
        { range: CLIENT_ERROR, kind: "self-addressed-transfer-accepted" },
      ),
    );
  });
  const decoy = fc.tuple(fc.constantFrom(...TENANT_NAMES), fc.constantFrom(0, 1)).map(
    ([t, which]): Task => ({
      cls: "decoy-transfer",
      async run(ctx) {
        const victim = world.tenants[other(t)].children[which]!.child;
        const staff = world.caller(`${t}:setting-staff`);
        const decoy = { ...newChildData(world.ids, t), upn: victim.upn, nhsNumber: victim.nhsNumber };
        world.secrets.add(decoy.id, { tenant: t, childId: decoy.id });
        world.secrets.add(decoy.given, { tenant: t, childId: decoy.id });
        world.secrets.add(decoy.family, { tenant: t, childId: decoy.id });
        const any = { range: [200, 499] as const };
        const made = await ctx.send(
          build(staff, "POST", "/children", { json: childBody(decoy) }, "decoy-transfer", "POST /children", any),
        );
        const decoyId = createdId(made, decoy.id);
        decoy.id = decoyId;
        for (const v of [decoyId, decoy.given, decoy.family]) world.secrets.add(v, { tenant: t, childId: decoyId });
        const proposed = world.ids.uuid("isp");
        const isp = await ctx.send(
          build(
            staff,
            "POST",
            "/isps",
            { json: documentBody("isp", decoy, proposed) },
            "decoy-transfer",
            "POST /isps",
            any,
          ),
        );
        world.secrets.add(createdId(isp, proposed), { tenant: t, childId: decoyId });
        const sent = await ctx.send(
          build(
            staff,
            "POST",
            `/children/${decoy.id}/transfers`,
            { json: { receiver: { urn: TENANTS[t].settingUrn }, reason: "in-year-move" } },
            "decoy-transfer",
            "POST /children/{childId}/transfers",
            { range: CLIENT_ERROR, kind: "self-addressed-transfer-accepted" },
          ),
        );
        const id = json(sent).id;
        if (typeof id === "string") {
          world.secrets.add(id, { tenant: t, childId: decoy.id });
          for (let i = 0; i < 20; i++) {
            const st = await ctx.send(
              build(staff, "GET", `/transfers/${id}`, {}, "decoy-transfer", "GET /transfers/{id}", any),
            );
            if (!["prepared", "sent"].includes(String(json(st).status))) break;
            await new Promise((r) => setTimeout(r, 50));
          }
        }
        await ctx.send(
          build(staff, "GET", `/children/${victim.id}`, {}, "decoy-transfer", "GET /children/{childId}", {
            status: [404],
            kind: "foreign-record-reachable",
          }),
        );
        await ctx.send(
          build(staff, "GET", `/children?upn=${victim.upn}`, {}, "decoy-transfer", "GET /children", { status: [200] }),
        );
        await ctx.send(
          build(staff, "GET", `/isps?upn=${victim.upn}`, {}, "decoy-transfer", "GET /isps", { status: [200] }),
        );
      },
    }),
  );
  return fc.oneof({ weight: 1, arbitrary: self }, { weight: 2, arbitrary: decoy });
}

/** A parent's statement claiming a professional's authorship: refused, or stored as the parent's. */
function voiceTasks(world: World): fc.Arbitrary<Task> {
  return fc
    .tuple(
      fc.constantFrom(...TENANT_NAMES),
      fc.constantFrom(...DOC_KINDS),
      fc.constantFrom("professional", "advocate", "child"),
    )
    .map(([t, k, role]) => {
      const seeded = world.tenants[t].children[0]!;
      const parent = world.caller(`${t}:parent-carer`);
      return single(
        build(
          parent,
          "POST",
          `${DOC_PATHS[k]}/${seeded.docs[k]}/voice`,
          { json: voiceBody(world.ids, role), headers: { "change-reason": "Views" } },
          "voice-authorship",
          `POST ${DOC_PATHS[k]}/{id}/voice`,
          {
            range: [200, 499],
            kind: "voice-authorship",
            check: (res) => {
              if (res.status >= 300) return undefined;
              const last = (json(res).voice as Json[] | undefined)?.at(-1);
              return last && last.authorRole !== "parent-carer" && role !== "child"
                ? `a parent's statement stored as authorRole ${String(last.authorRole)}`
                : undefined;
            },
          },
        ),
      );
    });
}

export function hostileTasks(
  world: World,
  idx: TenantIndex,
  forged: ForgedTokens,
  forgedBundles: string[],
): fc.Arbitrary<Task> {
  return fc.oneof(
    { weight: 8, arbitrary: authTasks(world, forged) },
    { weight: 10, arbitrary: foreignPathTasks(world, idx) },
    { weight: 4, arbitrary: foreignFilterTasks(world) },
    { weight: 8, arbitrary: pathAndQueryTasks(world, idx) },
    { weight: 6, arbitrary: cursorTasks(world, idx) },
    { weight: 5, arbitrary: headerTasks(world, idx) },
    { weight: 12, arbitrary: bodyTasks(world, idx) },
    { weight: 5, arbitrary: foreignBodyTasks(world) },
    { weight: 3, arbitrary: inboxTasks(world, forgedBundles) },
    { weight: 2, arbitrary: transferTasks(world) },
    { weight: 1, arbitrary: voiceTasks(world) },
  );
}

/** The few huge bodies (each is megabytes): exactly 413, and readable by the client even at 30 MB. */
export function hugeBodyTasks(world: World): Task[] {
  const staff = world.caller("A:setting-staff");
  const seeded = world.tenants.A.children[0]!;
  const big = (mb: number): string =>
    JSON.stringify({
      ...documentBody("isp", seeded.child, world.ids.uuid("isp")),
      filler: "x".repeat(mb * 1024 * 1024),
    });
  return [
    single(
      build(staff, "POST", "/isps", { body: big(3) }, "huge-body", "POST /isps", {
        status: [413],
        kind: "huge-body-not-413",
      }),
    ),
    single(
      build(
        staff,
        "PUT",
        `/isps/${seeded.docs.isp}`,
        { body: big(3), headers: WRITE_HEADERS },
        "huge-body",
        "PUT /isps/{id}",
        { status: [413], kind: "huge-body-not-413" },
      ),
    ),
    single(
      build(
        world.caller("anonymous"),
        "POST",
        "/transfers/inbox",
        { body: "a".repeat(3 * 1024 * 1024), contentType: "application/jose" },
        "huge-body",
        "POST /transfers/inbox",
        { status: [413], kind: "huge-body-not-413" },
      ),
    ),
    single(
      build(staff, "POST", "/isps", { body: big(30) }, "huge-body", "POST /isps", {
        status: [413],
        kind: "huge-body-not-413",
      }),
    ),
  ];
}
