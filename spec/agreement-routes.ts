// Families say whether they agree: POST /isps/{id}/agreements and /ehcps/{id}/agreements record a parent's, carer's or
// young person's stance on one item of the plan as a new version, with the caller as the author (see
// sdk/src/documents/agreement.ts). Declared here, beside the document routes, because only plans with agreeable items
// (provision, reviews, delivery records) have it.
import type { ProblemKind } from "./problems.ts";
import type { RouteSpec, TagName } from "./routes.ts";
import type { Scope } from "./roles.ts";

const AGREEMENT_ERRORS: readonly ProblemKind[] = [
  "unauthorized",
  "forbidden",
  "rate-limited",
  "internal",
  "not-found",
  "malformed-json",
  "invalid-encoding",
  "too-deep",
  "payload-too-large",
  "unsupported-media-type",
  "validation-failed",
  "invalid-parameter",
  "precondition-failed",
];

function agreementRoute(
  base: string,
  kind: "isp" | "ehcp",
  opNoun: string,
  noun: string,
  schema: "IndividualSupportPlan" | "Ehcp",
  tag: TagName,
  items: string,
): RouteSpec {
  return {
    method: "post",
    path: `${base}/{id}/agreements`,
    operationId: `add${opNoun}Agreement`,
    summary: `Say whether the family agrees with part of ${noun}`,
    description:
      `Records a family's stance (agrees, partly agrees, disagrees, with the reason in their words) on one item of the plan ` +
      `(${items}), appending it to the item's \`familyAgreement\` list as a new version of the plan; earlier stances are kept, ` +
      `so the plan's history shows every time the family changed its mind. The author is the caller: a parent or carer, or ` +
      `the young person, records their own stance (\`by\` is their role and token subject; sending \`onBehalfOf\` is 422). ` +
      `Staff and systems may record a stance only on a family's behalf and must say whose it is and how it was given (\`onBehalfOf.personType\`, ` +
      `\`onBehalfOf.givenVia\`, e.g. \`phone\`); the entry then carries \`recordedBy\` (the recorder) and \`givenVia\`, and ` +
      `the views show it as recorded for the family. \`recordedOn\` is the server's date. A reason is required for \`partly-agrees\` ` +
      `and \`disagrees\`; an unknown item is 422 at \`/itemId\`. A parent or young person sees and acts only on their own child's ` +
      `plan (others are 404). Appending cannot conflict, so \`If-Match\` is optional; when sent and stale the server answers ` +
      `412. \`Change-Reason\` is required.`,
    tag,
    scope: `${kind}:voice` as Scope,
    resource: kind,
    auditAction: "update",
    parameters: ["id", "ifMatch", "changeReason"],
    requestBody: { schema: "AgreementContribution", description: "The stance and the item it is about." },
    responses: [
      {
        status: 201,
        description: "Recorded: the new version of the plan, which includes the stance.",
        headers: ["Location", "ETag"],
        body: { schema, description: `The ${noun.replace(/^an? /, "")} with the stance added.` },
      },
    ],
    errors: AGREEMENT_ERRORS,
  };
}

export const ISP_AGREEMENT_ROUTE = agreementRoute(
  "/isps",
  "isp",
  "Isp",
  "an Individual Support Plan",
  "IndividualSupportPlan",
  "Individual Support Plans",
  "a provision item, a review or a delivery record",
);

export const EHCP_AGREEMENT_ROUTE = agreementRoute(
  "/ehcps",
  "ehcp",
  "Ehcp",
  "an EHCP",
  "Ehcp",
  "EHCPs",
  "a guaranteed provision item or a review",
);
