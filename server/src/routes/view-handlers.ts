// GET /isps/{id}/views/{family|young-person|classroom}, /ehcps/{id}/views/family, /legacy-ehcps/{id}/views/family:
// the plan as a page people read (send-interchange/views), or as a PDF. The same access rules and audit as the JSON
// read: a record the caller may not see is 404 (audited as denied); every view is an audited read; a role limited by
// sharing labels gets the projected plan; the classroom page gets only what education labels allow.
import type { Context } from "hono";
import type { AppEnv } from "../env.ts";
import type { AppDeps } from "../deps.ts";
import { audit } from "../audit/audit-event.ts";
import { canSee } from "../access/tenancy.ts";
import { projectBySharing, projectFor } from "../access/projection.ts";
import { HttpProblem, notFound } from "../http/problems.ts";
import { pathParam } from "../middleware/parameters/index.ts";
import { RESOURCES } from "./resources.ts";
import type { Handler } from "./resource-handlers.ts";
import {
  renderClassroomView,
  renderFamilyView,
  renderYoungPersonView,
  type ViewOptions,
} from "../../../sdk/src/views/index.ts";
import { accessFacts, transferFacts } from "../views/view-facts.ts";
import { VIEW_MEDIA_TYPES, viewFormat } from "../views/negotiate.ts";

type ViewKind = "isp" | "ehcp" | "legacy-ehcp";
type ViewName = "family" | "young-person" | "classroom";

const RENDER: Record<ViewName, (doc: unknown, opts: ViewOptions) => string> = {
  family: renderFamilyView,
  "young-person": renderYoungPersonView,
  classroom: renderClassroomView,
};

/** A page of someone's plan: never cached by a shared cache, never able to load or run anything. */
const PAGE_HEADERS = {
  "cache-control": "no-store",
  "content-security-policy":
    "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'; form-action 'none'",
  "x-content-type-options": "nosniff",
  "referrer-policy": "no-referrer",
};

export function viewHandler(deps: AppDeps, kind: ViewKind, view: ViewName): Handler {
  const cfg = RESOURCES[kind];
  return async (c: Context<AppEnv>) => {
    const format = viewFormat(c.get("query")?.format, c.req.header("accept"));
    // Said before anything is read, so a 406 tells nothing about the record.
    if (format === undefined)
      throw new HttpProblem(
        "not-acceptable",
        `This page can be sent as ${VIEW_MEDIA_TYPES.join(" or ")}; the Accept header asks for neither.`,
      );
    const pdf = format === "pdf";
    // Said before anything is read, so a 503 tells nothing about the record.
    if (pdf && !deps.pdf.available())
      throw new HttpProblem(
        "service-unavailable",
        "This server cannot make PDFs (it has no headless Chromium). Ask for the HTML page and print it from a browser.",
      );
    const id = pathParam(c, "id");
    const p = c.get("principal");
    // Why the plan is read goes into the audit record (checked against the access-purposes list by `parameters`).
    const purpose = c.get("query")?.purpose ?? "not-stated";
    const v = await deps.store.get(kind, id);
    const childId = v ? cfg.factsOf(v.body, v.id).childId : undefined;
    if (!v || !canSee(p, { tenant: v.tenant, childId })) {
      await audit(deps.store, c, { action: "read", kind, resourceId: id, outcome: "denied", purpose });
      throw notFound();
    }
    await audit(deps.store, c, { action: "read", kind, resourceId: v.id, version: v.version, childId, purpose });
    let body = projectFor(p, v.body).body;
    if (view === "classroom") body = projectBySharing(body, ["education"]);
    const now = deps.clock();
    const options: ViewOptions = {
      viewerRole: p.role,
      viewerSubject: p.subject,
      today: now.toISOString().slice(0, 10),
    };
    if (view !== "classroom") {
      options.accessLog = await accessFacts(deps.store, v.id, now);
      options.transfers = await transferFacts(deps.store, p, childId);
    }
    const html = RENDER[view](body, options);
    if (pdf) {
      const bytes = await deps.pdf.print(html);
      return c.body(bytes as Uint8Array<ArrayBuffer>, 200, {
        ...PAGE_HEADERS,
        "content-type": "application/pdf",
        "content-disposition": `inline; filename="${view}-view.pdf"`,
      });
    }
    return c.body(html, 200, { ...PAGE_HEADERS, "content-type": "text/html; charset=utf-8", vary: "Accept" });
  };
}

export function viewHandlers(deps: AppDeps): Record<string, Handler> {
  return {
    getIspFamilyView: viewHandler(deps, "isp", "family"),
    getIspYoungPersonView: viewHandler(deps, "isp", "young-person"),
    getIspClassroomView: viewHandler(deps, "isp", "classroom"),
    getEhcpFamilyView: viewHandler(deps, "ehcp", "family"),
    getLegacyEhcpFamilyView: viewHandler(deps, "legacy-ehcp", "family"),
  };
}
