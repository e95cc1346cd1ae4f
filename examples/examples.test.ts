// Every worked example is schema-valid and rule-clean; every document type has one; the bundle's digests verify.
import { describe, expect, it } from "vitest";
import { validate, DOCUMENT_TYPES } from "../sdk/src/index.ts";
import { canonicalSha256, bundleAsSent } from "./scripts/compute-digests.ts";
import { readJson, workedExamples } from "./load-examples.ts";

type Json = Record<string, unknown>;
const worked = workedExamples();

describe("worked examples", () => {
  it("exist (at least 12)", () => {
    expect(worked.length).toBeGreaterThanOrEqual(12);
  });

  it.each(worked.map((w) => [w.file, w.json] as const))("%s is valid with no errors and no findings", (_file, json) => {
    const result = validate(json);
    expect(result.errors).toEqual([]);
    expect(result.findings).toEqual([]);
    expect(result.valid).toBe(true);
  });

  it.each(worked.map((w) => [w.file, w.json] as const))("%s is named after its document type", (file, json) => {
    expect(file.startsWith(`${(json as Json)["documentType"] as string}-`)).toBe(true);
  });

  it("cover every document type in the manifest", () => {
    const covered = new Set(worked.map((w) => (w.json as Json)["documentType"]));
    expect(DOCUMENT_TYPES.filter((t) => !covered.has(t))).toEqual([]);
  });

  it("label every SPP example as illustrative", () => {
    const spps = worked.filter((w) => (w.json as Json)["documentType"] === "spp");
    for (const s of spps) {
      expect(s.file.startsWith("spp-illustrative-")).toBe(true);
      expect((s.json as Json)["illustrative"]).toBe(true);
    }
  });
});

describe("transfer bundle example", () => {
  const bundle = readJson("worked/transfer-bundle-y6-y7.json") as Json;
  const receipt = readJson("worked/transfer-receipt-y6-y7.json") as Json;
  const documents = bundle["documents"] as unknown[];
  const contents = bundle["contents"] as Json[];

  it.each(contents.map((c, i) => [i, c] as const))(
    "contents entry %i digest is SHA-256 of the canonical embedded document",
    (_i, entry) => {
      const index = Number(String(entry["path"]).split("/")[2]);
      expect((entry["digest"] as Json)["value"]).toBe(canonicalSha256(documents[index]));
    },
  );

  it("receipt's bundleDigest is SHA-256 of the canonical bundle without receiver-side fields", () => {
    expect(receipt["bundleId"]).toBe(bundle["id"]);
    expect((receipt["bundleDigest"] as Json)["value"]).toBe(canonicalSha256(bundleAsSent(bundle)));
  });

  it("embeds documents that are themselves valid", () => {
    for (const d of documents) expect(validate(d).errors).toEqual([]);
  });
});
