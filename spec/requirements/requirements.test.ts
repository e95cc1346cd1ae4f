// The requirements catalogue: valid against its schema, ids unique and well-formed, never lost or reused
// (ids.lock), README rendered from the JSON, and every area the issue names is covered.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { Ajv2020 } from "ajv/dist/2020.js";
import { describe, expect, it } from "vitest";
import { REQUIREMENTS_DIR, loadRequirements, renderReadme } from "./render-readme.ts";

const reqs = loadRequirements();
const lock = readFileSync(join(REQUIREMENTS_DIR, "ids.lock"), "utf8")
  .split("\n")
  .map((l) => l.trim())
  .filter((l) => l && !l.startsWith("#"));

describe("requirements catalogue", () => {
  it("is valid against requirements.schema.json", () => {
    const ajv = new Ajv2020({ strict: true, allErrors: true });
    const validate = ajv.compile(JSON.parse(readFileSync(join(REQUIREMENTS_DIR, "requirements.schema.json"), "utf8")));
    const ok = validate(JSON.parse(readFileSync(join(REQUIREMENTS_DIR, "requirements.json"), "utf8")));
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
  });

  it("has unique ids of the form SI-API-NNN", () => {
    const ids = reqs.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^SI-API-\d{3}$/);
  });

  it("never loses an issued id: every id in ids.lock is still in the catalogue (active or retired)", () => {
    const ids = new Set(reqs.map((r) => r.id));
    expect(lock.filter((id) => !ids.has(id))).toEqual([]);
  });

  it("records every id in ids.lock (so a new id cannot silently take a retired number)", () => {
    expect(reqs.map((r) => r.id).filter((id) => !lock.includes(id))).toEqual([]);
    expect(new Set(lock).size).toBe(lock.length);
  });

  it("covers every area the API promises something in", () => {
    const areas = new Set(reqs.map((r) => r.area));
    for (const a of ["api-core", "security", "audit", "documents", "transfer-sender", "transfer-receiver"])
      expect(areas).toContain(a);
  });

  it.each([
    ["ETag", /ETag/],
    ["If-None-Match 304", /If-None-Match.*304/],
    ["If-Match 428", /428/],
    ["If-Match 412", /412/],
    ["immutable versions", /never changes/],
    ["no DELETE", /no DELETE/],
    ["pagination Link", /Link header.*rel/],
    ["filters", /reviewDueBefore/],
    ["problem+json", /application\/problem\+json/],
    ["413", /413/],
    ["415", /415/],
    ["tenancy 404", /404 not-found, indistinguishable/],
    ["audit of reads and writes", /append-only audit log/],
    ["parent access log", /access-log/],
    ["$validate", /\$validate/],
    ["discovery", /GET \/ returns/],
    ["health", /healthz/],
    ["ES256 bundles", /ES256/],
    ["RFC 8785 digests", /RFC 8785/],
    ["idempotent import", /idempotent/],
    ["409 on same id different content", /different content.*409/],
    ["signed receipts", /receipt signed/],
    ["redaction in manifest", /redactions in the bundle manifest/],
  ])("states the %s requirement", (_what, re) => {
    expect(reqs.some((r) => re.test(r.text))).toBe(true);
  });

  it("README.md is the rendering of requirements.json", () => {
    expect(readFileSync(join(REQUIREMENTS_DIR, "README.md"), "utf8")).toBe(renderReadme(reqs));
  });
});
