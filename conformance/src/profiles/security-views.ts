// security tests of restricted views and of the audit log's immutability: the health commissioner's health-only
// EHCP (sharing labels), the governor's redacted sample, and an audit log the API cannot change. Ids:
// send.security.<behaviour>.
import { readFileSync } from "node:fs";
import type { RoleNeed, TestDef } from "../model.ts";
import { check, expectStatus, firstDifference, itemsOf } from "../check.ts";
import { isObj } from "../fixtures/factory.ts";
import type { Json } from "../fixtures/templates.ts";
import { resourceSpec } from "./resources.ts";
import { createRecord, readRecord, token } from "./steps.ts";

const isp = resourceSpec("isp");
const ehcp = resourceSpec("ehcp");
const STAFF_A: RoleNeed = { tenant: 0, role: "setting-staff" };
const COMMISSIONER_A: RoleNeed = { tenant: 0, role: "health-commissioner" };
const GOVERNOR_A: RoleNeed = { tenant: 0, role: "governor" };
const AUDITOR: RoleNeed = { tenant: 0, role: "auditor" };

/** Top-level section → default sharing labels, from the standard's schema annotations (x-send-sharing). */
function defaultLabels(schemaFile: string): Map<string, string[]> {
  const schema = JSON.parse(readFileSync(new URL(`../../../schemas/${schemaFile}`, import.meta.url), "utf8")) as Json;
  const out = new Map<string, string[]>();
  for (const [name, def] of Object.entries(isObj(schema.properties) ? schema.properties : {})) {
    if (isObj(def) && Array.isArray(def["x-send-sharing"]))
      out.set(
        name,
        def["x-send-sharing"].filter((l): l is string => typeof l === "string"),
      );
  }
  return out;
}

/** Labels of a top-level section: an exact `sharing` entry of the document wins over the schema default. */
function sectionLabels(doc: Json, section: string, defaults: Map<string, string[]>): string[] | undefined {
  const entry = Array.isArray(doc.sharing)
    ? doc.sharing.filter(isObj).find((e) => e.section === `/${section}`)
    : undefined;
  if (entry && Array.isArray(entry.labels)) return entry.labels.filter((l): l is string => typeof l === "string");
  return defaults.get(section);
}

/** Member names that identify a child or a person; none may appear in a governor's sample. */
const IDENTIFYING = [
  "givenName",
  "givenNames",
  "familyName",
  "preferredName",
  "fullName",
  "displayName",
  "dateOfBirth",
  "upn",
  "uln",
  "nhsNumber",
  "address",
  "postcode",
  "email",
  "telephone",
];

function identifyingPaths(value: unknown, path = ""): string[] {
  if (Array.isArray(value)) return value.flatMap((v, i) => identifyingPaths(v, `${path}/${i}`));
  if (!isObj(value)) return [];
  return Object.entries(value).flatMap(([k, v]) => [
    ...(IDENTIFYING.includes(k) ? [`${path}/${k}`] : []),
    ...identifyingPaths(v, `${path}/${k}`),
  ]);
}

export const SECURITY_VIEW_TESTS: readonly TestDef[] = [
  {
    id: "send.security.health-commissioner-health-only",
    title: "A health commissioner receives only an EHCP's health sections",
    level: "MUST",
    requirements: ["SI-API-030"],
    profile: "security",
    capabilities: ["resource:ehcp"],
    roles: [ehcp.writer, COMMISSIONER_A],
    async run(ctx) {
      const created = await createRecord(ctx, ehcp);
      const res = await readRecord(ctx, ehcp, created.id, COMMISSIONER_A);
      expectStatus(res, 200, "health commissioner's read of an EHCP in their LA");
      check(isObj(res.json), "the health commissioner's EHCP is not a JSON object");
      const seen = res.json;
      const defaults = defaultLabels("ehcp.schema.json");
      const leaked: string[] = [];
      const health: string[] = [];
      for (const section of Object.keys(created.doc)) {
        const labels = sectionLabels(created.doc, section, defaults);
        if (labels === undefined) continue; // unlabelled frame: whose record it is
        if (labels.includes("health")) health.push(section);
        else if (section in seen) leaked.push(section);
      }
      check(leaked.length === 0, `sections not labelled health reached the health commissioner: ${leaked.join(", ")}`);
      check(
        health.some((s) => s in seen),
        `none of the health sections (${health.join(", ")}) reached the health commissioner`,
      );
      ctx.note(`health sections: ${health.join(", ")}`);
    },
  },
  {
    id: "send.security.governor-sample-redacted",
    title: "A governor's plan sample carries no names or identifiers",
    level: "MUST",
    requirements: ["SI-API-031"],
    profile: "security",
    capabilities: ["resource:isp", "governance-sample"],
    roles: [STAFF_A, GOVERNOR_A],
    async run(ctx) {
      const child = ctx.fixtures.newChild(0);
      const created = await createRecord(ctx, isp, child);
      check(created.doc.status === "active", "the fixture ISP is not active, so it cannot be sampled");
      const res = await ctx.http.get("/governance/plan-sample?size=50", { token: token(ctx, GOVERNOR_A) });
      expectStatus(res, 200, "governor's GET /governance/plan-sample");
      const items = itemsOf(res, "plan sample");
      check(items.length > 0, "the sample is empty although the setting has an active ISP");
      const paths = identifyingPaths(items);
      check(paths.length === 0, `the sample carries identifying members: ${paths.slice(0, 5).join(", ")}`);
      const text = JSON.stringify(items);
      check(!text.includes(child.upn) && !text.includes(child.childId), "the sample contains a child's UPN or id");
      // The full record is never read by a governor.
      expectStatus(await readRecord(ctx, isp, created.id, GOVERNOR_A), [403, 404], "governor's read of a whole ISP");
    },
  },
  {
    id: "send.security.audit-log-immutable",
    title: "The audit log cannot be changed or removed through the API",
    level: "MUST",
    requirements: ["SI-API-038"],
    profile: "security",
    capabilities: ["resource:isp", "audit"],
    roles: [STAFF_A, AUDITOR],
    async run(ctx) {
      const created = await createRecord(ctx, isp);
      const tok = token(ctx, AUDITOR);
      const list = async () => {
        const res = await ctx.http.get(`/audit?resourceId=${created.id}&limit=100`, { token: tok });
        expectStatus(res, 200, "GET /audit");
        return itemsOf(res, "GET /audit");
      };
      const before = await list();
      check(before.length > 0, "the create of the ISP is not in the audit log");
      const first = before[0]!;
      const ref = String(first.seq ?? first.id ?? "1");
      const attempts: [string, string][] = [
        ["DELETE", "/audit"],
        ["PUT", "/audit"],
        ["PATCH", "/audit"],
        ["POST", "/audit"],
        ["DELETE", `/audit/${ref}`],
        ["PUT", `/audit/${ref}`],
        ["PATCH", `/audit/${ref}`],
      ];
      const accepted: string[] = [];
      for (const [method, path] of attempts) {
        const res = await ctx.http.request(method, path, { token: tok, body: { ...first, action: "tampered" } });
        if (res.status < 400) accepted.push(`${method} ${path} → ${res.status}`);
      }
      check(accepted.length === 0, `the API accepted changes to the audit log: ${accepted.join("; ")}`);
      const after = (await list()).slice(0, before.length);
      const diff = firstDifference(before, after);
      check(diff === undefined, `the audit events changed, first at ${diff}`);
    },
  },
];
