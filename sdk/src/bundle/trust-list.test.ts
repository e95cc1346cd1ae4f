// Pure trust-list functions: what the list says about a key (validity, revocation, closure), successor links from a
// converted setting to the one that now receives, and the diff between two issues.
import { describe, expect, it } from "vitest";
import type { TrustList, TrustListEntry } from "../../generated/types.ts";
import { diffTrustLists } from "./trust-list-diff.ts";
import { listedKey, receivingSuccessor } from "./trust-list.ts";

const JWK = { kty: "EC", crv: "P-256", x: "A".repeat(43), y: "B".repeat(43) } as const;
const e = (urn: string, extra: Partial<TrustListEntry> = {}): TrustListEntry => ({
  entryType: "setting",
  urn,
  name: `Setting ${urn}`,
  status: "open",
  endpoints: { inbox: `https://mis.example/${urn}/transfers/inbox` },
  ...extra,
});
const list = (entries: TrustListEntry[], revocations: TrustList["revocations"] = [], sequence = 1): TrustList => ({
  documentType: "trust-list",
  schemaVersion: "1.0",
  id: "6f1c2a4e-8a57-4d0b-9d51-0c1f3e2a9b10",
  provenance: {
    createdBy: { personType: "system" },
    createdAt: "2030-01-01T00:00:00Z",
    system: { name: "t", version: "1" },
  },
  sequence,
  issuer: { name: "Anchor", kid: "anchor" },
  issuedAt: "2030-01-01T00:00:00Z",
  nextUpdate: "2030-01-08T00:00:00Z",
  entries,
  revocations,
});

describe("trust lists", () => {
  it("a listed key carries its validity, a revocation and its setting's closure", () => {
    const l = list(
      [
        e("100001", {
          keys: [{ kid: "k1", jwk: JWK, notBefore: "2030-01-01T00:00:00Z", notAfter: "2031-01-01T00:00:00Z" }],
        }),
        e("100002", { status: "closed", closedOn: "2030-03-31", keys: [{ kid: "k2", jwk: JWK }] }),
      ],
      [{ kid: "k1", revokedAt: "2030-06-01T00:00:00Z", reason: "key-compromise" }],
    );
    expect(listedKey(l, "k1")).toMatchObject({
      owner: "100001",
      notBefore: "2030-01-01T00:00:00Z",
      notAfter: "2031-01-01T00:00:00Z",
      revokedAt: "2030-06-01T00:00:00Z",
    });
    expect(listedKey(l, "k2")).toMatchObject({ owner: "100002", ownerClosedOn: "2030-03-31" });
    expect(listedKey(l, "nobody")).toBeUndefined();
  });

  it("follows successor links to the open setting that now receives, and stops at a loop or a gap", () => {
    const l = list([
      e("100001", { status: "converted", closedOn: "2030-08-31", successor: { urn: "100002" } }),
      e("100002", { status: "converted", closedOn: "2031-08-31", successor: { urn: "100003" } }),
      e("100003"),
      e("200001", { status: "closed", successor: { urn: "200002" } }),
      e("200002", { status: "closed", successor: { urn: "200001" } }),
      e("300001", { status: "closed" }),
    ]);
    expect(receivingSuccessor(l, "100001")?.urn).toBe("100003");
    expect(receivingSuccessor(l, "100003")?.urn).toBe("100003");
    expect(receivingSuccessor(l, "200001")).toBeUndefined();
    expect(receivingSuccessor(l, "300001")).toBeUndefined();
  });

  it("diff names added, removed and changed entries (field by field) and revocations both ways", () => {
    const before = list(
      [e("100001"), e("100002")],
      [{ kid: "old", revokedAt: "2030-01-01T00:00:00Z", reason: "other" }],
    );
    const after = list(
      [e("100001", { status: "converted", closedOn: "2030-08-31", successor: { urn: "100003" } }), e("100003")],
      [{ kid: "k9", revokedAt: "2030-02-01T00:00:00Z", reason: "key-compromise" }],
      2,
    );
    expect(diffTrustLists(before, after)).toEqual({
      sequence: { from: 1, to: 2 },
      added: ["100003"],
      removed: ["100002"],
      changed: [{ id: "100001", fields: ["closedOn", "status", "successor"] }],
      revoked: ["k9"],
      unrevoked: ["old"],
    });
  });
});
