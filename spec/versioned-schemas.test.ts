// The OpenAPI describes every supported schemaVersion: a body of each version the server accepts validates against
// the operation's declared request and response schemas (compiled by ajv as the validating proxy compiles them), and a
// body mixing one version's shape with another's schemaVersion does not.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { createAjv } from "../sdk/src/validate/create-ajv.ts";
import { upcast } from "../sdk/src/versions/upcast.ts";
import manifest from "../schemas/manifest.json" with { type: "json" };
import { REPO_ROOT, buildOpenApi } from "./build-openapi.ts";
import { versionSuffix } from "./versioned-schemas.ts";

type Json = Record<string, unknown>;
const doc = buildOpenApi() as unknown as { components: { schemas: Record<string, Json> }; paths: Record<string, Json> };
const ID = "urn:test:openapi";
const ajv = createAjv();
ajv.opts.strictRequired = false;
ajv.addSchema({
  $id: ID,
  $defs: JSON.parse(JSON.stringify(doc.components.schemas).replace(/"#\/components\/schemas\//g, '"#/$defs/')),
});
const compile = (ref: string) => ajv.compile({ $ref: ref.replace("#/components/schemas/", `${ID}#/$defs/`) });

/** The request schema of POST `path` and the 200 response schema of GET `path`/{id}. */
function schemasOf(path: string) {
  const post = (doc.paths[path] as { post: Json }).post as { requestBody: { content: Record<string, Json> } };
  const get = (doc.paths[`${path}/{id}`] as { get: Json }).get as {
    responses: Record<string, { content: Record<string, Json> }>;
  };
  const ref = (c: Record<string, Json>) => (c["application/json"]!.schema as { $ref: string }).$ref;
  return { request: compile(ref(post.requestBody.content)), response: compile(ref(get.responses["200"]!.content)) };
}

const example = (file: string): Json =>
  JSON.parse(readFileSync(join(REPO_ROOT, "examples", "worked", file), "utf8")) as Json;
const to2 = (d: Json): Json => {
  const r = upcast(d, "2.0");
  if (!r.ok) throw new Error(r.reason);
  return r.document as Json;
};

const CASES: [string, string][] = [
  ["/isps", "isp-year4-targeted.json"],
  ["/ehcps", "ehcp-specialist-base.json"],
  ["/legacy-ehcps", "legacy-ehcp-special-school-protected.json"],
  ["/development-profiles", "development-profile-year6-legacy-classification.json"],
  ["/spps", "spp-illustrative-communication-interaction.json"],
];

describe("the OpenAPI describes every supported schemaVersion", () => {
  it("declares every supported version beside the current one", () => {
    expect(manifest.schemaVersions.supported).toEqual(["1.0", "2.0"]);
    const isp = doc.components.schemas.IndividualSupportPlan!;
    expect(isp.oneOf).toEqual(
      manifest.schemaVersions.supported.map((v) => ({
        $ref: `#/components/schemas/IndividualSupportPlan${versionSuffix(v)}`,
      })),
    );
  });

  for (const [path, file] of CASES)
    it(`${path}: a 1.0 and a 2.0 document both match the request and response schemas`, () => {
      const { request, response } = schemasOf(path);
      const v1 = example(file);
      expect(v1.schemaVersion).toBe("1.0");
      const v2 = to2(v1);
      expect(v2.schemaVersion).toBe("2.0");
      for (const body of [v1, v2]) {
        expect(request(body), JSON.stringify(request.errors?.slice(0, 3))).toBe(true);
        expect(response(body), JSON.stringify(response.errors?.slice(0, 3))).toBe(true);
      }
    });

  it("the SPP's breaking change is told apart by schemaVersion", () => {
    const { request, response } = schemasOf("/spps");
    const v1 = { ...example("spp-illustrative-communication-interaction.json") };
    v1.supersedesVersion = "1.0.0";
    v1.changeSummary = "First revision.";
    const v2 = to2(v1);
    expect(v2.supersedes).toEqual({ version: "1.0.0", changeSummary: "First revision." });
    v2.catalogueUrl = "https://catalogue.example.org.uk/spp/1";
    for (const check of [request, response]) {
      expect(check(v1)).toBe(true);
      expect(check(v2)).toBe(true);
      // The 2.0 shape claiming 1.0, and the 1.0 shape claiming 2.0, match no version.
      expect(check({ ...v2, schemaVersion: "1.0" })).toBe(false);
      expect(check({ ...v1, schemaVersion: "2.0" })).toBe(false);
      expect(check({ ...v1, schemaVersion: "3.0" })).toBe(false);
    }
  });

  it("documents inside the standard keep their own version (a 1.0 bundle refers to 1.0 documents)", () => {
    const text = JSON.stringify(doc.components.schemas.TransferBundleV1_0);
    expect(text).not.toContain("V2_0");
    expect(JSON.stringify(doc.components.schemas.TransferBundleV2_0)).not.toContain("V1_0");
  });
});
