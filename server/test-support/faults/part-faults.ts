// Decorators of the app's parts (server/src/app-parts.ts) for the conformance self-test's faulty servers: the
// validator, the token verifier, the permission check, the access policy, resource configurations, handlers and the
// transfer steps, each wrapping production's own.
import { AsyncLocalStorage } from "node:async_hooks";
import { base64url, decodeJwt, decodeProtectedHeader } from "jose";
import type { Context } from "hono";
import type { AppParts, PartDecorators } from "../../src/app-parts.ts";
import type { AppEnv } from "../../src/env.ts";
import type { Store } from "../../src/storage/store.ts";
import { actorOf } from "../../src/audit/audit-event.ts";
import { HttpProblem } from "../../src/http/problems.ts";
import { RESOURCES, type ResourceConfig } from "../../src/routes/resources.ts";
import { ROUTES } from "../../../spec/routes.ts";
import type { Handler } from "../../src/routes/resource-handlers.ts";
import { recordAt } from "./http-faults.ts";

/** A verifier that, when production's refuses a token, still takes its claims if `wave(alg)` says so. */
export const verifierWaving =
  (wave: (alg: string | undefined) => boolean) =>
  (verify: AppParts["verifyToken"]): AppParts["verifyToken"] =>
  async (token) => {
    try {
      return await verify(token);
    } catch (err) {
      let alg: string | undefined;
      try {
        alg = decodeProtectedHeader(token).alg;
      } catch {
        throw err;
      }
      if (!wave(alg)) throw err;
      return decodeJwt(token) as Record<string, unknown>;
    }
  };

/** The resource kind an operation serves, from spec/routes.ts. */
function resourceOf(operationId: string): ResourceConfig | undefined {
  const kind = ROUTES.find((r) => r.operationId === operationId)?.resource;
  return kind && kind in RESOURCES ? (RESOURCES[kind as keyof typeof RESOURCES] as ResourceConfig) : undefined;
}

const isCreate = (operationId: string) => /^create[A-Z]/.test(operationId);

/** The record a create body's id names, if one is stored. */
async function existingFor(store: Store, cfg: ResourceConfig, c: Context<AppEnv>) {
  const id = cfg.idOf(c.get("body"));
  return id === undefined ? undefined : store.get(cfg.kind, id.toLowerCase());
}

/** Creates that keep the client's id: an id in use answers 409, so another tenant's record's existence leaks. */
export const createRevealingIds =
  (store: Store) =>
  (wrap: AppParts["handler"]): AppParts["handler"] =>
  (operationId, handler) => {
    const cfg = resourceOf(operationId);
    if (!cfg || !isCreate(operationId)) return wrap(operationId, handler);
    return async (c) => {
      const current = await existingFor(store, cfg, c);
      if (current)
        throw new HttpProblem(
          "conflict",
          `A record with id ${JSON.stringify(current.id)} already exists; update it with PUT instead.`,
        );
      return handler(c);
    };
  };

/** Creates with an id in use silently update that record, whoever's it is. */
export const createOverwriting =
  (store: Store) =>
  (wrap: AppParts["handler"]): AppParts["handler"] =>
  (operationId, handler) => {
    const cfg = resourceOf(operationId);
    if (!cfg || !isCreate(operationId)) return wrap(operationId, handler);
    const overwrite: Handler = async (c) => {
      const current = await existingFor(store, cfg, c);
      if (!current) return handler(c);
      const body = c.get("body");
      const prov = { actor: actorOf(c.get("principal")), reason: "created", correlationId: c.get("correlationId") };
      const stored = await store.update(
        cfg.kind,
        current.id,
        current.version,
        body,
        cfg.factsOf(body, current.id),
        current.tenant,
        prov,
      );
      c.header("location", `${cfg.basePath}/${encodeURIComponent(stored.id)}`);
      c.header("etag", stored.etag);
      return c.json(stored.body as object, 201);
    };
    return overwrite;
  };

/** The child id a document names (child.personId), exactly as sent: no letter case folded. */
export function sentChildId(body: unknown): string | undefined {
  const child = (body as { child?: { personId?: unknown } } | null)?.child;
  return typeof child?.personId === "string" ? child.personId : undefined;
}

/** Updates (PUT) skip the child-reference check that creates make: the update handlers run with a flag set that the
 *  resources' childReferenceOf reads, so every other step of an update is production's. */
export function childReferenceOnCreateOnly(): PartDecorators {
  const updating = new AsyncLocalStorage<true>();
  return {
    handler: (wrap) => (operationId, handler) => {
      const wrapped = wrap(operationId, handler);
      return /^update[A-Z]/.test(operationId) && resourceOf(operationId)
        ? (c) => updating.run(true, () => wrapped(c))
        : wrapped;
    },
    resource: (r) => (cfg) => {
      const c = r(cfg);
      const check = c.childReferenceOf;
      if (!check) return c;
      return { ...c, childReferenceOf: (body: unknown) => (updating.getStore() ? undefined : check(body)) };
    },
  };
}

/** Updates keep the stored status whatever the body says: status is treated as server-managed, so a plan cannot be
 *  closed (or ceased) by writing a new version. */
export const statusChangesIgnored =
  (store: Store) =>
  (wrap: AppParts["handler"]): AppParts["handler"] =>
  (operationId, handler) => {
    const cfg = resourceOf(operationId);
    const wrapped = wrap(operationId, handler);
    if (!cfg || !/^update[A-Z]/.test(operationId)) return wrapped;
    return async (c) => {
      const body = c.get("body") as Record<string, unknown> | undefined;
      const at = recordAt(c.req.url);
      const current = at ? await store.get<Record<string, unknown>>(cfg.kind, at.id) : undefined;
      if (body && current && "status" in current.body) c.set("body", { ...body, status: current.body.status });
      return wrapped(c);
    };
  };

/** Creates of one operation only (`operationId`) that overwrite a record whose key is in use. */
export const createOverwritingOnly =
  (store: Store, only: string) =>
  (wrap: AppParts["handler"]): AppParts["handler"] =>
  (operationId, handler) =>
    operationId === only ? createOverwriting(store)(wrap)(operationId, handler) : wrap(operationId, handler);

/** POST /$validate that also files a valid document under the caller. */
export const validateStoring =
  (store: Store) =>
  (wrap: AppParts["handler"]): AppParts["handler"] =>
  (operationId, handler) => {
    if (operationId !== "validateDocument") return wrap(operationId, handler);
    return async (c) => {
      const res = await handler(c);
      const report = (await res.clone().json()) as { valid?: boolean; documentType?: string };
      const cfg =
        report.valid && report.documentType && report.documentType in RESOURCES
          ? (RESOURCES[report.documentType as keyof typeof RESOURCES] as ResourceConfig)
          : undefined;
      const body = c.get("body");
      const id = cfg?.idOf(body);
      if (cfg && id) {
        const p = c.get("principal");
        const tenant = {
          ...(p.settingUrn ? { settingUrn: p.settingUrn } : {}),
          ...(p.laCode ? { laCode: p.laCode } : {}),
        };
        await store.create(cfg.kind, id, body, cfg.factsOf(body, id), tenant, {
          actor: actorOf(p),
          reason: "validated",
          correlationId: c.get("correlationId"),
        });
      }
      return res;
    };
  };

/** A receipt as a faulty inbox signs it: not at all (alg none). */
export function unsignedReceipt(signed: string): string {
  const [, payload] = signed.split(".");
  const header = base64url.encode(
    JSON.stringify({ alg: "none", typ: "send-transfer-receipt+json", cty: "application/json" }),
  );
  return `${header}.${payload ?? ""}.`;
}

/** Agreements staff record on a family's behalf are stored as if the family gave them themselves: the recorder and
 *  how the stance was given are lost (the handler is handed the family's role, for the plan's child, and a body without
 *  `onBehalfOf`). */
export const agreementRecordedAsFamily =
  (store: Store) =>
  (wrap: AppParts["handler"]): AppParts["handler"] =>
  (operationId, handler) => {
    const cfg = resourceOf(operationId);
    if (!cfg || !/^add(Isp|Ehcp)Agreement$/.test(operationId)) return wrap(operationId, handler);
    return wrap(operationId, async (c) => {
      const body = c.get("body") as Record<string, unknown> | undefined;
      const onBehalfOf = body?.onBehalfOf as Record<string, unknown> | undefined;
      const current = await store.get(cfg.kind, String(c.req.param("id")).toLowerCase());
      if (body && onBehalfOf && typeof onBehalfOf === "object" && current) {
        const { onBehalfOf: _dropped, ...rest } = body;
        c.set("body", rest);
        const childId = cfg.factsOf(current.body, current.id).childId;
        const role = onBehalfOf.personType === "young-person" ? "young-person" : "parent-carer";
        c.set("principal", { ...c.get("principal"), role, childIds: childId ? [childId] : [] });
      }
      return handler(c);
    });
  };

/** A young person's agreement is accepted on any child's plan: the handler is handed a principal that also holds the
 *  plan's child, as a server that checks only the role (a family member may record stances) and not whose plan it is. */
export const youngPersonAgreesForAnyChild =
  (store: Store) =>
  (wrap: AppParts["handler"]): AppParts["handler"] =>
  (operationId, handler) => {
    const cfg = resourceOf(operationId);
    if (!cfg || !/^add(Isp|Ehcp)Agreement$/.test(operationId)) return wrap(operationId, handler);
    return wrap(operationId, async (c) => {
      const p = c.get("principal");
      const current = await store.get(cfg.kind, String(c.req.param("id")).toLowerCase());
      const childId = current ? cfg.factsOf(current.body, current.id).childId : undefined;
      if (p.role === "young-person" && childId) c.set("principal", { ...p, childIds: [...p.childIds, childId] });
      return handler(c);
    });
  };
