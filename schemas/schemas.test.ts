// Structural checks on the hand-written schemas (the design contract in CONTRIBUTING.md §2), plus one minimal
// valid document per type to prove each schema's required set can be satisfied.
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import canonicalizeModule from "canonicalize";
import { describe, expect, it } from "vitest";
import { createAjv, type AjvInstance } from "../sdk/src/validate/create-ajv.ts";

const here = dirname(fileURLToPath(import.meta.url));
type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

// canonicalize is CommonJS; under NodeNext its default export may arrive wrapped.
const canonicalize = ((canonicalizeModule as unknown as { default?: unknown }).default ?? canonicalizeModule) as (
  value: unknown,
) => string | undefined;

const readJson = (path: string): JsonObject => JSON.parse(readFileSync(join(here, path), "utf8")) as JsonObject;
const manifest = readJson("manifest.json") as {
  baseUri: string;
  documentTypes: { documentType: string; schema: string }[];
} & JsonObject;

/** The files this test owns the rules for: every hand-written schema of the standard. */
const SCHEMA_FILES = [
  "common.schema.json",
  "isp.schema.json",
  "ehcp.schema.json",
  "legacy-ehcp.schema.json",
  "spp.schema.json",
  "development-profile.schema.json",
  "transfer-bundle.schema.json",
  "transfer-receipt.schema.json",
  "transfer-integration.schema.json",
  "trust-list.schema.json",
  "child-record.schema.json",
  "setting-record.schema.json",
] as const;
const schemas = new Map<string, JsonObject>(SCHEMA_FILES.map((file) => [file, readJson(file)]));
const documentSchemas = manifest.documentTypes.map((d) => ({ ...d, schemaJson: schemas.get(d.schema) }));

const isObject = (value: Json | undefined): value is JsonObject =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/** Every subschema with its JSON Pointer, found through the keywords that hold subschemas. */
function subschemas(schema: JsonObject, pointer = ""): { node: JsonObject; pointer: string }[] {
  const found = [{ node: schema, pointer }];
  const mapKeywords = ["properties", "patternProperties", "$defs", "dependentSchemas"];
  const singleKeywords = [
    "items",
    "additionalProperties",
    "unevaluatedProperties",
    "not",
    "if",
    "then",
    "else",
    "contains",
    "propertyNames",
  ];
  const listKeywords = ["oneOf", "anyOf", "allOf", "prefixItems"];
  for (const keyword of mapKeywords) {
    const map = schema[keyword];
    if (isObject(map))
      for (const [key, value] of Object.entries(map))
        if (isObject(value)) found.push(...subschemas(value, `${pointer}/${keyword}/${key}`));
  }
  for (const keyword of singleKeywords) {
    const value = schema[keyword];
    if (isObject(value)) found.push(...subschemas(value, `${pointer}/${keyword}`));
  }
  for (const keyword of listKeywords) {
    const list = schema[keyword];
    if (Array.isArray(list))
      list.forEach((value, i) => {
        if (isObject(value)) found.push(...subschemas(value, `${pointer}/${keyword}/${i}`));
      });
  }
  return found;
}

function allRefs(value: Json, out: string[] = []): string[] {
  if (Array.isArray(value)) for (const v of value) allRefs(v, out);
  else if (isObject(value))
    for (const [key, v] of Object.entries(value)) {
      if (key === "$ref" && typeof v === "string") out.push(v);
      else allRefs(v, out);
    }
  return out;
}

function loadAll(ajv: AjvInstance): AjvInstance {
  ajv.addSchema(readJson("generated/codes.schema.json"));
  for (const schema of schemas.values()) ajv.addSchema(schema);
  return ajv;
}

const sharedAjv = loadAll(createAjv());
const validatorFor = (documentType: string) => {
  const validate = sharedAjv.getSchema(`${manifest.baseUri}${documentType}.schema.json`);
  if (!validate) throw new Error(`no schema for ${documentType}`);
  return validate;
};

describe.each([...SCHEMA_FILES])("%s", (file) => {
  const schema = schemas.get(file) as JsonObject;
  const all = subschemas(schema);
  // 'if' and 'not' subschemas are conditions (e.g. the documentType discriminator of embedded documents, "neither of
  // these members"): they test values and describe no data, so titles and closing do not apply to them.
  const nodes = all.filter(({ pointer }) => !/\/(if|not)(\/|$)/.test(pointer));

  it("compiles with createAjv() in strict mode", () => {
    const ajv = loadAll(createAjv());
    expect(() => ajv.getSchema(`${manifest.baseUri}${file}`)).not.toThrow();
    // Shared defs are only compiled when referenced, so compile each $defs entry too.
    for (const name of Object.keys(isObject(schema.$defs) ? schema.$defs : {}))
      expect(() => ajv.getSchema(`${manifest.baseUri}${file}#/$defs/${name}`), name).not.toThrow();
  });

  it("has $id = baseUri + file name and the 2020-12 dialect", () => {
    expect(schema.$id).toBe(`${manifest.baseUri}${file}`);
    expect(schema.$schema).toBe("https://json-schema.org/draft/2020-12/schema");
  });

  it("uses only relative $refs", () => {
    const refs = allRefs(schema);
    expect(refs.length).toBeGreaterThan(0);
    expect(refs.filter((r) => /^[a-z][a-z0-9+.-]*:/i.test(r))).toEqual([]);
  });

  it("gives every property and every $defs entry a title and a description", () => {
    const missing: string[] = [];
    for (const { node, pointer } of nodes)
      for (const keyword of ["properties", "$defs"] as const) {
        const map = node[keyword];
        if (!isObject(map)) continue;
        for (const [key, value] of Object.entries(map)) {
          const ok =
            isObject(value) &&
            typeof value.title === "string" &&
            value.title.length > 0 &&
            typeof value.description === "string" &&
            value.description.length > 0;
          if (!ok) missing.push(`${pointer}/${keyword}/${key}`);
        }
      }
    expect(missing).toEqual([]);
  });

  it("closes every object schema except the values of extensions", () => {
    const open: string[] = [];
    for (const { node, pointer } of nodes) {
      const isObjectSchema = node.type === "object" || isObject(node.properties) || isObject(node.patternProperties);
      if (!isObjectSchema) continue;
      const isExtensionValue =
        file === "common.schema.json" && pointer.startsWith("/$defs/Extensions/patternProperties/");
      const closed = node.additionalProperties === false || node.unevaluatedProperties === false;
      if (!closed && !isExtensionValue) open.push(pointer);
    }
    expect(open).toEqual([]);
  });

  it("uses x-send-receiverSide only as the value true", () => {
    const wrong = all.filter(({ node }) => "x-send-receiverSide" in node && node["x-send-receiverSide"] !== true);
    expect(wrong.map((n) => n.pointer)).toEqual([]);
  });
});

describe.each(documentSchemas)("root of $documentType", ({ documentType, schema: file, schemaJson }) => {
  it("is one of this test's schema files", () => {
    expect(schemaJson).toBeDefined();
  });

  it("requires documentType, schemaVersion, id and provenance, and offers extensions", () => {
    const root = schemaJson as JsonObject;
    expect(root.required).toEqual(expect.arrayContaining(["documentType", "schemaVersion", "id", "provenance"]));
    const properties = root.properties as JsonObject;
    expect((properties.documentType as JsonObject).const).toBe(documentType);
    expect((properties.schemaVersion as JsonObject).$ref).toBe("common.schema.json#/$defs/SchemaVersion");
    expect((properties.provenance as JsonObject).$ref).toBe("common.schema.json#/$defs/Provenance");
    expect((properties.extensions as JsonObject).$ref).toBe("common.schema.json#/$defs/Extensions");
    expect(root.additionalProperties).toBe(false);
    expect(file).toBe(`${documentType}.schema.json`);
  });
});

// ---- minimal documents ------------------------------------------------------------------------------------------

const envelope = (documentType: string, id: string): JsonObject => ({
  documentType,
  schemaVersion: "1.0",
  id,
  provenance: {
    createdBy: { personType: "system", displayName: "Example MIS" },
    createdAt: "2029-09-03T09:00:00Z",
    system: { name: "Example MIS", version: "1.0.0" },
  },
});
const child: JsonObject = { legalName: { given: "Sam", family: "Taylor" }, dateOfBirth: "2018-05-14" };
const setting: JsonObject = { name: "Example Primary School", settingType: "mainstream-primary-school" };
const la: JsonObject = { laCode: "926", name: "Norfolk" };

const minimalIsp: JsonObject = {
  ...envelope("isp", "0f8fad5b-d9cb-469f-a165-70867728950e"),
  status: "draft",
  child,
  owner: setting,
  layersOfSupport: [{ id: "layer-1", layer: "targeted", period: { start: "2029-09-03" } }],
  barriers: [],
  provision: [],
  reasonableAdjustments: [],
  outcomes: [],
  reviews: [],
};

const minimalDocuments: Record<string, JsonObject> = {
  isp: minimalIsp,
  ehcp: {
    ...envelope("ehcp", "7c9e6679-7425-40de-944b-e07fc1f90ae7"),
    status: "draft",
    child,
    owner: la,
    packages: [
      { spp: { documentType: "spp", id: "spp-illustrative-slcn-complex", version: "1.0.0" }, decidedOn: "2029-11-01" },
    ],
    guaranteedProvision: [],
    expectedOutcomes: [],
  },
  "legacy-ehcp": {
    ...envelope("legacy-ehcp", "9b2f4a1e-3c5d-4e6f-8a7b-1c2d3e4f5a6b"),
    status: "issued",
    child,
    owner: la,
    sectionA: { voice: [] },
    sectionB: { needs: [] },
    sectionE: { outcomes: [] },
    sectionF: { items: [] },
    sectionI: { settingType: "mainstream-primary-school" },
    migration: { state: "legacy-active" },
  },
  spp: {
    ...envelope("spp", "3d813cbb-47fb-42ba-91df-831e1593ac29"),
    catalogueId: "spp-illustrative-slcn-complex",
    version: "1.0.0",
    title: "Illustrative package: complex speech, language and communication needs",
    status: "draft",
    illustrative: true,
    needProfile: { summary: "Illustrative need profile for testing only." },
    provisionComponents: [
      {
        id: "c1",
        title: "Speech and language therapy",
        description: "Illustrative component.",
        provisionType: "therapy",
      },
    ],
    eligibleSettings: { settingTypes: ["mainstream-primary-school"], mainstreamOnly: true },
    reviewDates: {},
    publisher: { name: "Example publisher" },
  },
  "development-profile": {
    ...envelope("development-profile", "6ec0bd7f-11c0-43da-975e-2a8ad9ebae0b"),
    child,
    codeListVersion: "1.0.0",
    areas: [],
  },
};

const sha256Hex = (value: JsonObject): string =>
  createHash("sha256")
    .update(canonicalize(value) ?? "", "utf8")
    .digest("hex");

minimalDocuments["transfer-bundle"] = {
  ...envelope("transfer-bundle", "1b4e28ba-2fa1-41d2-883f-0016d3cca427"),
  manifest: {
    bundleId: "1b4e28ba-2fa1-41d2-883f-0016d3cca427",
    createdAt: "2030-07-01T10:00:00Z",
    sender: { system: { name: "Example MIS", version: "1.0.0" }, setting },
    receiver: { destinationUnknown: true },
    reason: "phase-transition",
  },
  contents: [
    {
      path: "/documents/0",
      documentId: minimalIsp.id as string,
      documentType: "isp",
      mediaType: "application/json",
      schemaVersion: "1.0",
      digest: { algorithm: "sha-256", canonicalization: "rfc8785", value: sha256Hex(minimalIsp) },
    },
  ],
  sharingApplied: { purpose: "Move to secondary school", labelsIncluded: ["education"], labelsExcluded: [] },
  redactions: [],
  documents: [minimalIsp],
};
minimalDocuments["transfer-receipt"] = {
  ...envelope("transfer-receipt", "a8098c1a-f86e-41d2-9bd1-5c4a1b2e3f40"),
  receiptId: "a8098c1a-f86e-41d2-9bd1-5c4a1b2e3f40",
  bundleId: "1b4e28ba-2fa1-41d2-883f-0016d3cca427",
  bundleDigest: {
    algorithm: "sha-256",
    canonicalization: "rfc8785",
    value: sha256Hex(minimalDocuments["transfer-bundle"]),
  },
  receivedAt: "2030-07-01T10:05:00Z",
  decision: "accepted",
  reasons: [],
  receiver: { system: { name: "Receiving MIS", version: "2.3.0" } },
};

minimalDocuments["transfer-integration"] = {
  ...envelope("transfer-integration", "b3a7c2d0-4e1f-4a8b-9c3d-2f1e0a9b8c7d"),
  bundleId: "1b4e28ba-2fa1-41d2-883f-0016d3cca427",
  bundleDigest: {
    algorithm: "sha-256",
    canonicalization: "rfc8785",
    value: sha256Hex(minimalDocuments["transfer-bundle"]),
  },
  outcome: "integrated",
  recordedAt: "2030-07-03T09:00:00Z",
  recordedBy: { personType: "practitioner", displayName: "Ms A. Patel (SENCO)" },
  receiver: { system: { name: "Receiving MIS", version: "2.3.0" } },
};

const errorsOf = (documentType: string, doc: JsonObject) => {
  const validate = validatorFor(documentType);
  validate(doc);
  return (validate.errors ?? []).map((e) => `${e.instancePath} ${e.keyword} ${e.message ?? ""}`);
};

describe.each(Object.keys(minimalDocuments))("minimal %s document", (documentType) => {
  const doc = minimalDocuments[documentType] as JsonObject;

  it("is valid", () => {
    expect(errorsOf(documentType, doc)).toEqual([]);
  });

  it("rejects an unknown top-level property (the root is closed)", () => {
    expect(errorsOf(documentType, { ...doc, unexpected: true }).some((e) => e.includes("additionalProperties"))).toBe(
      true,
    );
  });

  it.each(["documentType", "schemaVersion", "id", "provenance"])("rejects a document without %s", (field) => {
    const { [field]: _removed, ...rest } = doc;
    expect(errorsOf(documentType, rest).some((e) => e.includes("required"))).toBe(true);
  });

  it("accepts namespaced extensions and rejects others", () => {
    expect(errorsOf(documentType, { ...doc, extensions: { "uk.co.vendor": { anything: [1, 2] } } })).toEqual([]);
    expect(errorsOf(documentType, { ...doc, extensions: { vendor: {} } })).not.toEqual([]);
  });

  it("rejects a different schemaVersion", () => {
    expect(errorsOf(documentType, { ...doc, schemaVersion: "2.0" })).not.toEqual([]);
  });
});

describe("cross-cutting constraints", () => {
  const isp = minimalIsp;
  const cases: { name: string; doc: JsonObject; type: string; valid: boolean }[] = [
    { name: "ISP with no layer of support", type: "isp", valid: false, doc: { ...isp, layersOfSupport: [] } },
    {
      name: "ISP with a bad layer code",
      type: "isp",
      valid: false,
      doc: { ...isp, layersOfSupport: [{ id: "l1", layer: "wave-3", period: { start: "2029-09-03" } }] },
    },
    {
      name: "ISP child with a valid UPN",
      type: "isp",
      valid: true,
      doc: { ...isp, child: { ...child, identifiers: { upn: "B801200005001" } } },
    },
    {
      name: "ISP child with a bad NHS number",
      type: "isp",
      valid: false,
      doc: { ...isp, child: { ...child, identifiers: { nhsNumber: "1234567890" } } },
    },
    {
      name: "ISP classroom summary over 600 characters",
      type: "isp",
      valid: false,
      doc: { ...isp, classroomSummary: { needToKnow: "x".repeat(601), needToDo: "y" } },
    },
    {
      name: "ISP provision without legal basis",
      type: "isp",
      valid: false,
      doc: {
        ...isp,
        provision: [
          {
            id: "p1",
            description: "Small group",
            provisionType: "intervention",
            deliveredBy: { role: "teaching-assistant" },
            addressesBarrierIds: ["b1"],
          },
        ],
      },
    },
    {
      name: "ISP provision fully specified",
      type: "isp",
      valid: true,
      doc: {
        ...isp,
        provision: [
          {
            id: "p1",
            description: "Small group vocabulary pre-teaching",
            provisionType: "intervention",
            legalBasis: "special-educational-provision",
            deliveredBy: { role: "teaching-assistant", expertise: "Trained in the programme" },
            groupSize: 4,
            sessionLengthMinutes: 20,
            frequency: { count: 3, per: "week" },
            period: { start: "2029-09-10", end: "2029-12-19" },
            location: "small-group-room",
            fundingRoute: "setting-notional-send-budget",
            addressesBarrierIds: ["b1"],
            servesOutcomeIds: ["o1"],
          },
        ],
      },
    },
    {
      name: "EHCP with no package",
      type: "ehcp",
      valid: false,
      doc: { ...(minimalDocuments.ehcp as JsonObject), packages: [] },
    },
    {
      name: "SPP with a bad semantic version",
      type: "spp",
      valid: false,
      doc: { ...(minimalDocuments.spp as JsonObject), version: "1.0" },
    },
    {
      name: "bundle digest in upper-case hex",
      type: "transfer-bundle",
      valid: false,
      doc: {
        ...(minimalDocuments["transfer-bundle"] as JsonObject),
        contents: [
          {
            ...((minimalDocuments["transfer-bundle"] as JsonObject).contents as JsonObject[])[0],
            digest: { algorithm: "sha-256", canonicalization: "rfc8785", value: "A".repeat(64) },
          },
        ],
      },
    },
    {
      name: "bundle embedding an ISP with an unknown property",
      type: "transfer-bundle",
      valid: false,
      doc: { ...(minimalDocuments["transfer-bundle"] as JsonObject), documents: [{ ...isp, unexpected: 1 }] },
    },
    {
      name: "bundle embedding an SPP",
      type: "transfer-bundle",
      valid: false,
      doc: { ...(minimalDocuments["transfer-bundle"] as JsonObject), documents: [minimalDocuments.spp as JsonObject] },
    },
  ];
  it.each(cases)("$name → valid: $valid", ({ doc, type, valid }) => {
    expect(errorsOf(type, doc).length === 0).toBe(valid);
  });
});
