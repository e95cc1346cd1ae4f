// The attack run's oracle on hand-made responses: it must see a leak, forgive what the caller sent itself, keep
// a parent to their own child, count 5xx and dropped connections, and hold a legitimate request to its exact status.
import { describe, expect, it } from "vitest";
import { Recorder, type AttackRequest } from "./oracle.ts";
import { Secrets, type Caller } from "./world.ts";

const staffA: Caller = {
  key: "A:setting-staff",
  tenant: "A",
  role: "setting-staff",
  tenancy: "own-setting",
  childIds: [],
};
const parentA: Caller = {
  key: "A:parent-carer",
  tenant: "A",
  role: "parent-carer",
  tenancy: "own-children",
  childIds: ["11111111-1111-4111-8111-111111111111"],
};
const auditor: Caller = { key: "auditor", role: "auditor", tenancy: "all", childIds: [] };
const B_CHILD = "22222222-2222-4222-8222-222222222222";
const A_OTHER_CHILD = "33333333-3333-4333-8333-333333333333";

function setup(): Recorder {
  const secrets = new Secrets();
  secrets.add(B_CHILD, { tenant: "B", childId: B_CHILD });
  secrets.add("AtkBname0001", { tenant: "B", childId: B_CHILD });
  secrets.add(parentA.childIds[0]!, { tenant: "A", childId: parentA.childIds[0]! });
  secrets.add(A_OTHER_CHILD, { tenant: "A", childId: A_OTHER_CHILD });
  return new Recorder(secrets);
}

const req = (caller: Caller, path: string, cls = "legit", status = [200]): AttackRequest => ({
  cls,
  op: `GET ${path}`,
  caller,
  method: "GET",
  path,
  headers: {},
  expect: { status },
});
const ok = (text: string, status = 200) => ({
  status,
  headers: { "content-type": status >= 400 ? "application/problem+json" : "application/json" },
  text,
});

describe("attack oracle", () => {
  it("flags another tenant's id or name in a response, once per response", () => {
    const r = setup();
    r.record(req(staffA, "/children"), ok(JSON.stringify({ items: [{ id: B_CHILD, given: "AtkBname0001" }] })));
    expect(r.leaks).toBe(2);
    expect(r.list().map((v) => v.kind)).toEqual(["foreign-record-readable"]);
  });

  it("does not flag what the caller's tenant sent itself, nor national roles", () => {
    const r = setup();
    const probe = req(staffA, `/children/${B_CHILD}`, "foreign-id-path", [404]);
    r.noteSent(probe);
    r.record(probe, ok(JSON.stringify({ detail: `no ${B_CHILD}` }), 404));
    r.record(req(auditor, "/audit"), ok(JSON.stringify({ items: [{ resourceId: B_CHILD }] })));
    expect(r.leaks).toBe(0);
    expect(r.list()).toEqual([]);
  });

  it("keeps a parent to their own child within their own tenant", () => {
    const r = setup();
    r.record(
      req(parentA, "/isps"),
      ok(JSON.stringify({ items: [{ child: parentA.childIds[0] }, { child: A_OTHER_CHILD }] })),
    );
    expect(r.leaks).toBe(1);
  });

  it("counts 5xx, dropped connections and legitimate requests that did not get their exact status", () => {
    const r = setup();
    r.record(req(staffA, "/isps"), ok("{}", 500));
    r.record(req(staffA, "/isps"), { status: 0, headers: {}, text: "", dropped: "reset" });
    r.record(req(staffA, "/isps"), ok("{}", 404));
    r.record(req(staffA, "/isps", "bad-cursor", [400]), ok("{}", 400));
    expect({
      fiveHundreds: r.fiveHundreds,
      dropped: r.dropped,
      legitimate: r.legitimate,
      legitFailed: r.legitFailed,
    }).toEqual({ fiveHundreds: 1, dropped: 1, legitimate: 3, legitFailed: 3 });
    expect(
      r
        .list()
        .map((v) => v.kind)
        .sort(),
    ).toEqual(["5xx", "dropped-connection", "legit-failed"]);
  });

  it("files an error answered without problem+json", () => {
    const r = setup();
    r.record(req(staffA, "/isps", "bad-path", [404]), {
      status: 404,
      headers: { "content-type": "text/plain" },
      text: "Not Found",
    });
    expect(r.list().map((v) => v.kind)).toEqual(["error-not-problem-json"]);
  });
});
