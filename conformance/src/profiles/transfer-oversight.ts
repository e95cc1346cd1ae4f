// Transfers across local authorities and their oversight (profile transfer-sender): another LA finds a child's held
// bundle by identifiers and learns nothing new, receives it only with the holding LA's approval, and LA officers read
// transfer metrics without personal data. Needs two tenants in different local authorities. Ids:
// send.transfer-sender.<behaviour>. Decisions: spec/decisions/transfers-lost-children-across-las.md, transfers-metrics.md.
import { randomUUID } from "node:crypto";
import type { RoleNeed, TestContext, TestDef } from "../model.ts";
import { check, expectStatus, itemsOf } from "../check.ts";
import { FixtureError, isObj } from "../fixtures/factory.ts";
import type { Json } from "../fixtures/templates.ts";
import { resourceSpec } from "./resources.ts";
import { createRecord, token } from "./steps.ts";
import { ensureSetting, LA_A, registerChild, STAFF_A, tenantSetting } from "./transfer-steps.ts";

const LA_B: RoleNeed = { tenant: 1, role: "la-officer" };
const STAFF_B: RoleNeed = { tenant: 1, role: "setting-staff" };
const isp = resourceSpec("isp");
const OVERSIGHT = {
  profile: "transfer-sender" as const,
  capabilities: ["resource:isp"],
};

/** Letters only (a name, not a code), fresh for each child so no other child matches it. */
const freshName = () =>
  `${randomUUID()
    .replace(/[^a-f]/g, "")
    .slice(0, 7)
    .replace(/./g, (ch) => String.fromCharCode(ch.charCodeAt(0) + 10))}`.replace(/^./, (c) => c.toUpperCase());

interface HeldChild {
  upn: string;
  childId: string;
  given: string;
  family: string;
  dateOfBirth: string;
  transferId: string;
}

/** A child of tenant A's LA with a unique name and an ISP, whose bundle was sent to an unknown destination. */
async function heldChild(ctx: TestContext): Promise<HeldChild> {
  await ensureSetting(ctx, tenantSetting(ctx, 0));
  const child = ctx.fixtures.newChild(0);
  await registerChild(ctx, child);
  const given = freshName();
  const family = freshName();
  let dateOfBirth = "";
  await createRecord(ctx, isp, child, STAFF_A, (doc) => {
    const c = doc.child as Json;
    c.legalName = { given, family };
    dateOfBirth = String(c.dateOfBirth);
    return doc;
  });
  const res = await ctx.http.post(`/children/${encodeURIComponent(child.childId)}/transfers`, {
    token: token(ctx, STAFF_A),
    body: { receiver: { unknownDestination: true }, reason: "in-year-move" },
  });
  expectStatus(res, [201, 202], "POST …/transfers (unknown destination)");
  return {
    upn: child.upn,
    childId: child.childId,
    given,
    family,
    dateOfBirth,
    transferId: String((res.json as Json).id),
  };
}

function twoLas(ctx: TestContext): [string, string] {
  const [a, b] = [ctx.config.tenants[0].setting.laCode, ctx.config.tenants[1].setting.laCode];
  if (a === b)
    throw new FixtureError(`both tenants are in local authority ${a}; cross-LA tests need two local authorities`);
  return [a, b];
}

/** The values the response must not carry, by what they are. */
function leaked(text: string, h: HeldChild, also: Record<string, string> = {}): string | undefined {
  const secrets: Record<string, string> = {
    "date of birth": h.dateOfBirth,
    "given name": h.given,
    "family name": h.family,
    "child record id": h.childId,
    ...also,
  };
  return Object.entries(secrets).find(([, v]) => v && text.includes(v))?.[0];
}

async function metrics(ctx: TestContext, what: string): Promise<{ body: Json; text: string }> {
  const res = await ctx.http.get("/transfers/metrics", { token: token(ctx, LA_A) });
  expectStatus(res, 200, what);
  check(isObj(res.json), `${what}: expected a JSON object`);
  return { body: res.json, text: res.text };
}

const durationShape = (d: unknown) =>
  isObj(d) &&
  typeof d.count === "number" &&
  (d.medianSeconds === null || typeof d.medianSeconds === "number") &&
  (d.p90Seconds === null || typeof d.p90Seconds === "number");
const groupShape = (g: unknown) =>
  isObj(g) &&
  typeof g.count === "number" &&
  isObj(g.byStatus) &&
  durationShape(g.timeToReceipt) &&
  durationShape(g.timeToIntegration);

const totalOf = (m: Json) => (m.total as { count: number }).count;

async function query(ctx: TestContext, as: RoleNeed, body: Json) {
  return ctx.http.post("/cross-la/queries", { token: token(ctx, as), body });
}

export const TRANSFER_OVERSIGHT_TESTS: readonly TestDef[] = [
  {
    id: "send.transfer-sender.metrics-count-transfers",
    title: "Transfer metrics count a new transfer, for LA officers only",
    level: "MUST",
    requirements: ["SI-API-093"],
    ...OVERSIGHT,
    roles: [STAFF_A, LA_A, { tenant: 0, role: "dfe-publisher" }],
    async run(ctx) {
      const before = await metrics(ctx, "GET /transfers/metrics");
      const b = before.body;
      check(
        groupShape(b.total) && Array.isArray(b.bySetting) && Array.isArray(b.byLocalAuthority),
        "GET /transfers/metrics: expected total {count, byStatus, timeToReceipt, timeToIntegration} with median and p90 seconds, bySetting and " +
          "byLocalAuthority arrays",
      );
      check(
        [...(b.bySetting as unknown[]), ...(b.byLocalAuthority as unknown[])].every(groupShape),
        "GET /transfers/metrics: a bySetting or byLocalAuthority entry lacks count, byStatus or durations",
      );
      await heldChild(ctx);
      const after = (await metrics(ctx, "GET /transfers/metrics after a transfer")).body;
      check(
        totalOf(after) >= totalOf(b) + 1,
        `GET /transfers/metrics: total.count is ${totalOf(after)} after a new transfer, was ${totalOf(b)}`,
      );
      const staff = await ctx.http.get("/transfers/metrics", { token: token(ctx, STAFF_A) });
      expectStatus(staff, [401, 403], "GET /transfers/metrics as setting staff");
    },
  },
  {
    id: "send.transfer-sender.metrics-no-personal-data",
    title: "Transfer metrics carry no child's name, identifier or record id",
    level: "MUST",
    requirements: ["SI-API-093"],
    ...OVERSIGHT,
    roles: [STAFF_A, LA_A, { tenant: 0, role: "dfe-publisher" }],
    async run(ctx) {
      const h = await heldChild(ctx);
      const { text } = await metrics(ctx, "GET /transfers/metrics");
      const what = leaked(text, h, { UPN: h.upn, "transfer id": h.transferId });
      check(!what, `GET /transfers/metrics: the metrics reveal a child's ${what}`);
    },
  },
  {
    id: "send.transfer-sender.cross-la-query-reveals-nothing-new",
    title: "Another LA finds a held bundle by UPN and learns nothing new",
    level: "MUST",
    requirements: ["SI-API-090"],
    ...OVERSIGHT,
    roles: [STAFF_A, LA_B, { tenant: 0, role: "dfe-publisher" }],
    async run(ctx) {
      const [laA] = twoLas(ctx);
      const h = await heldChild(ctx);
      const res = await query(ctx, LA_B, { upn: h.upn });
      expectStatus(res, 200, "POST /cross-la/queries (UPN)");
      const what = leaked(res.text, h, { "transfer id": h.transferId });
      check(!what, `POST /cross-la/queries: the query answer reveals the child's ${what}`);
      const matches = isObj(res.json) && Array.isArray(res.json.matches) ? (res.json.matches as unknown[]) : [];
      check(matches.length === 1, `POST /cross-la/queries: expected one match for the UPN, got ${matches.length}`);
      const m = matches[0];
      check(
        isObj(m) && m.confidence === "high" && m.holdingLaCode === laA && typeof m.matchRef === "string",
        `POST /cross-la/queries: expected a high-confidence match held by LA ${laA}, got ${JSON.stringify(m)}`,
      );
      const extra = Object.keys(m).filter((k) => !["matchRef", "confidence", "holdingLaCode", "heldSince"].includes(k));
      check(extra.length === 0, `POST /cross-la/queries: a match carries more than it should: ${extra.join(", ")}`);
    },
  },
  {
    id: "send.transfer-sender.cross-la-query-needs-named-child",
    title: "A cross-LA query must name a child and comes from an LA officer",
    level: "MUST",
    requirements: ["SI-API-091"],
    ...OVERSIGHT,
    roles: [LA_B, STAFF_B],
    async run(ctx) {
      const dob = await query(ctx, LA_B, { dateOfBirth: "2018-03-14" });
      expectStatus(dob, [400, 422], "POST /cross-la/queries with a date of birth alone");
      const surname = await query(ctx, LA_B, { familyName: "Smith", dateOfBirth: "2018-03-14" });
      expectStatus(surname, [400, 422], "POST /cross-la/queries with a family name and date of birth only");
      const staff = await query(ctx, STAFF_B, { upn: ctx.fixtures.newChild(1).upn });
      expectStatus(staff, [401, 403], "POST /cross-la/queries as setting staff");
    },
  },
  {
    id: "send.transfer-sender.cross-la-release-needs-approval",
    title: "A held bundle reaches another LA only with the holding LA's approval",
    level: "MUST",
    requirements: ["SI-API-092"],
    ...OVERSIGHT,
    roles: [STAFF_A, LA_A, LA_B, { tenant: 0, role: "dfe-publisher" }],
    async run(ctx) {
      twoLas(ctx);
      const h = await heldChild(ctx);
      const q = await query(ctx, LA_B, { upn: h.upn });
      expectStatus(q, 200, "POST /cross-la/queries (UPN)");
      const m = isObj(q.json) && Array.isArray(q.json.matches) ? q.json.matches[0] : undefined;
      check(isObj(m) && typeof m.matchRef === "string", "POST /cross-la/queries: no match for the held bundle");
      const req = await ctx.http.post("/cross-la/requests", {
        token: token(ctx, LA_B),
        body: { matchRef: m.matchRef, reason: "Conformance: the family has moved into this local authority" },
      });
      expectStatus(req, 201, "POST /cross-la/requests");
      const id = String((req.json as Json).id);
      const decision = `/cross-la/requests/${encodeURIComponent(id)}/decision`;
      const self = await ctx.http.post(decision, { token: token(ctx, LA_B), body: { decision: "approve" } });
      check(
        self.status >= 400 && self.status < 500,
        `POST ${decision}: the requesting local authority approved its own request (HTTP ${self.status})`,
      );
      const early = await ctx.http.get(`/children?upn=${encodeURIComponent(h.upn)}`, { token: token(ctx, LA_B) });
      expectStatus(early, 200, "GET /children?upn=… as the requesting LA");
      check(
        itemsOf(early, "GET /children").length === 0,
        "the requesting local authority holds the child's record before the holding LA approved",
      );
      const approve = await ctx.http.post(decision, {
        token: token(ctx, LA_A),
        body: { decision: "approve", reason: "Conformance: known move" },
      });
      expectStatus(approve, 200, `POST ${decision} as the holding LA`);
      const list = await ctx.http.get("/cross-la/requests", { token: token(ctx, LA_B) });
      expectStatus(list, 200, "GET /cross-la/requests as the requesting LA");
      const mine = itemsOf(list, "GET /cross-la/requests").find((r) => r.id === id);
      check(
        mine?.status === "approved",
        `GET /cross-la/requests: the request is ${JSON.stringify(mine?.status)} after approval, not "approved"`,
      );
      if (mine.delivery === "imported") {
        const found = await ctx.http.get(`/children?upn=${encodeURIComponent(h.upn)}`, { token: token(ctx, LA_B) });
        expectStatus(found, 200, "GET /children?upn=… after approval");
        check(
          itemsOf(found, "GET /children").length === 1,
          "the approved bundle was not imported into the requesting local authority's records",
        );
      } else
        check(
          mine.delivery === "held-for-review",
          `GET /cross-la/requests: delivery is ${JSON.stringify(mine.delivery)}, not "imported" or "held-for-review"`,
        );
    },
  },
];
