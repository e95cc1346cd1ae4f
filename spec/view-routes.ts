// The plan views (family, young-person, classroom): the same plan as a page people read, from the SDK's view
// functions (send-interchange/views). Each is a read of the plan with the same scope, tenancy and audit as the JSON
// read; `Accept: application/pdf` or `?format=pdf` asks for a print-ready PDF made by headless Chromium.
import type { ProblemKind } from "./problems.ts";
import type { RouteSpec, TagName } from "./routes.ts";
import type { Scope } from "./roles.ts";

const VIEW_ERRORS: readonly ProblemKind[] = [
  "unauthorized",
  "forbidden",
  "rate-limited",
  "internal",
  "not-found",
  "invalid-parameter",
  "service-unavailable",
  "not-acceptable",
];

const WHO: Record<string, string> = {
  family:
    "for parents and carers: the child as a person first (what people like and admire about " +
    "them, what is important to them, how best to support them), then the plan in plain " +
    "English, what the family said and whether they agree, who has read the plan in the last " +
    "year, where a transfer stands, and a glossary of the reform's terms",
  "young-person":
    "addressed to the child or young person (second person, shorter sentences); from 16 it says that the young person holds the rights",
  classroom:
    "one A4 page for a class or supply teacher: what I need to know, what I need to do, key " +
    "adjustments, who to ask. Sections and items labelled health, social care or safeguarding " +
    "are left out, as sharing labels decide for transfers",
};

function viewRoute(
  base: string,
  kind: "isp" | "ehcp" | "legacy-ehcp",
  opNoun: string,
  noun: string,
  tag: TagName,
  view: "family" | "young-person" | "classroom",
  opView: string,
): RouteSpec {
  return {
    method: "get",
    path: `${base}/{id}/views/${view}`,
    operationId: `get${opNoun}${opView}View`,
    summary: `The ${view} view of ${noun}`,
    description:
      `The current version of the ${noun.replace(/^an? /, "")} as a standalone, accessible HTML ` +
      `page (WCAG 2.2 AA; no scripts, fonts or anything else fetched) ${WHO[view]}. Codes appear ` +
      `as their family display text and dates as people write them. The same roles and tenancy ` +
      `apply as to the JSON read (a parent or carer sees only their own child's plans; a role ` +
      `limited by sharing labels sees only what they allow), and every view is recorded in the ` +
      `audit log and the child's access log as a read. \`Accept: application/pdf\` or ` +
      `\`format=pdf\` gives the page as a PDF (A4) printed by headless Chromium; a server ` +
      `without it answers 503. An \`Accept\` header that rules out both \`text/html\` and ` +
      `\`application/pdf\` (e.g. only \`application/json\`) is answered 406 not-acceptable, before the plan is read.`,
    tag,
    scope: `${kind}:read` as Scope,
    resource: kind,
    auditAction: "read",
    parameters: ["id", "format", "purpose"],
    responses: [
      {
        status: 200,
        description: `The ${view} view.`,
        body: {
          schema: "HtmlPage",
          contentType: "text/html",
          description: "The page (UTF-8), or the same page as a PDF.",
          alternatives: [{ contentType: "application/pdf", schema: "PdfDocument" }],
        },
      },
    ],
    errors: VIEW_ERRORS,
  };
}

export const VIEW_ROUTES: readonly RouteSpec[] = [
  viewRoute("/isps", "isp", "Isp", "an Individual Support Plan", "Individual Support Plans", "family", "Family"),
  viewRoute(
    "/isps",
    "isp",
    "Isp",
    "an Individual Support Plan",
    "Individual Support Plans",
    "young-person",
    "YoungPerson",
  ),
  viewRoute("/isps", "isp", "Isp", "an Individual Support Plan", "Individual Support Plans", "classroom", "Classroom"),
  viewRoute("/ehcps", "ehcp", "Ehcp", "an EHCP", "EHCPs", "family", "Family"),
  viewRoute(
    "/legacy-ehcps",
    "legacy-ehcp",
    "LegacyEhcp",
    "an EHCP made under the 2014 regulations",
    "Legacy EHCPs",
    "family",
    "Family",
  ),
];
