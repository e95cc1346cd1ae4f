// Faulty variants of the stored-record routes, for the conformance self-test only (catalogue.ts). They wrap the
// production configuration and handlers from outside, so the production code carries no branch for them: with no
// faults the wrappers return what they are given.
import type { Context } from "hono";
import type { AppEnv } from "../env.ts";
import type { AppDeps } from "../deps.ts";
import type { Handler } from "../routes/resource-handlers.ts";
import type { ResourceConfig } from "../routes/resources.ts";
import { actorOf } from "../audit/audit-event.ts";
import { HttpProblem } from "../http/problems.ts";
import { hasFault } from "./index.ts";

/** The kind's configuration as a faulty server has it: checks a careless implementation never makes are gone. */
export function faultyResource<C extends ResourceConfig>(cfg: C, deps: Pick<AppDeps, "faults">): C {
  if (deps.faults.size === 0) return cfg;
  const out: ResourceConfig = { ...cfg };
  // Plans may name any child id, seen or not, existing or not (plan injection).
  if (hasFault(deps, "plan-child-reference-unchecked")) delete out.childReferenceOf;
  // Anyone may speak as anyone on the voice endpoint.
  if (hasFault(deps, "voice-author-role-unchecked")) delete out.voiceErrors;
  return out as C;
}

/** The create handler as a faulty server has it: one that keeps the client's id and so reveals or takes over records. */
export function faultyCreate(create: Handler, cfg: ResourceConfig, deps: AppDeps): Handler {
  if (deps.faults.size === 0) return create;
  const { store } = deps;
  const existing = async (c: Context<AppEnv>) => {
    const id = cfg.idOf(c.get("body"));
    return id === undefined ? undefined : store.get(cfg.kind, id);
  };
  if (hasFault(deps, "duplicate-create-overwrites")) {
    // A create with an id in use silently becomes an update of that record, whoever's it is.
    return async (c) => {
      const current = await existing(c);
      if (!current) return create(c);
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
  }
  if (hasFault(deps, "create-reveals-foreign-id")) {
    // The client's id is kept, so an id in use (another tenant's too) answers 409 where an unused one answers 201.
    return async (c) => {
      const current = await existing(c);
      if (current)
        throw new HttpProblem(
          "conflict",
          `A record with id ${JSON.stringify(current.id)} already exists; update it with PUT instead.`,
        );
      return create(c);
    };
  }
  return create;
}
