// Which child a transfer belongs to, by every identifier the standard names: a receiver matches the child by ULN or
// NHS number as well as by UPN (SI-API-052), the unclaimed queue is searched by each (SI-API-053), and a bundle whose
// child is another tenant's is held for the receiver's review (SI-API-067). Ids under send.transfer-sender and
// send.transfer-receiver, by the side of the implementation each test drives.
import { randomUUID } from "node:crypto";
import type { TestContext, TestDef } from "../model.ts";
import { check, expectStatus, itemsOf, nextLinkOf } from "../check.ts";
import { tokenFor } from "../config.ts";
import { freshNhsNumber, freshUln, isObj, type ChildFixture } from "../fixtures/factory.ts";
import type { Json } from "../fixtures/templates.ts";
import { resourceSpec } from "./resources.ts";
import { createRecord, readRecord, registerChild, token, walkPages } from "./steps.ts";
import {
  ensureSetting,
  expectAcceptedReceipt,
  LA_A,
  postInbox,
  PUBLISHER_A,
  STAFF_A,
  suiteBundle,
  tenantSetting,
} from "./transfer-steps.ts";

const isp = resourceSpec("isp");
const STAFF_B = { tenant: 1 as const, role: "setting-staff" as const };
const ROLES = [STAFF_A, PUBLISHER_A];

/** The other identifiers a child can be known by, and the query parameter each is searched with. */
const OTHER_IDENTIFIERS = [
  { name: "ULN", key: "uln", fresh: freshUln },
  { name: "NHS number", key: "nhsNumber", fresh: freshNhsNumber },
] as const;

/** A child of tenant A with all three identifiers, registered there. */
async function childWithEveryIdentifier(ctx: TestContext): Promise<ChildFixture> {
  const child = { ...ctx.fixtures.newChild(0), uln: freshUln(), nhsNumber: freshNhsNumber() };
  return registerChild(ctx, child, STAFF_A);
}

/** A new plan for a fresh child of tenant B, sent to tenant A: the bundle is held for A's review. */
async function heldBundle(ctx: TestContext) {
  const theirs = await registerChild(ctx, ctx.fixtures.newChild(1), STAFF_B);
  const doc = ctx.fixtures.document("isp", { ...theirs, childId: randomUUID(), tenant: 0 });
  const sent = await suiteBundle(ctx, [doc], tenantSetting(ctx, 0));
  await expectAcceptedReceipt(ctx, await postInbox(ctx, sent.jws), sent, "POST /transfers/inbox");
  return { theirs, doc, id: sent.bundle.id as string };
}

function decide(ctx: TestContext, id: string, decision: "import-as-new-child" | "decline") {
  return ctx.http.post(`/transfers/${encodeURIComponent(id)}/review`, {
    token: token(ctx, STAFF_A),
    body: { decision, note: `conformance: ${decision}` },
  });
}

async function childIdsFound(ctx: TestContext, query: string): Promise<unknown[]> {
  const res = await ctx.http.get(`/children?${query}`, { token: token(ctx, STAFF_A) });
  expectStatus(res, 200, `GET /children?${query}`);
  return itemsOf(res, "GET /children").map((c) => c.id);
}

export const TRANSFER_MATCHING_TESTS: readonly TestDef[] = [
  {
    id: "send.transfer-receiver.child-matched-by-uln-or-nhs-number",
    title: "An imported plan joins the child its ULN or NHS number names",
    level: "MUST",
    requirements: ["SI-API-052"],
    profile: "transfer-receiver",
    capabilities: ["resource:isp"],
    roles: ROLES,
    async run(ctx) {
      await ensureSetting(ctx, tenantSetting(ctx, 0));
      for (const id of OTHER_IDENTIFIERS) {
        const child = await childWithEveryIdentifier(ctx);
        // The sender knows the child by a UPN the receiver has never seen, its own person id, and this one identifier.
        const sendersView: ChildFixture = {
          childId: randomUUID(),
          upn: ctx.fixtures.freshUpn(0),
          tenant: 0,
          [id.key]: child[id.key],
        };
        const doc = ctx.fixtures.document("isp", sendersView);
        const sent = await suiteBundle(ctx, [doc], tenantSetting(ctx, 0));
        await expectAcceptedReceipt(ctx, await postInbox(ctx, sent.jws), sent, `POST /transfers/inbox (by ${id.name})`);
        const plans = await ctx.http.get(`${isp.path}?childId=${encodeURIComponent(child.childId)}`, {
          token: token(ctx, STAFF_A),
        });
        expectStatus(plans, 200, "GET /isps?childId=… of the child the identifier names");
        check(
          itemsOf(plans, "search").some((d) => d.id === doc.id),
          `the imported ISP is not filed under tenant A's child with the same ${id.name}: a receiver matches by UPN, ULN or NHS number`,
        );
        const holders = await childIdsFound(ctx, `${id.key}=${encodeURIComponent(String(child[id.key]))}`);
        check(
          holders.length === 1,
          `after the import ${holders.length} child records carry the ${id.name}: the import made a second child`,
        );
      }
    },
  },
  {
    id: "send.transfer-sender.unclaimed-found-by-uln-or-nhs-number",
    title: "The unclaimed queue is searched by ULN and by NHS number",
    level: "MUST",
    requirements: ["SI-API-053"],
    profile: "transfer-sender",
    capabilities: ["resource:isp"],
    roles: [...ROLES, LA_A],
    async run(ctx) {
      await ensureSetting(ctx, tenantSetting(ctx, 0));
      const child = await childWithEveryIdentifier(ctx);
      await createRecord(ctx, isp, child, STAFF_A);
      const res = await ctx.http.post(`/children/${encodeURIComponent(child.childId)}/transfers`, {
        token: token(ctx, STAFF_A),
        body: { receiver: { unknownDestination: true }, reason: "in-year-move" },
      });
      expectStatus(res, [201, 202], "POST …/transfers (unknown destination)");
      const id = String((res.json as Json).id);
      for (const identifier of OTHER_IDENTIFIERS) {
        const q = `${identifier.key}=${encodeURIComponent(String(child[identifier.key]))}`;
        const found = await ctx.http.get(`/transfers/unclaimed?${q}`, { token: token(ctx, LA_A) });
        expectStatus(found, 200, `GET /transfers/unclaimed?${q}`);
        check(
          itemsOf(found, "GET /transfers/unclaimed").some((t) => t.id === id),
          `transfer ${id} is not in the local authority's unclaimed queue searched by ${identifier.name}`,
        );
      }
      const other = await ctx.http.get(`/transfers/unclaimed?uln=${freshUln()}`, { token: token(ctx, LA_A) });
      expectStatus(other, 200, "GET /transfers/unclaimed?uln=… (another child)");
      check(
        !itemsOf(other, "GET /transfers/unclaimed").some((t) => t.id === id),
        `transfer ${id} is found by a ULN that is not its child's`,
      );
    },
  },
  {
    id: "send.transfer-receiver.foreign-match-held-for-review",
    title: "A bundle whose child is another tenant's is held for review",
    level: "SHOULD",
    requirements: ["SI-API-067"],
    profile: "transfer-receiver",
    capabilities: ["resource:isp"],
    roles: [...ROLES, STAFF_B],
    async run(ctx) {
      await ensureSetting(ctx, tenantSetting(ctx, 0));
      await ensureSetting(ctx, tenantSetting(ctx, 1));
      const theirs = await registerChild(ctx, ctx.fixtures.newChild(1), STAFF_B);
      // A new plan (its own id) for tenant B's child, as another setting would send it to tenant A.
      const doc = ctx.fixtures.document("isp", { ...theirs, childId: randomUUID(), tenant: 0 });
      const sent = await suiteBundle(ctx, [doc], tenantSetting(ctx, 0));
      // The receipt says accepted whether the bundle was imported or held: it must not reveal the match.
      await expectAcceptedReceipt(ctx, await postInbox(ctx, sent.jws), sent, "POST /transfers/inbox");
      const held = await ctx.http.get("/transfers/reviews?limit=100", { token: token(ctx, STAFF_A) });
      expectStatus(held, 200, "GET /transfers/reviews as tenant A");
      const items = itemsOf(held, "GET /transfers/reviews");
      check(
        items.some((r) => r.id === sent.bundle.id),
        `bundle ${sent.bundle.id} is not among tenant A's bundles held for review (${items.length} held)`,
      );
      const read = await readRecord(ctx, isp, String(doc.id), STAFF_A);
      check(read.status === 404, `the held bundle's ISP is readable by tenant A (HTTP ${read.status}) before review`);
      const upn = await childIdsFound(ctx, `upn=${encodeURIComponent(theirs.upn)}`);
      check(upn.length === 0, "tenant A holds a child with the UPN of tenant B's child after the held bundle");
    },
  },
  {
    id: "send.transfer-receiver.held-bundle-review-decided",
    title: "A held bundle is imported as a new child or declined, once",
    level: "SHOULD",
    requirements: ["SI-API-067"],
    profile: "transfer-receiver",
    capabilities: ["resource:isp"],
    roles: [...ROLES, STAFF_B],
    async run(ctx) {
      await ensureSetting(ctx, tenantSetting(ctx, 0));
      await ensureSetting(ctx, tenantSetting(ctx, 1));
      const imported = await heldBundle(ctx);
      const declined = await heldBundle(ctx);
      const took = await decide(ctx, imported.id, "import-as-new-child");
      expectStatus(took, 200, `POST /transfers/${imported.id}/review (import-as-new-child)`);
      const childId = isObj(took.json) ? took.json.childId : undefined;
      check(typeof childId === "string", "the imported bundle names no child of tenant A");
      check(
        childId !== imported.theirs.childId,
        "the bundle was merged into tenant B's child: it must become a new child record",
      );
      const plan = await readRecord(ctx, isp, String(imported.doc.id), STAFF_A);
      expectStatus(plan, 200, "read by tenant A of the ISP of the imported bundle");
      const b = await ctx.http.get(`/children/${encodeURIComponent(imported.theirs.childId)}`, {
        token: token(ctx, STAFF_B),
      });
      expectStatus(b, 200, "tenant B's read of its own child after the import");
      const again = await decide(ctx, imported.id, "decline");
      expectStatus(again, 409, `a second decision on bundle ${imported.id}`);

      const no = await decide(ctx, declined.id, "decline");
      expectStatus(no, 200, `POST /transfers/${declined.id}/review (decline)`);
      check(
        !isObj(no.json) || no.json.childId === undefined,
        "the declined bundle names a child of tenant A: a decline keeps nothing but the decision",
      );
      const gone = await readRecord(ctx, isp, String(declined.doc.id), STAFF_A);
      check(gone.status === 404, `the declined bundle's ISP is readable by tenant A (HTTP ${gone.status})`);
      const upn = await childIdsFound(ctx, `upn=${encodeURIComponent(declined.theirs.upn)}`);
      check(upn.length === 0, "tenant A holds a child with the UPN of the declined bundle's child");

      // Each decision is audited, when the implementation offers its audit log to the suite.
      const auditor = tokenFor(ctx.config, 0, "auditor");
      if (!(ctx.config.capabilities.features ?? []).includes("audit") || !auditor) {
        ctx.note("the decisions' audit events were not checked: no audit feature or auditor credential");
        return;
      }
      for (const id of [imported.id, declined.id]) {
        const query = `/audit?resourceId=${encodeURIComponent(id)}&limit=100`;
        const { pages } = await walkPages(ctx, query, auditor, nextLinkOf, (r) => itemsOf(r, "GET /audit"));
        // One event for the match that held the bundle, one for the decision.
        const events = pages.flat();
        check(
          events.length >= 2,
          `bundle ${id} has ${events.length} audit events: its match and decision are not both audited`,
        );
      }
    },
  },
];
