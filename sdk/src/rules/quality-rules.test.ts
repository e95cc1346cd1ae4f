// Data-driven cases for the quality-rule families: document fragment → exact findings (ruleId + pointer).
// Fragments are partial documents; rules read only what they need and never throw on the rest.
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { Ajv2020 } from "ajv/dist/2020.js";
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { qualityRuleFamilies } from "./quality-families.ts";
import { RULE_CATALOGUE } from "./rule-catalogue.ts";
import { rules } from "./index.ts";
import { vaguePhrases } from "./vague-wording.ts";
import { canonicalSha256Hex } from "./bundle-digests.ts";
import { addMonths } from "./rule-dates.ts";
import { endOfKeyStage } from "./review-cadence.ts";
import type { RuleContext } from "./rule-context.ts";

interface Case {
  name: string;
  doc: Record<string, unknown>;
  context?: RuleContext;
  /** Families to run (by id); the expected findings are exactly theirs. */
  family: string;
  expected: Array<[ruleId: string, pointer: string]>;
}

const prov = (createdAt: string) => ({ createdAt: `${createdAt}T09:00:00Z` });
const sep = (id: string, extra: Record<string, unknown> = {}) => ({
  id,
  description: "Speech and language therapy session",
  legalBasis: "special-educational-provision",
  deliveredBy: { role: "speech-language-therapist" },
  frequency: { count: 1, per: "week" },
  sessionLengthMinutes: 30,
  groupSize: 1,
  period: { start: "2029-09-10" },
  addressesBarrierIds: ["b1"],
  ...extra,
});

const cases: Case[] = [
  // golden thread (ISP)
  {
    name: "linked ISP is clean",
    family: "isp.golden-thread",
    expected: [],
    doc: {
      barriers: [{ id: "b1" }],
      provision: [sep("p1")],
      outcomes: [{ id: "o1", barrierIds: ["b1"], provisionIds: ["p1"] }],
    },
  },
  {
    name: "barrier with no provision and no outcome",
    family: "isp.golden-thread",
    expected: [
      ["isp.golden-thread.barrier-has-provision", "/barriers/1"],
      ["isp.golden-thread.barrier-has-outcome", "/barriers/1"],
    ],
    doc: {
      barriers: [{ id: "b1" }, { id: "b2" }],
      provision: [sep("p1")],
      outcomes: [{ id: "o1", barrierIds: ["b1"] }],
    },
  },
  {
    name: "provision addressing a non-existent barrier",
    family: "isp.golden-thread",
    expected: [["isp.golden-thread.dangling-reference", "/provision/0/addressesBarrierIds/1"]],
    doc: {
      barriers: [{ id: "b1" }],
      provision: [sep("p1", { addressesBarrierIds: ["b1", "b9"] })],
      outcomes: [{ id: "o1", barrierIds: ["b1"] }],
    },
  },
  {
    name: "provision with no barrier, outcome with no barrier",
    family: "isp.golden-thread",
    expected: [
      ["isp.golden-thread.barrier-has-provision", "/barriers/0"],
      ["isp.golden-thread.barrier-has-outcome", "/barriers/0"],
      ["isp.golden-thread.provision-addresses-barrier", "/provision/0"],
      ["isp.golden-thread.outcome-has-barrier", "/outcomes/0"],
    ],
    doc: { barriers: [{ id: "b1" }], provision: [sep("p1", { addressesBarrierIds: [] })], outcomes: [{ id: "o1" }] },
  },
  {
    name: "duplicate barrier id",
    family: "isp.golden-thread",
    expected: [["isp.golden-thread.duplicate-id", "/barriers/1"]],
    doc: {
      barriers: [{ id: "b1" }, { id: "b1" }],
      provision: [sep("p1")],
      outcomes: [{ id: "o1", barrierIds: ["b1"] }],
    },
  },
  // golden thread (EHCP, legacy)
  {
    name: "EHCP provision from an unassigned package, outcome with dangling provision",
    family: "ehcp.golden-thread",
    expected: [
      ["ehcp.golden-thread.provision-in-assigned-package", "/guaranteedProvision/0/sppId"],
      ["ehcp.golden-thread.dangling-reference", "/expectedOutcomes/0/provisionIds/0"],
      ["ehcp.golden-thread.provision-serves-outcome", "/guaranteedProvision/0"],
    ],
    doc: {
      packages: [{ spp: { id: "spp-a", version: "1.0.0" } }],
      guaranteedProvision: [{ id: "g1", sppId: "spp-b" }],
      expectedOutcomes: [{ id: "e1", provisionIds: ["g9"] }],
    },
  },
  {
    name: "legacy B need without F provision",
    family: "legacy-ehcp.golden-thread",
    expected: [
      ["legacy-ehcp.golden-thread.need-has-provision", "/sectionB/needs/1"],
      ["legacy-ehcp.golden-thread.dangling-reference", "/sectionE/outcomes/0/needIds/1"],
    ],
    doc: {
      sectionB: { needs: [{ id: "n1" }, { id: "n2" }] },
      sectionF: { items: [{ id: "f1", needIds: ["n1"] }] },
      sectionE: { outcomes: [{ id: "e1", needIds: ["n1", "n7"] }] },
    },
  },
  // provision specificity
  { name: "fully specified SEP", family: "isp.provision-specificity", expected: [], doc: { provision: [sep("p1")] } },
  {
    name: "SEP missing quantities; reasonable adjustment not checked",
    family: "isp.provision-specificity",
    expected: [
      ["isp.provision-specificity.frequency-not-quantified", "/provision/0/frequency/per"],
      ["isp.provision-specificity.session-length-missing", "/provision/0"],
      ["isp.provision-specificity.period-missing", "/provision/0"],
      ["isp.provision-specificity.group-size-missing", "/provision/0"],
    ],
    doc: {
      provision: [
        sep("p1", {
          frequency: { count: 1, per: "as-needed" },
          sessionLengthMinutes: undefined,
          period: undefined,
          groupSize: undefined,
        }),
        { id: "p2", legalBasis: "reasonable-adjustment", description: "Early dinner hall access" },
      ],
    },
  },
  {
    name: "legacy section F with no deliverer or frequency",
    family: "legacy-ehcp.provision-specificity",
    expected: [
      ["legacy-ehcp.provision-specificity.deliverer-missing", "/sectionF/items/0"],
      ["legacy-ehcp.provision-specificity.frequency-missing", "/sectionF/items/0"],
    ],
    doc: {
      sectionF: { items: [{ id: "f1", sessionLengthMinutes: 30, groupSize: 1, period: { start: "2025-01-01" } }] },
    },
  },
  // vague wording
  {
    name: "vague phrases in provision and outcome text",
    family: "any.vague-wording",
    expected: [
      ["any.vague-wording.vague-phrase", "/provision/0/description"],
      ["any.vague-wording.vague-phrase", "/provision/0/description"],
      ["any.vague-wording.vague-phrase", "/outcomes/0/description"],
    ],
    doc: {
      documentType: "isp",
      provision: [{ id: "p1", description: "Access to a quiet space as required" }],
      outcomes: [{ id: "o1", description: "Will take part Regularly in group work" }],
    },
  },
  {
    name: "quantified support and 'supported by' are not vague",
    family: "any.vague-wording",
    expected: [],
    doc: {
      documentType: "isp",
      provision: [{ id: "p1", description: "Support from a teaching assistant for 20 minutes daily" }],
      outcomes: [{ id: "o1", description: "Reads aloud, supported by a quantity of phonics books" }],
    },
  },
  // review cadence
  {
    name: "ISP next review 12 months + 1 day after last",
    family: "isp.review-cadence",
    expected: [["isp.review-cadence.next-review-within-12-months", "/reviews/1/nextReviewDue"]],
    doc: {
      status: "active",
      reviews: [
        { id: "r1", heldOn: "2029-01-10", nextReviewDue: "2029-10-01" },
        { id: "r2", heldOn: "2029-10-01", nextReviewDue: "2030-10-02" },
      ],
    },
  },
  {
    name: "ISP never reviewed, overdue by today",
    family: "isp.review-cadence",
    context: { today: "2031-01-01" },
    expected: [["isp.review-cadence.review-overdue", ""]],
    doc: {
      status: "active",
      provenance: prov("2029-09-01"),
      layersOfSupport: [{ period: { start: "2029-09-05" } }],
      reviews: [],
    },
  },
  {
    name: "EHCP of a school-age child on an annual basis, due after the key stage ends",
    family: "ehcp.review-cadence",
    expected: [
      ["ehcp.review-cadence.basis-matches-phase", "/reviewSchedule/basis"],
      ["ehcp.review-cadence.next-review-within-12-months", "/reviewSchedule/nextReviewDue"],
    ],
    doc: {
      child: { dateOfBirth: "2021-03-01" },
      issuedOn: "2029-10-01",
      reviewSchedule: { basis: "annual", nextReviewDue: "2030-12-01" },
    },
  },
  {
    name: "key-stage review after the end of KS1",
    family: "ehcp.review-cadence",
    expected: [["ehcp.review-cadence.next-review-by-end-of-key-stage", "/reviewSchedule/nextReviewDue"]],
    doc: {
      child: { dateOfBirth: "2023-03-01" },
      issuedOn: "2029-10-01",
      reviewSchedule: { basis: "end-of-key-stage", nextReviewDue: "2031-09-30" },
    },
  },
  // outcomes measurable
  {
    name: "outcome without a complete criterion; unmeasurable target",
    family: "isp.outcomes-measurable",
    expected: [
      ["isp.outcomes-measurable.success-criterion-missing", "/outcomes/1"],
      ["isp.outcomes-measurable.target-not-measurable", "/outcomes/1/successCriteria/0/target"],
    ],
    doc: {
      outcomes: [
        {
          id: "o1",
          successCriteria: [{ id: "c1", measure: "words read", target: "40 words per minute", byDate: "2030-07-01" }],
        },
        { id: "o2", successCriteria: [{ id: "c1", measure: "confidence", target: "more confident" }] },
      ],
    },
  },
  // participation
  {
    name: "no parent involvement, 16-year-old not heard",
    family: "isp.participation",
    expected: [
      ["isp.participation.parent-voice-missing", ""],
      ["isp.participation.young-person-voice-missing", ""],
    ],
    doc: {
      provenance: prov("2030-01-10"),
      child: { dateOfBirth: "2013-06-01" },
      voice: [],
      reviews: [{ participants: [{ role: "parent-carer", attended: false }] }],
    },
  },
  {
    name: "parent attended review, child's voice recorded",
    family: "isp.participation",
    expected: [],
    doc: {
      provenance: prov("2030-01-10"),
      child: { dateOfBirth: "2020-06-01" },
      voice: [{ authorRole: "child" }],
      reviews: [{ participants: [{ role: "parent-carer", attended: true }] }],
    },
  },
  // SPP citation and review
  {
    name: "cited SPP versions against a catalogue",
    family: "ehcp.spp-citation",
    context: {
      sppCatalogue: [
        { id: "spp-a", version: "1.0.0", status: "published" },
        { id: "spp-a", version: "0.9.0", status: "retired" },
        { id: "spp-b", version: "1.0.0", status: "draft" },
      ],
    },
    expected: [
      ["ehcp.spp-citation.retired", "/packages/1/spp"],
      ["ehcp.spp-citation.not-published", "/packages/2/spp"],
      ["ehcp.spp-citation.not-published", "/packages/3/spp"],
    ],
    doc: {
      packages: [
        { spp: { id: "spp-a", version: "1.0.0" } },
        { spp: { id: "spp-a", version: "0.9.0" } },
        { spp: { id: "spp-b", version: "1.0.0" } },
        { spp: { id: "spp-c", version: "2.0.0" } },
      ],
    },
  },
  {
    name: "SPP citation without a catalogue: nothing to check against",
    family: "ehcp.spp-citation",
    expected: [],
    doc: { packages: [{ spp: { id: "spp-a", version: "v1" } }, { spp: { id: "spp-x", version: "1.2.3" } }] },
  },
  {
    name: "SPP next review more than 5 years after last",
    family: "spp.spp-review",
    expected: [["spp.spp-review.next-review-within-5-years", "/reviewDates/nextReviewDue"]],
    doc: { status: "published", reviewDates: { publishedOn: "2029-09-01", nextReviewDue: "2034-09-02" } },
  },
  // code validity
  {
    name: "area of development before September 2029 (record's date)",
    family: "any.code-validity",
    expected: [["any.code-validity.not-yet-valid", "/barriers/0/areaOfDevelopment"]],
    doc: { provenance: prov("2029-03-01"), barriers: [{ id: "b1", areaOfDevelopment: "sensory" }] },
  },
  {
    name: "area of development on 2029-09-01, provision started earlier and still open",
    family: "any.code-validity",
    expected: [],
    doc: {
      provenance: prov("2029-09-01"),
      barriers: [{ id: "b1", areaOfDevelopment: "sensory" }],
      provision: [{ period: { start: "2029-06-01" }, areasOfDevelopment: ["sensory"] }],
    },
  },
  {
    name: "census S in a closed history record passes, in an open one fails",
    family: "any.code-validity",
    expected: [["any.code-validity.retired", "/legacyClassifications/1/senProvision"]],
    doc: {
      provenance: prov("2030-01-01"),
      legacyClassifications: [
        { senProvision: "S", effectiveFrom: "2010-09-01", effectiveTo: "2014-08-31" },
        { senProvision: "A", effectiveFrom: "2012-09-01" },
      ],
    },
  },
  // transition planning, assessment route, legacy migration
  {
    name: "post-16 planning started 6 months ahead",
    family: "isp.transition-planning",
    expected: [["isp.transition-planning.post-16-started-late", "/transitionPlan/post16PlanningStartedOn"]],
    doc: {
      transitionPlan: { nextPhase: "post-16", plannedMoveOn: "2031-09-01", post16PlanningStartedOn: "2031-03-01" },
    },
  },
  {
    name: "fast track for a child who turned 5 before referral",
    family: "ehcp.assessment-route",
    expected: [["ehcp.assessment-route.fast-track-age", "/needsAssessment/route"]],
    doc: {
      child: { dateOfBirth: "2024-10-01" },
      needsAssessment: { route: "fast-track-under-5", requestedOn: "2029-10-01" },
    },
  },
  {
    name: "fast track the day before the fifth birthday",
    family: "ehcp.assessment-route",
    expected: [],
    doc: {
      child: { dateOfBirth: "2024-10-01" },
      needsAssessment: { route: "fast-track-under-5", requestedOn: "2029-09-30" },
    },
  },
  {
    name: "special-school-protected without a September 2029 place; support ends early",
    family: "legacy-ehcp.legacy-migration",
    expected: [
      ["legacy-ehcp.legacy-migration.protected-requires-special-school-place", "/migration/state"],
      ["legacy-ehcp.legacy-migration.retention-ends-before-september-2030", "/migration/retentionEndDate"],
    ],
    doc: {
      migration: {
        state: "special-school-protected",
        specialSchoolPlaceSeptember2029: false,
        retentionEndDate: "2030-03-31",
      },
    },
  },
  {
    name: "moving to ISP without an spp-not-needed assessment; assessed before commencement",
    family: "legacy-ehcp.legacy-migration",
    expected: [
      [
        "legacy-ehcp.legacy-migration.new-system-step-before-commencement",
        "/migration/transitionAssessment/assessedOn",
      ],
      ["legacy-ehcp.legacy-migration.outcome-matches-state", "/migration/state"],
    ],
    doc: {
      migration: { state: "moving-to-isp", transitionAssessment: { assessedOn: "2029-06-01", outcome: "spp-needed" } },
    },
  },
];

const byId = new Map(qualityRuleFamilies.map((f) => [f.id, f]));

describe("quality rules: case table", () => {
  it.each(cases)("$family: $name", ({ family, doc, context, expected }) => {
    const run = byId.get(family);
    expect(run, `family ${family} is registered`).toBeDefined();
    const findings = run!.unguarded(doc, context);
    expect(findings.map((f) => [f.ruleId, f.pointer])).toEqual(expected);
    for (const f of findings) expect(f.message.length).toBeGreaterThan(10);
  });
});

describe("bundle digests", () => {
  const isp = { documentType: "isp", schemaVersion: "1.0", id: "11111111-1111-4111-8111-111111111111", barriers: [] };
  const bundle = (value: string, documents: unknown[] = [isp]) => ({
    documentType: "transfer-bundle",
    contents: [
      {
        path: "/documents/0",
        documentId: isp.id,
        documentType: "isp",
        schemaVersion: "1.0",
        digest: { algorithm: "sha-256", canonicalization: "rfc8785", value },
      },
    ],
    documents,
  });
  const run = (doc: unknown) =>
    byId
      .get("transfer-bundle.bundle-digests")!
      .unguarded(doc)
      .map((f) => [f.ruleId, f.pointer]);

  it("hashes the RFC 8785 canonical form to the published vector (astral characters, escapes, numbers)", () => {
    const dir = join(dirname(fileURLToPath(import.meta.url)), "../../../examples/vectors/transfer/canonical");
    const input: unknown = JSON.parse(readFileSync(join(dir, "rfc8785-edge-cases.input.json"), "utf8"));
    const expected = JSON.parse(readFileSync(join(dir, "rfc8785-edge-cases.expected.json"), "utf8")) as {
      sha256: string;
    };
    expect(canonicalSha256Hex(input)).toBe(expected.sha256);
  });
  it("accepts the SHA-256 of the canonical form, whatever the key order", () => {
    const reordered = { barriers: [], id: isp.id, schemaVersion: "1.0", documentType: "isp" };
    expect(run(bundle(canonicalSha256Hex(isp)!, [reordered]))).toEqual([]);
  });
  it("reports a changed document and an unlisted one", () => {
    const digest = canonicalSha256Hex(isp)!;
    expect(run(bundle(digest, [{ ...isp, barriers: [{ id: "b1" }] }, isp]))).toEqual([
      ["transfer-bundle.bundle-digests.digest-mismatch", "/contents/0/digest/value"],
      ["transfer-bundle.bundle-digests.document-not-listed", "/documents/1"],
    ]);
  });
  it("reports an entry pointing at nothing", () => {
    expect(run(bundle(canonicalSha256Hex(isp)!, []))).toEqual([
      ["transfer-bundle.bundle-digests.document-missing", "/contents/0/path"],
    ]);
  });
});

describe("vague phrase matching", () => {
  it.each([
    ["Access to the sensory room", ["Access to"]],
    ["input from the SALT where possible", ["input", "where possible"]],
    ["She would benefit from opportunities for play", ["would benefit from", "opportunities for"]],
    ["Supportive, supported and self-support", []],
    ["Adult support in class", ["support"]],
    ["Adult support twice a day", []],
    ["inputs and regularity", []],
    ["Small-group social communication in the Support Base", []],
    ["Moved from SEN support to an EHCP", []],
    ["Support Base time with a support worker, plus support in class", ["support"]],
  ])("%s", (text, expected) => {
    expect(vaguePhrases(text)).toEqual(expected);
  });
});

describe("dates", () => {
  it.each([
    ["2029-01-31", 1, "2029-02-28"],
    ["2028-02-29", 12, "2029-02-28"],
    ["2031-09-01", -12, "2030-09-01"],
  ])("%s + %i months = %s", (date, months, expected) => {
    expect(addMonths(date, months)).toBe(expected);
  });
  it.each([
    ["2023-03-01", "2029-10-01", "2030-08-31"], // aged 6 on 31 Aug 2029: Year 2, the last year of KS1
    ["2018-01-15", "2029-10-01", "2032-08-31"], // aged 11 on 31 Aug 2029: Year 7, KS3 ends with Year 9
    ["2018-10-15", "2029-10-01", "2030-08-31"], // aged 10: Year 6, the last year of KS2
    ["2025-03-01", "2029-10-01", undefined], // Reception: early years, annual reviews
  ])("end of key stage for DOB %s at %s", (dob, on, expected) => {
    expect(endOfKeyStage(dob, on)).toBe(expected);
  });
});

describe("catalogue and registry agree", () => {
  const catalogueIds = new Set(RULE_CATALOGUE.map((r) => r.id));
  const here = dirname(fileURLToPath(import.meta.url));
  const sources = Object.fromEntries(
    readdirSync(here)
      .filter((f) => f.endsWith(".ts"))
      .map((f) => [f, readFileSync(join(here, f), "utf8")]),
  );
  const emitted = new Set<string>();
  for (const [path, text] of Object.entries(sources)) {
    if (path.endsWith(".test.ts")) continue;
    for (const m of text.matchAll(
      /"((?:any|isp|ehcp|legacy-ehcp|spp|development-profile|transfer-bundle|transfer-receipt)\.[a-z0-9-]+\.[a-z0-9-]+)"/g,
    ))
      emitted.add(m[1]!);
    // provision-specificity builds ids from a template
    for (const m of text.matchAll(/id\("([a-z0-9-]+)"\)/g))
      for (const t of ["isp", "legacy-ehcp"]) emitted.add(`${t}.provision-specificity.${m[1]}`);
  }
  const registered = new Set(rules.map((r) => r.id));

  it("every rule id in the code is in the catalogue", () => {
    expect([...emitted].filter((id) => !catalogueIds.has(id))).toEqual([]);
  });
  it("every catalogue entry is emitted by the code and its family is registered", () => {
    expect([...catalogueIds].filter((id) => !emitted.has(id))).toEqual([]);
    const families = [...catalogueIds].map((id) => id.split(".").slice(0, 2).join("."));
    expect(families.filter((f) => !registered.has(f))).toEqual([]);
  });
  it("the catalogue is valid against its schema and ids are unique", () => {
    const ajv = new Ajv2020({ allErrors: true });
    const validate = ajv.compile(
      JSON.parse(readFileSync(join(here, "../../../schemas/rules/catalogue.schema.json"), "utf8")),
    );
    const catalogue: unknown = JSON.parse(readFileSync(join(here, "../../../schemas/rules/catalogue.json"), "utf8"));
    expect(validate(catalogue), JSON.stringify(validate.errors)).toBe(true);
    expect(catalogueIds.size).toBe(RULE_CATALOGUE.length);
  });
  it("every catalogue rationale cites the white paper or the law", () => {
    expect(
      RULE_CATALOGUE.filter((r) => !/D:\d+|SEND Code|Regulations|uk-send-data|CONTRIBUTING/.test(r.rationale)).map(
        (r) => r.id,
      ),
    ).toEqual([]);
  });
});

describe("rules never throw", () => {
  const types = ["isp", "ehcp", "legacy-ehcp", "spp", "development-profile", "transfer-bundle", "transfer-receipt"];
  it("on arbitrary JSON with a documentType", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...types),
        fc.dictionary(fc.string(), fc.jsonValue()),
        fc.jsonValue(),
        (documentType, rest, today) => {
          const doc = { ...rest, documentType };
          for (const family of qualityRuleFamilies) {
            family.unguarded(doc, { today: typeof today === "string" ? today : undefined, sppCatalogue: [] });
          }
        },
      ),
      { numRuns: 300 },
    );
  });
  it("on documents whose fields have the right names but odd values", () => {
    const keys = [
      "barriers",
      "provision",
      "outcomes",
      "reviews",
      "packages",
      "guaranteedProvision",
      "expectedOutcomes",
      "sectionB",
      "sectionE",
      "sectionF",
      "migration",
      "contents",
      "documents",
      "reviewDates",
      "transitionPlan",
      "needsAssessment",
      "child",
      "provenance",
      "legacyClassifications",
      "reviewSchedule",
      "voice",
    ];
    fc.assert(
      fc.property(
        fc.constantFrom(...types),
        fc.record(Object.fromEntries(keys.map((k) => [k, fc.jsonValue()])), { requiredKeys: [] }),
        (documentType, rest) => {
          for (const family of qualityRuleFamilies) family.unguarded({ ...rest, documentType });
        },
      ),
      { numRuns: 300 },
    );
  });
});
