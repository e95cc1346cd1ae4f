// The markdown of info.description and the tag descriptions: conventions, problem types, roles and the
// role × operation matrix. Rendered from spec/routes.ts, spec/roles.ts and spec/problems.ts so it cannot drift.
import { PROBLEM_BASE, PROBLEM_TYPES } from "./problems.ts";
import { ROLES, SCOPES, TOKEN_CLAIMS, roleHasScope } from "./roles.ts";
import type { RouteSpec, TagName } from "./routes.ts";
import { SEARCH_FILTERS } from "./search-filters.ts";

const cell = (s: string) => s.replace(/\|/g, "\\|");

export function roleMatrixMarkdown(routes: readonly RouteSpec[]): string {
  const head = `| operation | scope | ${ROLES.map((r) => r.id).join(" | ")} |`;
  const rule = `|---|---|${ROLES.map(() => ":-:").join("|")}|`;
  const rows = routes.map(
    (r) =>
      `| \`${r.operationId}\` ${cell(r.method.toUpperCase())} \`${cell(r.path)}\` | ${r.scope ? `\`${r.scope}\`` : "public"} | ${ROLES.map(
        (role) => (roleHasScope(role.id, r.scope) ? "✓" : ""),
      ).join(" | ")} |`,
  );
  return [head, rule, ...rows].join("\n");
}

export function rolesMarkdown(): string {
  const head = "| role | who | records visible (tenancy) | sections |\n|---|---|---|---|";
  const rows = ROLES.map(
    (r) =>
      `| \`${r.id}\` | ${cell(r.title)}: ${cell(r.description)} | ${r.tenancy} | ${r.sharingLabels ? r.sharingLabels.join(", ") : "all"} |`,
  );
  return [head, ...rows].join("\n");
}

export function problemsMarkdown(): string {
  const head = "| type | status | title | when |\n|---|---|---|---|";
  const rows = PROBLEM_TYPES.map(
    (p) => `| \`${PROBLEM_BASE}${p.kind}\` | ${p.status} | ${cell(p.title)} | ${cell(p.description)} |`,
  );
  return [head, ...rows].join("\n");
}

export function apiDescription(routes: readonly RouteSpec[]): string {
  const scopes = Object.entries(SCOPES)
    .map(([s, d]) => `- \`${s}\`: ${d}`)
    .join("\n");
  const claims = Object.entries(TOKEN_CLAIMS)
    .map(([c, d]) => `- \`${c}\`: ${d}`)
    .join("\n");
  return `The SEND Interchange API: store, read, search and validate Individual Support Plans, EHCPs (new and 2014-regulation), areas-of-development profiles, the national Specialist Provision Package catalogue, children and settings.

_This document is generated from \`schemas/\` and \`spec/routes.ts\` by \`npm run generate\` — do not edit it by hand._

## Conventions

- **Documents** are the standard's JSON documents, validated against the schemas in \`components/schemas\` (hoisted from \`schemas/*.schema.json\`) and the quality rules. Core objects are closed; data of your own goes under \`extensions\`.
- **Create**: \`POST\` → \`201 Created\` with \`Location\` and \`ETag\`. Children, plans and profiles are personal records: the server gives each a fresh \`id\` (UUID), whatever \`id\` the body carries, so a create never reveals whether some record has an id. SPPs and settings keep their public keys (catalogue id, URN); one in use → \`409\`. A document's \`child.personId\` must name a child record you can see, or \`422\` at \`/child/personId\`.
- **Read**: \`GET\` → \`ETag\`. Send \`If-None-Match\` with it → \`304 Not Modified\` when unchanged.
- **Update**: \`PUT\` the whole document with \`If-Match: <ETag>\`. Without \`If-Match\` → \`428\`; with a stale ETag → \`412\` (someone changed it since you read it). The server maintains the stored document's own \`provenance.updatedAt\` (the time of the write; never before the record's own dates) and \`provenance.changeReason\` (the \`Change-Reason\` header): whatever the body says there is replaced.
- **Versions**: every create and update writes a new immutable version (1, 2, 3 …) with provenance: who (token \`sub\`), role, system (\`client_id\`), when, and why. **Why** is the \`Change-Reason\` request header: required on updates and voice contributions, optional on create (default "created"); UTF-8, percent-encoded when not plain ASCII. \`…/versions\` lists them; \`…/versions/{version}\` returns one.
- **No deletion**: there are no DELETE operations. Closing an ISP or ceasing an EHCP is a status change by \`PUT\`.
- **Search** with the filters each list operation documents (${SEARCH_FILTERS.map((f) => `\`${f.name}\``).join(", ")}); filters combine with AND. A filter value outside its code list is \`400\`, never an empty page.
- **Pages**: \`limit\` (1–100, default 20) and an opaque \`cursor\`. The response carries \`nextCursor\` and an RFC 8288 \`Link: <…>; rel="next"\` header while there are more.
- **Correlation**: every response carries \`X-Correlation-Id\` (the caller's, when it sent a well-formed one); problem details repeat it as \`correlationId\`.
- **Audit**: every read, search and write of a child's records is recorded (append-only), visible to the data protection officer (\`GET /audit\`) and, for their own child, to the parent or carer (\`GET /children/{childId}/access-log\`).
- **Limits**: bodies up to 1 MiB are always accepted (the reference server: 2 MiB) → \`413\` beyond; JSON nested more than 64 levels may be refused → \`400 too-deep\`; only \`application/json\` bodies → \`415\`.
- **Tenancy**: a record outside the caller's tenancy answers \`404\`, exactly as a record that does not exist.

## Errors

Every error is \`application/problem+json\` (RFC 9457) with \`type\`, \`title\`, \`status\`, \`detail\` and \`correlationId\`; validation errors add \`errors[]\` with a JSON \`pointer\` and a \`ruleId\`.

${problemsMarkdown()}

## Authentication

Bearer JWT (RFC 6750, RFC 9068). The server reads these claims:

${claims}

Each operation requires one scope (listed on the operation and in the matrix below). Scopes:

${scopes}

## Roles

${rolesMarkdown()}

## Role × operation matrix

A ✓ means the role holds the operation's scope. Which records it then sees is its tenancy (above). Each operation also lists its roles in \`x-roles\`.

${roleMatrixMarkdown(routes)}
`;
}

export const TAG_DESCRIPTIONS: Record<TagName, string> = {
  Discovery: "What the server implements, health checks, and this description. Public.",
  Children: "The child directory: identity, identifiers, current setting and responsible local authority.",
  "Individual Support Plans":
    "ISPs, written by the setting with the family (D:62, D:366). Versioned; closed by a status change.",
  EHCPs: "Education, Health and Care Plans on the new SPP-based template, owned by the local authority (D:497, D:500).",
  "Legacy EHCPs": "EHCPs made under the 2014 regulations (sections A–K), with their migration state.",
  "Development profiles": "Areas-of-development profiles: where a child is in each area of development.",
  "Specialist Provision Packages": "The national SPP catalogue, published by DfE (D:762) and read by everyone.",
  Settings: "The directory of schools, colleges and early years settings, keyed by URN.",
  Validation: "Validate any document without storing it.",
  Governance: "Redacted, sampled views for governors (D:689).",
  Audit: "The audit log and each child's access log.",
  Transfers:
    "Signed, receipted transfer bundles that move a child's plan to the next setting; the unclaimed queue; the server's public keys.",
};
