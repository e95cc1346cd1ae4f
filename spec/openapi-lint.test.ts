// Redocly lint with the committed ruleset (spec/redocly.yaml): zero errors AND zero warnings. A second run on a
// deliberately broken copy proves the ruleset is really applied (an error answered as application/json must fail).
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { OPENAPI_PATH, REPO_ROOT } from "./build-openapi.ts";

function lint(file: string): { status: number | null; out: string } {
  const r = spawnSync(
    join(REPO_ROOT, "node_modules/.bin/redocly"),
    ["lint", file, "--config", join(REPO_ROOT, "spec/redocly.yaml"), "--format=summary"],
    {
      encoding: "utf8",
      env: { ...process.env, REDOCLY_TELEMETRY: "off", REDOCLY_SUPPRESS_UPDATE_NOTICE: "true" },
    },
  );
  return { status: r.status, out: `${r.stdout}\n${r.stderr}` };
}

describe("redocly lint", () => {
  it("passes with zero errors and zero warnings", () => {
    const { status, out } = lint(join(REPO_ROOT, OPENAPI_PATH));
    expect(out).toContain("Your API description is valid");
    expect(out).not.toMatch(/\b(error|warning) [a-z0-9-]+: \d+/);
    expect(out).not.toMatch(/You have \d+ warning/);
    expect(status).toBe(0);
  });

  it("fails when an error response is not problem+json (the ruleset is live)", () => {
    const doc = JSON.parse(readFileSync(join(REPO_ROOT, OPENAPI_PATH), "utf8")) as {
      paths: Record<string, Record<string, { responses: Record<string, { content?: Record<string, unknown> }> }>>;
    };
    const res = doc.paths["/isps/{id}"]!.get!.responses["404"]!;
    res.content = { "application/json": res.content!["application/problem+json"] };
    const dir = mkdtempSync(join(tmpdir(), "spec-lint-"));
    writeFileSync(join(dir, "broken.json"), JSON.stringify(doc));
    const { status, out } = lint(join(dir, "broken.json"));
    expect(out).toContain("operation-4xx-problem-details-rfc7807");
    expect(status).not.toBe(0);
  });
});
