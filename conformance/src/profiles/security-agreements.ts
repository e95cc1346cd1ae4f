// Families say whether they agree (POST /isps/{id}/agreements, /ehcps/{id}/agreements): a parent's or young person's
// stance is recorded as theirs, on their own child's plan only, without replacing an earlier one; staff record a stance
// only on a family's behalf, marked as such. Part of the security profile. Ids: send.security.<behaviour>.
import type { RoleNeed, TestContext, TestDef } from "../model.ts";
import { check, expectProblem, expectStatus } from "../check.ts";
import { isObj } from "../fixtures/factory.ts";
import type { Json } from "../fixtures/templates.ts";
import { resourceSpec } from "./resources.ts";
import { createRecord, itemPath, readRecord, token } from "./steps.ts";

const isp = resourceSpec("isp");
const ehcp = resourceSpec("ehcp");
const STAFF_A: RoleNeed = { tenant: 0, role: "setting-staff" };
const PARENT_A: RoleNeed = { tenant: 0, role: "parent-carer" };
const PARENT_B: RoleNeed = { tenant: 1, role: "parent-carer" };
const YOUNG_A: RoleNeed = { tenant: 0, role: "young-person" };
const YOUNG_B: RoleNeed = { tenant: 1, role: "young-person" };

/** The first provision item's id in a plan (an EHCP's guaranteed provision), and its familyAgreement list as read back. */
function provisionOf(plan: unknown, collection = "provision"): { id: string; agreements: Json[] } {
  const list0 = isObj(plan) ? plan[collection] : undefined;
  const items = Array.isArray(list0) ? list0.filter(isObj) : [];
  const first = items[0];
  check(first && typeof first.id === "string", `the fixture plan has no ${collection} item with an id`);
  const list = Array.isArray(first.familyAgreement) ? first.familyAgreement.filter(isObj) : [];
  return { id: first.id as string, agreements: list };
}

async function postAgreement(ctx: TestContext, id: string, as: RoleNeed, body: Json, spec = isp) {
  return ctx.http.post(`${itemPath(spec, id)}/agreements`, {
    token: token(ctx, as),
    body,
    headers: { "change-reason": "conformance: family agreement" },
  });
}

export const AGREEMENT_TESTS: readonly TestDef[] = [
  {
    id: "send.security.parent-records-agreement",
    title: "A parent records their own stance and earlier stances are kept",
    level: "MUST",
    requirements: ["SI-API-069"],
    profile: "security",
    capabilities: ["resource:isp", "agreements"],
    roles: [STAFF_A, PARENT_A, PARENT_B],
    async run(ctx) {
      const created = await createRecord(ctx, isp, ctx.fixtures.parentsChild(0));
      const itemId = provisionOf(created.doc).id;
      const before = provisionOf((await readRecord(ctx, isp, created.id)).json).agreements.length;
      expectProblem(
        await postAgreement(ctx, created.id, PARENT_B, { itemType: "provision", itemId, stance: "agrees" }),
        404,
        "another family's parent's agreement",
      );
      expectStatus(
        await postAgreement(ctx, created.id, PARENT_A, { itemType: "provision", itemId, stance: "agrees" }),
        201,
        "parent's agreement",
      );
      const reason = `Conformance reason ${created.id.slice(0, 8)}`;
      expectStatus(
        await postAgreement(ctx, created.id, PARENT_A, { itemType: "provision", itemId, stance: "disagrees", reason }),
        201,
        "parent's later disagreement",
      );
      const after = provisionOf((await readRecord(ctx, isp, created.id)).json).agreements;
      check(
        after.length === before + 2,
        `expected ${before + 2} stances on the provision item after two, found ${after.length} (an earlier stance was replaced or another family's was kept)`,
      );
      const [first, second] = after.slice(-2);
      check(
        first?.stance === "agrees" && second?.stance === "disagrees" && second.reason === reason,
        "the two stances read back are not the parent's agreement and then their disagreement with its reason",
      );
      const by = isObj(second?.by) ? second.by : {};
      check(
        by.personType === "parent-carer",
        `the parent's stance is recorded as given by ${JSON.stringify(by.personType)}`,
      );
      check(second?.recordedBy === undefined, "the parent's own stance is marked as recorded by someone else");
    },
  },
  {
    id: "send.security.staff-agreement-on-behalf",
    title: "Staff record a family's stance only on their behalf, marked",
    level: "MUST",
    requirements: ["SI-API-069"],
    profile: "security",
    capabilities: ["resource:isp", "agreements"],
    roles: [STAFF_A],
    async run(ctx) {
      const created = await createRecord(ctx, isp, ctx.fixtures.parentsChild(0));
      const itemId = provisionOf(created.doc).id;
      const body = { itemType: "provision", itemId, stance: "agrees" };
      expectProblem(await postAgreement(ctx, created.id, STAFF_A, body), 422, "staff agreement without onBehalfOf");
      expectStatus(
        await postAgreement(ctx, created.id, STAFF_A, {
          ...body,
          onBehalfOf: { personType: "parent-carer", givenVia: "phone" },
        }),
        201,
        "staff agreement on a parent's behalf",
      );
      const entry = provisionOf((await readRecord(ctx, isp, created.id)).json).agreements.at(-1);
      const by = isObj(entry?.by) ? entry.by : {};
      check(
        isObj(entry?.recordedBy) && entry.givenVia === "phone" && by.personType === "parent-carer",
        `a stance staff recorded is not marked as recorded for the family: ${JSON.stringify(entry)}`,
      );
    },
  },
  {
    id: "send.security.young-person-records-agreement",
    title: "A young person records their own stance, only on their own plan",
    level: "MUST",
    requirements: ["SI-API-069"],
    profile: "security",
    capabilities: ["resource:isp", "agreements"],
    roles: [STAFF_A, YOUNG_A, YOUNG_B],
    async run(ctx) {
      const created = await createRecord(ctx, isp, ctx.fixtures.youngPersonsChild(0));
      const itemId = provisionOf(created.doc).id;
      expectProblem(
        await postAgreement(ctx, created.id, YOUNG_B, { itemType: "provision", itemId, stance: "agrees" }),
        404,
        "another child's young person's agreement",
      );
      const reason = `I want it before lunch ${created.id.slice(0, 8)}`;
      expectStatus(
        await postAgreement(ctx, created.id, YOUNG_A, { itemType: "provision", itemId, stance: "disagrees", reason }),
        201,
        "the young person's own disagreement",
      );
      const entry = provisionOf((await readRecord(ctx, isp, created.id)).json).agreements.at(-1);
      const by = isObj(entry?.by) ? entry.by : {};
      check(
        entry?.stance === "disagrees" && entry.reason === reason,
        `the young person's stance read back is not their disagreement with its reason: ${JSON.stringify(entry)}`,
      );
      check(
        by.personType === "young-person",
        `the young person's stance is recorded as given by ${JSON.stringify(by.personType)}`,
      );
      check(entry?.recordedBy === undefined, "the young person's own stance is marked as recorded by someone else");
    },
  },
  {
    id: "send.security.parent-records-ehcp-agreement",
    title: "A parent records their stance on their own child's EHCP provision",
    level: "MUST",
    requirements: ["SI-API-069"],
    profile: "security",
    capabilities: ["resource:ehcp", "agreements"],
    roles: [ehcp.writer, PARENT_A, PARENT_B],
    async run(ctx) {
      const created = await createRecord(ctx, ehcp, ctx.fixtures.parentsChild(0));
      const itemId = provisionOf(created.doc, "guaranteedProvision").id;
      const body = { itemType: "provision", itemId, stance: "partly-agrees", reason: "Not on Fridays" };
      expectProblem(
        await postAgreement(ctx, created.id, PARENT_B, body, ehcp),
        404,
        "another family's parent's agreement with an EHCP",
      );
      expectStatus(await postAgreement(ctx, created.id, PARENT_A, body, ehcp), 201, "the parent's EHCP agreement");
      const read = await readRecord(ctx, ehcp, created.id);
      expectStatus(read, 200, "the EHCP read back");
      const entry = provisionOf(read.json, "guaranteedProvision").agreements.at(-1);
      const by = isObj(entry?.by) ? entry.by : {};
      check(
        entry?.stance === "partly-agrees" && entry.reason === "Not on Fridays" && by.personType === "parent-carer",
        `the EHCP's guaranteed provision does not carry the parent's stance: ${JSON.stringify(entry)}`,
      );
    },
  },
];
