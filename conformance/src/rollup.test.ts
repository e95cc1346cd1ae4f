import { describe, expect, it } from "vitest";
import { EXIT, summarise, worstOf } from "./rollup.ts";
import type { Level, Outcome } from "./model.ts";

const r = (level: Level, outcome: Outcome) => ({ level, outcome });

describe("summarise", () => {
  const cases: { name: string; given: { level: Level; outcome: Outcome }[]; verdict: string; exit: number }[] = [
    {
      name: "all MUST pass",
      given: [r("MUST", "pass"), r("MUST", "pass")],
      verdict: "conformant",
      exit: EXIT.conformant,
    },
    {
      name: "a MUST fails",
      given: [r("MUST", "pass"), r("MUST", "fail")],
      verdict: "not conformant",
      exit: EXIT.mustFailed,
    },
    {
      name: "a SHOULD warns",
      given: [r("MUST", "pass"), r("SHOULD", "warning")],
      verdict: "conformant",
      exit: EXIT.conformant,
    },
    {
      name: "an error makes the run incomplete",
      given: [r("MUST", "pass"), r("MUST", "error")],
      verdict: "incomplete",
      exit: EXIT.incomplete,
    },
    {
      name: "fail outranks error",
      given: [r("MUST", "error"), r("MUST", "fail")],
      verdict: "not conformant",
      exit: EXIT.mustFailed,
    },
    {
      name: "declared skips keep a conformant verdict",
      given: [r("MUST", "pass"), r("MUST", "skip")],
      verdict: "conformant",
      exit: EXIT.conformant,
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const s = summarise(c.given);
      expect(s.verdict).toBe(c.verdict);
      expect(s.exitCode).toBe(c.exit);
    });
  }

  it("never counts a skip as a pass", () => {
    const s = summarise([r("MUST", "skip"), r("MUST", "skip"), r("MUST", "pass")]);
    expect(s.byLevel.MUST.pass).toBe(1);
    expect(s.byLevel.MUST.skip).toBe(2);
    expect(s.byOutcome.pass).toBe(1);
    expect(s.mustRollup).toBe("skip");
  });

  it("rolls up by precedence error > fail > warning > skip > pass", () => {
    expect(worstOf(["pass", "skip"])).toBe("skip");
    expect(worstOf(["pass", "warning", "skip"])).toBe("warning");
    expect(worstOf(["fail", "error"])).toBe("error");
    expect(worstOf([])).toBe("pass");
  });
});
