// JUnit XML for vendors' CI: one <testsuite> per profile, one <testcase> per test (classname = profile, name = id).
// fail → <failure>; error → <error>; skip → <skipped>; warning → passes with a <system-out> note (SHOULD level).
import type { RunReport } from "./report-model.ts";
import type { TestResult } from "../model.ts";

export function xmlEscape(s: string): string {
  // Characters XML 1.0 forbids outright are dropped; markup characters are escaped.
  return s
    .replace(/[^\x09\x0A\x0D\x20-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, "")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&apos;");
}

function testcase(r: TestResult, report: RunReport): string {
  const attrs = `classname="${xmlEscape(`send-conformance.${r.profile}`)}" name="${xmlEscape(r.id)}" time="${(r.durationMs / 1000).toFixed(3)}"`;
  const reqs = r.requirements.map((id) => `${id}: ${report.requirements[id]?.text ?? "(not in catalogue)"}`).join("\n");
  const detail = `${r.level} — ${r.title}\n${r.message ?? ""}\nRequirements:\n${reqs}`;
  const props =
    `<properties><property name="level" ` +
    `value="${r.level}"/>${r.requirements.map((q) => `<property name="requirement" value="${xmlEscape(q)}"/>`).join("")}</properties>`;
  switch (r.outcome) {
    case "fail":
      return `<testcase ${attrs}>${props}<failure message="${xmlEscape(r.message ?? "failed")}" type="${r.level}">${xmlEscape(detail)}</failure></testcase>`;
    case "error":
      return `<testcase ${attrs}>${props}<error message="${xmlEscape(r.message ?? "error")}" type="harness">${xmlEscape(detail)}</error></testcase>`;
    case "skip":
      return `<testcase ${attrs}>${props}<skipped message="${xmlEscape(r.message ?? "skipped")}"/></testcase>`;
    case "warning":
      return `<testcase ${attrs}>${props}<system-out>${xmlEscape(`WARNING (${r.level}): ${r.message ?? ""}`)}</system-out></testcase>`;
    case "pass":
      return `<testcase ${attrs}>${props}</testcase>`;
  }
}

export function renderJunit(report: RunReport): string {
  const profiles = [...new Set(report.results.map((r) => r.profile))];
  const suites = profiles.map((p) => {
    const rs = report.results.filter((r) => r.profile === p);
    const count = (o: string) => rs.filter((r) => r.outcome === o).length;
    const time = rs.reduce((s, r) => s + r.durationMs, 0) / 1000;
    return `  <testsuite name="${xmlEscape(p)}" tests="${rs.length}" failures="${count("fail")}" errors="${count("error")}" skipped="${count("skip")}" time="${time.toFixed(3)}" timestamp="${report.startedAt}">\n${rs.map((r) => `    ${testcase(r, report)}`).join("\n")}\n  </testsuite>`;
  });
  const s = report.summary.byOutcome;
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="send-conformance ${xmlEscape(report.suite.version)}" tests="${report.summary.total}" failures="${s.fail}" errors="${s.error}" skipped="${s.skip}">\n${suites.join("\n")}\n</testsuites>\n`;
}
