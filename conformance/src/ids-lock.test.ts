import { describe, expect, it } from "vitest";
import { ALL_TESTS } from "./profiles/index.ts";
import { checkIdsLock, readIdsLock } from "./ids-lock.ts";
import { coverage, loadRequirements } from "./requirements.ts";

describe("ids.lock", () => {
  it("lists every registered test id, and no id disappeared or was reused", () => {
    expect(
      checkIdsLock(
        ALL_TESTS.map((t) => t.id),
        readIdsLock(),
      ),
    ).toEqual([]);
  });

  const lock = {
    active: ["send.a.one", "send.a.two"],
    retired: [{ id: "send.a.old", reason: "merged into send.a.one" }],
  };
  const cases: [string, string[], RegExp][] = [
    ["an id disappears", ["send.a.one"], /send\.a\.two disappeared/],
    ["a retired id is reused", ["send.a.one", "send.a.two", "send.a.old"], /retired and cannot be reused/],
    ["a new id is not locked", ["send.a.one", "send.a.two", "send.a.three"], /not in conformance\/ids\.lock/],
    ["an id is registered twice", ["send.a.one", "send.a.two", "send.a.two"], /registered twice/],
    ["an id is badly formed", ["send.a.one", "send.a.two", "Send.A_B"], /not send\.<profile>/],
  ];
  for (const [name, registered, problem] of cases) {
    it(`reports when ${name}`, () => {
      expect(checkIdsLock(registered, lock).join("\n")).toMatch(problem);
    });
  }
});

describe("test definitions", () => {
  it("have present-tense titles under 70 characters without 'should'", () => {
    const bad = ALL_TESTS.filter((t) => t.title.length >= 70 || /\bshould\b/i.test(t.title)).map(
      (t) => `${t.id}: ${t.title}`,
    );
    expect(bad).toEqual([]);
  });

  it("each cite at least one requirement, all of them in spec/requirements", () => {
    expect(ALL_TESTS.filter((t) => t.requirements.length === 0).map((t) => t.id)).toEqual([]);
    expect(coverage(ALL_TESTS, loadRequirements()).unknown).toEqual([]);
  });

  it("coverage lists exactly the active requirements no test cites", () => {
    const reqs = [
      { id: "R-1", level: "MUST", area: "x", text: "one", status: "active" },
      { id: "R-2", level: "MUST", area: "x", text: "two", status: "active" },
      { id: "R-3", level: "MUST", area: "x", text: "three", status: "retired" },
    ];
    const c = coverage([{ id: "send.x.a", requirements: ["R-1", "R-9"] }], reqs);
    expect(c.untested.map((r) => r.id)).toEqual(["R-2"]);
    expect(c.unknown).toEqual([{ testId: "send.x.a", requirement: "R-9" }]);
  });
});
