// Recording a family's agreement: the stance lands on the named item, after any earlier ones; the author is the caller
// (a parent or young person for themselves, staff only on a family's behalf, marked as such); the result validates.
import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { validate } from "../validate/validate.ts";
import { appendAgreement } from "./agreement.ts";

// biome-ignore lint/suspicious/noExplicitAny: tests reach into JSON they just read
type Json = Record<string, any>;
const isp = JSON.parse(
  readFileSync(new URL("../../../examples/worked/isp-year4-targeted.json", import.meta.url), "utf8"),
) as Json;
const ehcp = JSON.parse(
  readFileSync(new URL("../../../examples/worked/ehcp-specialist-base.json", import.meta.url), "utf8"),
) as Json;
const parent = { role: "parent-carer", subject: "parent-1", today: "2030-03-01" };
const staff = { role: "setting-staff", subject: "senco-1", today: "2030-03-01" };

describe("appendAgreement", () => {
  it("appends a parent's own stance to a provision item, keeping earlier ones, and the plan stays valid", () => {
    const itemId = isp.provision[1].id as string;
    const first = appendAgreement("isp", isp, { itemType: "provision", itemId, stance: "agrees" }, parent);
    if (first.errors.length > 0) throw new Error(JSON.stringify(first.errors));
    const second = appendAgreement(
      "isp",
      first.document,
      { itemType: "provision", itemId, stance: "disagrees", reason: "It keeps being missed." },
      parent,
    );
    if (second.errors.length > 0) throw new Error(JSON.stringify(second.errors));
    const list = (second.document as Json).provision[1].familyAgreement;
    expect(list).toEqual([
      { stance: "agrees", by: { personType: "parent-carer", id: "parent-1" }, recordedOn: "2030-03-01" },
      {
        stance: "disagrees",
        by: { personType: "parent-carer", id: "parent-1" },
        recordedOn: "2030-03-01",
        reason: "It keeps being missed.",
      },
    ]);
    expect("pointer" in second && second.pointer).toBe("/provision/1/familyAgreement/1");
    expect(validate(second.document).errors).toEqual([]);
    expect(isp.provision[1].familyAgreement).toBeUndefined(); // the input is not changed
  });

  it("records a young person's stance on a review and an EHCP's guaranteed provision", () => {
    const yp = { role: "young-person", subject: "yp-1", today: "2030-03-01" };
    const r = appendAgreement("isp", isp, { itemType: "review", itemId: isp.reviews[0].id, stance: "agrees" }, yp);
    expect(r.errors).toEqual([]);
    expect((r.document as Json).reviews[0].familyAgreement.at(-1).by).toEqual({
      personType: "young-person",
      id: "yp-1",
    });
    const e = appendAgreement(
      "ehcp",
      ehcp,
      { itemType: "provision", itemId: ehcp.guaranteedProvision[1].id, stance: "agrees" },
      yp,
    );
    expect(e.errors).toEqual([]);
    expect(validate(e.document).errors).toEqual([]);
  });

  it("lets staff record only on a family's behalf, saying how it was given, and marks the entry", () => {
    const body = { itemType: "delivery-record", itemId: isp.deliveryRecords[0].id, stance: "agrees" };
    expect(appendAgreement("isp", isp, body, staff).errors.map((e) => [e.pointer, e.ruleId])).toEqual([
      ["/onBehalfOf", "api.agreement-on-behalf"],
    ]);
    const r = appendAgreement(
      "isp",
      isp,
      { ...body, onBehalfOf: { personType: "parent-carer", displayName: "Siobhan Brennan", givenVia: "phone" } },
      staff,
    );
    if (r.errors.length > 0) throw new Error(JSON.stringify(r.errors));
    expect((r.document as Json).deliveryRecords[0].familyAgreement.at(-1)).toEqual({
      stance: "agrees",
      by: { personType: "parent-carer", displayName: "Siobhan Brennan" },
      recordedOn: "2030-03-01",
      recordedBy: { personType: "practitioner", id: "senco-1" },
      givenVia: "phone",
    });
    expect(validate(r.document).errors).toEqual([]);
  });

  it.each([
    [{ itemType: "provision", itemId: "prov-1", stance: "agrees", onBehalfOf: {} }, parent, "/onBehalfOf"],
    [{ itemType: "provision", itemId: "no-such-item", stance: "agrees" }, parent, "/itemId"],
    [{ itemType: "outcome", itemId: "prov-1", stance: "agrees" }, parent, "/itemType"],
    [{ itemType: "provision", itemId: "prov-1", stance: "not-yet-asked" }, parent, "/stance"],
    [{ itemType: "provision", itemId: "prov-1", stance: "disagrees" }, parent, "/reason"],
    [{ itemType: "provision", itemId: "prov-1", stance: "agrees", extra: 1 }, parent, "/extra"],
    [
      {
        itemType: "provision",
        itemId: "prov-1",
        stance: "agrees",
        onBehalfOf: { personType: "practitioner", givenVia: "phone" },
      },
      staff,
      "/onBehalfOf/personType",
    ],
    [
      {
        itemType: "provision",
        itemId: "prov-1",
        stance: "agrees",
        onBehalfOf: { personType: "parent-carer", givenVia: "pigeon" },
      },
      staff,
      "/onBehalfOf/givenVia",
    ],
    ["not an object", parent, ""],
  ])("refuses %j from %j at %s", (body, caller, pointer) => {
    const r = appendAgreement("isp", isp, body, caller);
    expect(r.errors.map((e) => e.pointer)).toContain(pointer);
    expect(r.document).toBeUndefined();
  });
});
