// Spawns the real CLI as a trust-list publisher and a receiver would use it: keys → create → sign → inspect → a new
// issue that revokes a key → diff → check-bundle before and after the revocation; and the refusals (a list signed by
// another key, an invalid entry with its pointer and rule id, usage errors).
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const BIN = new URL("../../bin/send-interchange.js", import.meta.url).pathname;
const ISP = new URL("../../../examples/worked/isp-nursery-targeted-slc.json", import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), "si-trust-cli-"));
const at = (name: string) => join(dir, name);

function cli(...args: string[]): { code: number | null; out: string; err: string } {
  const result = spawnSync(process.execPath, [BIN, ...args], { encoding: "utf8", cwd: dir });
  return { code: result.status, out: result.stdout, err: result.stderr };
}

const entry = (key: { kid: string; kty: string; crv: string; x: string; y: string }, extra: object = {}) => ({
  entryType: "setting",
  urn: "152984",
  laCode: "873",
  name: "Fenbrook Primary School and Nursery",
  status: "open",
  endpoints: { inbox: "https://mis.example/transfers/inbox" },
  keys: [{ kid: key.kid, jwk: { kty: key.kty, crv: key.crv, x: key.x, y: key.y } }],
  ...extra,
});

describe("send-interchange trust-list", { timeout: 120_000 }, () => {
  it("creates, signs, inspects, diffs, and checks a bundle before and after a revocation", () => {
    for (const k of ["anchor", "school", "forger"]) expect(cli("keys", "generate", "--out", `${k}.jwk`).code).toBe(0);
    const school = JSON.parse(readFileSync(at("school.pub.jwk"), "utf8"));
    writeFileSync(at("entries.json"), JSON.stringify([entry(school)]));
    expect(
      cli(
        "trust-list",
        "create",
        "--issuer-name",
        "Test DfE",
        "--anchor-key",
        "anchor.jwk",
        "--entries",
        "entries.json",
        "--out",
        "v1.json",
      ).code,
    ).toBe(0);
    expect(cli("trust-list", "sign", "v1.json", "--key", "anchor.jwk", "--out", "v1.jws").code).toBe(0);
    const inspected = cli("trust-list", "inspect", "v1.jws", "--anchor", "anchor.pub.jwk");
    expect(inspected.code, inspected.err).toBe(0);
    expect(inspected.out).toContain("URN 152984 Fenbrook Primary School and Nursery: open");

    // A bundle the school signs is accepted under the list.
    const packed = cli(
      "bundle",
      "pack",
      ISP,
      "--sender-urn",
      "152984",
      "--sender-name",
      "Fenbrook Primary School and Nursery",
      "--sender-setting-type",
      "school-based-nursery",
      "--receiver-name",
      "Oakfield Primary School",
      "--receiver-setting-type",
      "mainstream-primary-school",
      "--reason",
      "in-year-move",
      "--purpose",
      "Family moved",
      "--key",
      "school.jwk",
      "--out",
      "bundle.jws",
    );
    expect(packed.code, packed.err).toBe(0);
    const ok = cli("trust-list", "check-bundle", "bundle.jws", "--trust-list", "v1.jws", "--anchor", "anchor.pub.jwk");
    expect(ok.code, ok.out + ok.err).toBe(0);
    expect(ok.out).toContain("ACCEPTED");

    // Issue 2 revokes the school's key; diff says so, and the same bundle is now refused with key-revoked.
    writeFileSync(
      at("revocations.json"),
      JSON.stringify([{ kid: school.kid, revokedAt: "2020-01-01T00:00:00Z", reason: "key-compromise" }]),
    );
    expect(
      cli(
        "trust-list",
        "create",
        "--issuer-name",
        "Test DfE",
        "--anchor-key",
        "anchor.jwk",
        "--entries",
        "entries.json",
        "--revocations",
        "revocations.json",
        "--sequence",
        "2",
        "--out",
        "v2.json",
      ).code,
    ).toBe(0);
    expect(cli("trust-list", "sign", "v2.json", "--key", "anchor.jwk", "--out", "v2.jws").code).toBe(0);
    const d = cli("trust-list", "diff", "v1.jws", "v2.jws", "--json");
    expect(d.code).toBe(0);
    expect(JSON.parse(d.out)).toMatchObject({
      sequence: { from: 1, to: 2 },
      revoked: [school.kid],
      added: [],
      removed: [],
    });
    const refused = cli(
      "trust-list",
      "check-bundle",
      "bundle.jws",
      "--trust-list",
      "v2.jws",
      "--anchor",
      "anchor.pub.jwk",
    );
    expect(refused.code).toBe(1);
    expect(refused.out).toContain("bundle.key-revoked");
  });

  it("refuses a list signed by another key, and an invalid entry with its pointer and rule id", () => {
    const forged = cli("trust-list", "inspect", "v1.jws", "--anchor", "forger.pub.jwk");
    expect(forged.code).toBe(1);
    expect(forged.out).toContain("trust-list.unknown-key");
    writeFileSync(
      at("bad.json"),
      JSON.stringify([{ ...entry(JSON.parse(readFileSync(at("school.pub.jwk"), "utf8"))), status: "shut" }]),
    );
    const bad = cli(
      "trust-list",
      "create",
      "--issuer-name",
      "Test DfE",
      "--anchor-key",
      "anchor.jwk",
      "--entries",
      "bad.json",
      "--out",
      "bad-list.json",
    );
    expect(bad.code).toBe(1);
    expect(bad.out).toMatch(/schema\.enum at \/entries\/0\/status/u);
    const usage = cli("trust-list", "sign", "v1.json", "--out", "x.jws");
    expect(usage.code).toBe(2);
    expect(usage.err).toContain("missing --key");
  });
});
