// The mock's agreements routes (POST /isps/{id}/agreements, /ehcps/{id}/agreements): served for every agreements
// operation of the generated route table, with the server's rules — a parent or young person records their own
// stance on their own child's plan only (others 404), earlier stances are kept, staff only on a family's behalf (422
// without it, and the entry is marked), a role without the voice scope is 403.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { setupServer } from "msw/node";
import { createSendHandlers, type MockPrincipal } from "./index.ts";
import { freshIsp, SETTING_A } from "./test-fixtures.ts";
import { OPERATIONS } from "../../generated/operations.ts";

const BASE = "http://mock.send.test";
const CHILD = "0b5e8f4e-3c1d-4a52-9a57-1f1c2b8a7d61";
const OTHER_CHILD = "6f2d1c3b-8a4e-4e6f-b1d2-9c8b7a6f5e4d";

const isp = { ...freshIsp(SETTING_A), child: { ...freshIsp(SETTING_A).child, personId: CHILD } };
const ehcpExample = JSON.parse(
  readFileSync(new URL("../../../examples/worked/ehcp-specialist-base.json", import.meta.url), "utf8"),
) as Record<string, unknown> & { child: Record<string, unknown>; guaranteedProvision: { id: string }[] };
const ehcp = { ...ehcpExample, id: crypto.randomUUID(), child: { ...ehcpExample.child, personId: CHILD } };

const TOKENS: Record<string, MockPrincipal> = {
  parent: { role: "parent-carer", sub: "parent-1", childIds: [CHILD] },
  "young-person": { role: "young-person", sub: "yp-1", childIds: [CHILD] },
  "other-parent": { role: "parent-carer", sub: "parent-2", childIds: [OTHER_CHILD] },
  staff: { role: "setting-staff", sub: "senco-a", settingUrn: SETTING_A.urn },
  governor: { role: "governor", sub: "governor-a", settingUrn: SETTING_A.urn },
};

const handlers = createSendHandlers({ baseUrl: BASE, tokens: TOKENS, seed: [isp, ehcp] });
const msw = setupServer(...handlers);
beforeAll(() => msw.listen({ onUnhandledRequest: "error" }));
afterAll(() => msw.close());

async function post(path: string, token: string, body: unknown, reason = "family agreement") {
  const res = await fetch(`${BASE}${path}`, {
    method: "POST",
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json", "change-reason": reason },
    body: JSON.stringify(body),
  });
  return { status: res.status, headers: res.headers, body: (await res.json()) as Record<string, unknown> };
}

const provisionItem = isp.provision![0]!.id!;
const agreementsOf = (doc: Record<string, unknown>, collection: string, id: string) =>
  ((doc[collection] as { id: string; familyAgreement?: Record<string, unknown>[] }[]).find((i) => i.id === id)
    ?.familyAgreement ?? []) as Record<string, unknown>[];

describe("msw agreements routes", () => {
  it("serves every agreements operation of the route table", () => {
    const paths = Object.values(OPERATIONS as Record<string, { path: string }>)
      .map((op) => op.path)
      .filter((p) => p.endsWith("/agreements"));
    expect(paths.sort()).toEqual(["/ehcps/{id}/agreements", "/isps/{id}/agreements"]);
  });

  it("records a parent's and a young person's own stances, keeping earlier ones; another family gets 404", async () => {
    const path = `/isps/${isp.id}/agreements`;
    const foreign = await post(path, "other-parent", {
      itemType: "provision",
      itemId: provisionItem,
      stance: "agrees",
    });
    expect(foreign.status).toBe(404);
    const first = await post(path, "parent", { itemType: "provision", itemId: provisionItem, stance: "agrees" });
    expect(first.status).toBe(201);
    expect(first.headers.get("location")).toBe(`/isps/${isp.id}/versions/2`);
    const second = await post(path, "young-person", {
      itemType: "provision",
      itemId: provisionItem,
      stance: "disagrees",
      reason: "I want it in the morning",
    });
    expect(second.status).toBe(201);
    const list = agreementsOf(second.body, "provision", provisionItem);
    expect(list.slice(-2).map((e) => [e.stance, (e.by as { personType: string; id: string }).personType])).toEqual([
      ["agrees", "parent-carer"],
      ["disagrees", "young-person"],
    ]);
    expect(list.at(-1)).toMatchObject({ by: { id: "yp-1" }, reason: "I want it in the morning" });
    expect(list.at(-1)!.recordedBy).toBeUndefined();
    const onBehalf = await post(path, "parent", {
      itemType: "provision",
      itemId: provisionItem,
      stance: "agrees",
      onBehalfOf: { personType: "child", givenVia: "phone" },
    });
    expect(onBehalf.status).toBe(422);
    expect((onBehalf.body.errors as { pointer: string }[]).map((e) => e.pointer)).toEqual(["/onBehalfOf"]);
  });

  it("lets staff record a stance only on a family's behalf, marked as such", async () => {
    const path = `/isps/${isp.id}/agreements`;
    const bare = await post(path, "staff", { itemType: "provision", itemId: provisionItem, stance: "agrees" });
    expect(bare.status).toBe(422);
    expect((bare.body.errors as { pointer: string }[])[0]!.pointer).toBe("/onBehalfOf");
    const marked = await post(path, "staff", {
      itemType: "provision",
      itemId: provisionItem,
      stance: "agrees",
      onBehalfOf: { personType: "parent-carer", givenVia: "phone" },
    });
    expect(marked.status).toBe(201);
    expect(agreementsOf(marked.body, "provision", provisionItem).at(-1)).toMatchObject({
      by: { personType: "parent-carer" },
      recordedBy: { personType: "practitioner", id: "senco-a" },
      givenVia: "phone",
    });
    const unknown = await post(path, "staff", {
      itemType: "provision",
      itemId: "no-such-item",
      stance: "agrees",
      onBehalfOf: { personType: "parent-carer", givenVia: "phone" },
    });
    expect(unknown.status).toBe(422);
    expect((unknown.body.errors as { pointer: string }[])[0]!.pointer).toBe("/itemId");
    const governor = await post(path, "governor", { itemType: "provision", itemId: provisionItem, stance: "agrees" });
    expect(governor.status).toBe(403);
  });

  it("records a parent's stance on an EHCP's guaranteed provision", async () => {
    const itemId = ehcp.guaranteedProvision[0]!.id;
    const res = await post(`/ehcps/${ehcp.id}/agreements`, "parent", {
      itemType: "provision",
      itemId,
      stance: "partly-agrees",
      reason: "Fine, but not on Fridays",
    });
    expect(res.status).toBe(201);
    expect(agreementsOf(res.body, "guaranteedProvision", itemId).at(-1)).toMatchObject({
      stance: "partly-agrees",
      by: { personType: "parent-carer", id: "parent-1" },
    });
    const stored = handlers.store.get("ehcp", ehcp.id);
    expect(stored?.version).toBe(2);
  });
});
