// The generated OpenAPI document: reproducible, complete (every operation documented the same way), internally
// consistent (every $ref resolves, every non-schema component used) and faithful to routes.ts and roles.ts.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { OpenAPIObject, OperationObject, ResponseObject } from "openapi3-ts/oas31";
import { OPENAPI_PATH, REPO_ROOT, buildOpenApi, serialiseOpenApi } from "./build-openapi.ts";
import { PROBLEM_BASE, PROBLEM_TYPES } from "./problems.ts";
import { ROLES, SCOPES, rolesWithScope, type RoleId } from "./roles.ts";
import { ROUTES } from "./routes.ts";

const doc: OpenAPIObject = buildOpenApi({ requireExamples: false });
const ops: { path: string; method: string; op: OperationObject }[] = Object.entries(doc.paths ?? {}).flatMap(
  ([path, item]) =>
    (["get", "post", "put", "delete", "patch"] as const).flatMap((m) => {
      const op = (item as Record<string, OperationObject | undefined>)[m];
      return op ? [{ path, method: m, op }] : [];
    }),
);

function resolvePointer(root: unknown, ref: string): unknown {
  if (!ref.startsWith("#/")) return undefined;
  return ref
    .slice(2)
    .split("/")
    .map((s) => s.replace(/~1/g, "/").replace(/~0/g, "~"))
    .reduce<unknown>(
      (node, key) => (node && typeof node === "object" ? (node as Record<string, unknown>)[key] : undefined),
      root,
    );
}

function allRefs(node: unknown, out: string[] = []): string[] {
  if (Array.isArray(node)) for (const n of node) allRefs(n, out);
  else if (node && typeof node === "object")
    for (const [k, v] of Object.entries(node)) {
      if (k === "$ref" && typeof v === "string") out.push(v);
      else allRefs(v, out);
    }
  return out;
}

describe("generated OpenAPI document", () => {
  it("is reproducible and equals the committed spec/generated/openapi.json", () => {
    const again = serialiseOpenApi(buildOpenApi());
    expect(serialiseOpenApi(doc)).toBe(again);
    expect(readFileSync(join(REPO_ROOT, OPENAPI_PATH), "utf8")).toBe(again);
  });

  it("is OpenAPI 3.1 and says it is generated", () => {
    expect(doc.openapi).toBe("3.1.0");
    expect(doc["x-generated"]).toMatch(/do not edit/);
  });

  it("has exactly the operations of routes.ts and no DELETE", () => {
    expect(ops.map((o) => o.op.operationId).sort()).toEqual(ROUTES.map((r) => r.operationId).sort());
    expect(new Set(ROUTES.map((r) => r.operationId)).size).toBe(ROUTES.length);
    expect(ops.filter((o) => o.method === "delete")).toEqual([]);
  });

  it.each(ops.map((o) => [o.op.operationId!, o] as const))(
    "%s has id, summary, description, tag, security, x-roles",
    (_id, { op }) => {
      expect(op.operationId).toMatch(/^[a-z][A-Za-z]+$/);
      expect(op.summary?.length).toBeGreaterThan(5);
      expect(op.description?.length).toBeGreaterThan(20);
      expect(op.tags).toHaveLength(1);
      expect(Array.isArray(op.security)).toBe(true);
      expect(Array.isArray(op["x-roles"])).toBe(true);
    },
  );

  it.each(ops.map((o) => [o.op.operationId!, o] as const))(
    "%s: every 4xx/5xx is application/problem+json Problem",
    (_id, { op }) => {
      const errors = Object.entries(op.responses ?? {}).filter(([s]) => /^[45]/.test(s));
      expect(errors.length).toBeGreaterThan(0);
      for (const [, res] of errors) {
        const content = (res as ResponseObject).content ?? {};
        expect(Object.keys(content)).toEqual(["application/problem+json"]);
        expect(content["application/problem+json"]!.schema).toEqual({ $ref: "#/components/schemas/Problem" });
      }
    },
  );

  it.each(ROUTES.filter((r) => r.scope).map((r) => [r.operationId, r] as const))(
    "%s requires its scope through the oauth2 scheme and can answer 401 and 403",
    (id, r) => {
      const op = ops.find((o) => o.op.operationId === id)!.op;
      expect(op.security).toEqual([{ oauth2: [r.scope] }]);
      expect(Object.keys(op.responses ?? {})).toEqual(expect.arrayContaining(["401", "403"]));
      expect(op["x-roles"]).toEqual(rolesWithScope(r.scope));
    },
  );

  it("declares the scopes machine-readably: an oauth2 scheme whose flows carry every scope of spec/roles.ts", () => {
    const scheme = doc.components?.securitySchemes?.oauth2 as {
      type: string;
      flows: Record<string, { scopes: Record<string, string> }>;
    };
    expect(scheme.type).toBe("oauth2");
    expect(Object.keys(scheme.flows).sort()).toEqual(["authorizationCode", "clientCredentials"]);
    for (const flow of Object.values(scheme.flows)) expect(flow.scopes).toEqual(SCOPES);
  });

  it(
    "public operations are exactly discovery, health, readiness, openapi, docs, the transfer keys, the trust list, the transfer " +
      "inbox, the acknowledgement inbox and the signed messages between local authorities",
    () => {
      // The inbox needs no token: the bundle's signature, checked against the trust list, authenticates the sender;
      // likewise an integration acknowledgement's signature authenticates the receiver.
      // The trust list is public like the JWKS: it is signed by the anchor, and anyone may check it.
      // Messages between local authorities' servers are authenticated by the sending LA's key in the trust list.
      expect(
        ROUTES.filter((r) => !r.scope)
          .map((r) => r.path)
          .sort(),
      ).toEqual([
        "/",
        "/.well-known/jwks.json",
        "/cross-la/remote/decisions",
        "/cross-la/remote/queries",
        "/cross-la/remote/requests",
        "/docs",
        "/healthz",
        "/openapi.json",
        "/readyz",
        "/transfers/acknowledgements",
        "/transfers/inbox",
        "/trust-list",
      ]);
    },
  );

  it.each(ROUTES.filter((r) => r.method === "put").map((r) => [r.operationId, r] as const))(
    "%s (update) takes If-Match and Change-Reason and can answer 412 and 428",
    (_id, r) => {
      expect(r.parameters).toEqual(expect.arrayContaining(["ifMatch", "changeReason"]));
      expect(r.errors).toEqual(expect.arrayContaining(["precondition-failed", "precondition-required"]));
    },
  );

  it.each(
    ROUTES.filter((r) => r.method === "post" && r.responses.some((x) => x.status === 201)).map(
      (r) => [r.operationId, r] as const,
    ),
  )("%s (create) answers 201 with Location and ETag", (_id, r) => {
    expect(r.responses.find((x) => x.status === 201)!.headers).toEqual(expect.arrayContaining(["Location", "ETag"]));
  });

  it.each(ROUTES.filter((r) => r.parameters.includes("cursor")).map((r) => [r.operationId, r] as const))(
    "%s (list) pages with limit/cursor and a Link header",
    (_id, r) => {
      expect(r.parameters).toContain("limit");
      expect(r.responses.find((x) => x.status === 200)!.headers).toContain("Link");
    },
  );

  it("every $ref resolves inside the document", () => {
    const refs = [...new Set(allRefs(doc))];
    expect(refs.length).toBeGreaterThan(100);
    expect(refs.filter((r) => resolvePointer(doc, r) === undefined)).toEqual([]);
  });

  it("components hold no $id, $schema or $defs (hoisted, one source of truth)", () => {
    const json = JSON.stringify(doc.components?.schemas);
    expect(json).not.toMatch(/"\$(id|schema|defs)"/);
    const manifest = JSON.parse(readFileSync(join(REPO_ROOT, "schemas/manifest.json"), "utf8")) as {
      documentTypes: { defName: string }[];
    };
    for (const d of manifest.documentTypes) expect(doc.components?.schemas).toHaveProperty(d.defName);
  });

  it("every parameter, header and example component is used", () => {
    const used = new Set(allRefs(doc.paths));
    for (const kind of ["parameters", "headers", "examples"] as const)
      for (const name of Object.keys(doc.components?.[kind] ?? {}))
        expect(used, `${kind}/${name}`).toContain(`#/components/${kind}/${name}`);
  });

  it("every problem type has an example and a row in the description", () => {
    for (const p of PROBLEM_TYPES) {
      expect(doc.components?.examples).toHaveProperty(`problem-${p.kind}`);
      expect(doc.info.description).toContain(`${PROBLEM_BASE}${p.kind}`);
    }
  });

  it("documents the role × operation matrix: one row per operation, one column per role", () => {
    const d = doc.info.description ?? "";
    for (const r of ROLES) expect(d).toContain(`\`${r.id}\``);
    for (const r of ROUTES) expect(d).toContain(`| \`${r.operationId}\` `);
  });

  it("every example file routes.ts names exists in examples/worked/", () => {
    const files = new Set(
      ROUTES.flatMap((r) => [r.requestBody, ...r.responses.map((x) => x.body)].flatMap((b) => b?.examples ?? [])),
    );
    expect(files.size).toBeGreaterThan(3);
    expect([...files].filter((f) => !existsSync(join(REPO_ROOT, "examples/worked", f)))).toEqual([]);
    expect(() => buildOpenApi({ requireExamples: true })).not.toThrow();
  });

  it("each create operation of a document type carries a worked example whose documentType matches", () => {
    const docSchemas = new Set(
      (
        JSON.parse(readFileSync(join(REPO_ROOT, "schemas/manifest.json"), "utf8")) as {
          documentTypes: { defName: string }[];
        }
      ).documentTypes.map((d) => d.defName),
    );
    for (const r of ROUTES.filter(
      (x) => x.method === "post" && x.requestBody?.examples && docSchemas.has(x.requestBody.schema),
    )) {
      const schema = r.requestBody!.schema;
      // Missing files are reported by the test above; this one checks the ones that exist.
      for (const f of r.requestBody!.examples!.filter((x) => existsSync(join(REPO_ROOT, "examples/worked", x)))) {
        const ex = JSON.parse(readFileSync(join(REPO_ROOT, "examples/worked", f), "utf8")) as { documentType?: string };
        const manifest = JSON.parse(readFileSync(join(REPO_ROOT, "schemas/manifest.json"), "utf8")) as {
          documentTypes: { defName: string; documentType: string }[];
        };
        expect(ex.documentType, f).toBe(manifest.documentTypes.find((d) => d.defName === schema)!.documentType);
      }
    }
  });
});

// What the white paper and the issue say each role may and may not do, checked against the matrix.
const EXPECTED: [RoleId, string, boolean][] = [
  ["parent-carer", "getIsp", true],
  ["parent-carer", "addIspVoice", true],
  ["parent-carer", "updateIsp", false],
  ["parent-carer", "createEhcp", false],
  ["parent-carer", "getChildAccessLog", true],
  ["parent-carer", "listAuditEvents", false],
  ["setting-staff", "updateIsp", true],
  ["setting-staff", "updateEhcp", false],
  ["la-officer", "updateEhcp", true],
  ["la-officer", "createSpp", false],
  ["health-commissioner", "getEhcp", true],
  ["health-commissioner", "getIsp", false],
  ["health-commissioner", "updateEhcp", false],
  ["governor", "getPlanSample", true],
  ["governor", "getIsp", false],
  ["governor", "listIsps", false],
  ["dfe-publisher", "createSpp", true],
  ["dfe-publisher", "updateSpp", true],
  ["dfe-publisher", "getIsp", false],
  ["system-integration", "createIsp", true],
  ["system-integration", "createSpp", false],
  ["auditor", "listAuditEvents", true],
  ["auditor", "getIsp", false],
];

describe("role × operation matrix", () => {
  it.each(EXPECTED)("%s → %s: %s", (roleId, opId, allowed) => {
    const op = ops.find((o) => o.op.operationId === opId)!.op;
    expect((op["x-roles"] as string[]).includes(roleId)).toBe(allowed);
  });

  it("only dfe-publisher publishes SPPs; every role but the auditor reads them", () => {
    expect(rolesWithScope("spp:publish")).toEqual(["dfe-publisher"]);
    expect(rolesWithScope("spp:read").sort()).toEqual(
      ROLES.map((r) => r.id)
        .filter((r) => r !== "auditor")
        .sort(),
    );
  });

  it("every scope a role holds is defined and used by some operation", () => {
    const used = new Set(ROUTES.map((r) => r.scope));
    for (const r of ROLES) for (const s of r.scopes) expect(Object.keys(SCOPES)).toContain(s);
    for (const s of Object.keys(SCOPES)) expect(used, s).toContain(s);
  });
});
