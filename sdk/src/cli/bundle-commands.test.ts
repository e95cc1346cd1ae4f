// Spawns the real CLI: keys → pack → verify → unpack → receipt, tampered file, encryption, CTF, usage errors.
import { spawnSync } from "node:child_process";
import { chmodSync, mkdtempSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { canonicalJson } from "../bundle/canonical.ts";
import { verifyReceipt } from "../bundle/receipt.ts";

const BIN = new URL("../../bin/send-interchange.js", import.meta.url).pathname;
const ISP = new URL("../../../examples/worked/isp-nursery-targeted-slc.json", import.meta.url).pathname;
const CTF = (name: string) => new URL(`../../../examples/ctf/${name}.xml`, import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), "si-bundle-cli-"));
const at = (name: string) => join(dir, name);

function cli(...args: string[]): { code: number | null; out: string; err: string } {
  const result = spawnSync(process.execPath, [BIN, ...args], { encoding: "utf8", cwd: dir });
  return { code: result.status, out: result.stdout, err: result.stderr };
}

const SENDER = [
  "--sender-urn",
  "152984",
  "--sender-name",
  "Fenbrook Primary School and Nursery",
  "--sender-setting-type",
  "school-based-nursery",
];
const RECEIVER = ["--receiver-name", "Oakfield Primary School", "--receiver-setting-type", "mainstream-primary-school"];

describe("send-interchange bundle / keys", { timeout: 60_000 }, () => {
  it("generates keys, packs, verifies, unpacks and answers with a receipt", async () => {
    expect(cli("keys", "generate", "--out", "sender.jwk").code).toBe(0);
    expect(cli("keys", "generate", "--out", "receiver.jwk").code).toBe(0);
    expect(cli("keys", "generate", "--out", "receiver-enc.jwk", "--use", "enc").code).toBe(0);
    expect(cli("keys", "jwks", "sender.pub.jwk", "--out", "trusted.json").code).toBe(0);
    expect(JSON.parse(readFileSync(at("trusted.json"), "utf8")).keys[0]).not.toHaveProperty("d");

    const packed = cli(
      "bundle",
      "pack",
      ISP,
      ...SENDER,
      ...RECEIVER,
      "--reason",
      "phase-transition",
      "--purpose",
      "Move to reception",
      "--key",
      "sender.jwk",
      "--out",
      "b.jws",
    );
    expect(packed.code, packed.err).toBe(0);
    const verified = cli("bundle", "verify", "b.jws", "--jwks", "trusted.json");
    expect(verified.code, verified.out).toBe(0);
    expect(verified.out).toMatch(/OK bundle/);

    const unpacked = cli("bundle", "unpack", "b.jws", "--jwks", "trusted.json", "--out-dir", "out");
    expect(unpacked.code, unpacked.out).toBe(0);
    const original = JSON.parse(readFileSync(ISP, "utf8"));
    const written = JSON.parse(readFileSync(at(`out/isp-${original.id}.json`), "utf8"));
    expect(canonicalJson(written)).toBe(canonicalJson(original));

    const receipt = cli(
      "bundle",
      "receipt",
      "b.jws",
      "--jwks",
      "trusted.json",
      "--key",
      "receiver.jwk",
      "--decision",
      "accepted",
      "--out",
      "r.jws",
    );
    expect(receipt.code, receipt.err).toBe(0);
    const receiverPub = JSON.parse(readFileSync(at("receiver.pub.jwk"), "utf8"));
    const checked = await verifyReceipt(readFileSync(at("r.jws"), "utf8").trim(), {
      trustedKeys: { keys: [receiverPub] },
    });
    expect(checked.ok && checked.receipt.decision).toBe("accepted");

    const enc = cli(
      "bundle",
      "pack",
      ISP,
      ...SENDER,
      ...RECEIVER,
      "--reason",
      "phase-transition",
      "--purpose",
      "Move",
      "--key",
      "sender.jwk",
      "--out",
      "e.jwe",
      "--encrypt-to",
      "receiver-enc.pub.jwk",
    );
    expect(enc.code, enc.err).toBe(0);
    expect(cli("bundle", "verify", "e.jwe", "--jwks", "trusted.json").out).toContain("bundle.encrypted-no-key");
    expect(cli("bundle", "verify", "e.jwe", "--jwks", "trusted.json", "--decrypt-key", "receiver-enc.jwk").code).toBe(
      0,
    );
  });

  it("rejects a tampered file with exit 1 and a reason, and refuses to accept it", () => {
    const text = readFileSync(at("b.jws"), "utf8").trim();
    const [h, p, s] = text.split(".") as [string, string, string];
    const payload = JSON.parse(Buffer.from(p, "base64url").toString("utf8"));
    payload.manifest.reason = "in-year-move";
    writeFileSync(at("t.jws"), `${h}.${Buffer.from(canonicalJson(payload)).toString("base64url")}.${s}`);
    const result = cli("bundle", "verify", "t.jws", "--jwks", "trusted.json");
    expect(result.code).toBe(1);
    expect(result.out).toContain("bundle.bad-signature");
    expect(
      cli(
        "bundle",
        "receipt",
        "t.jws",
        "--jwks",
        "trusted.json",
        "--key",
        "receiver.jwk",
        "--decision",
        "accepted",
        "--out",
        "x.jws",
      ).code,
    ).toBe(1);
    expect(
      cli(
        "bundle",
        "receipt",
        "t.jws",
        "--jwks",
        "trusted.json",
        "--key",
        "receiver.jwk",
        "--decision",
        "rejected",
        "--out",
        "x.jws",
      ).code,
    ).toBe(0);
  });

  it.each([
    [["bundle"], 2],
    [["bundle", "frobnicate"], 2],
    [["bundle", "verify"], 2],
    [["bundle", "verify", "b.jws"], 2],
    [["bundle", "verify", "missing.jws", "--jwks", "trusted.json"], 2],
    [
      [
        "bundle",
        "pack",
        ISP,
        "--unknown-destination",
        "--reason",
        "in-year-move",
        "--purpose",
        "x",
        "--key",
        "sender.jwk",
        "--out",
        "y.jws",
      ],
      2,
    ],
    [
      [
        "bundle",
        "pack",
        ISP,
        ...SENDER,
        "--unknown-destination",
        "--reason",
        "not-a-reason",
        "--purpose",
        "x",
        "--key",
        "sender.jwk",
        "--out",
        "y.jws",
      ],
      1,
    ],
    [["keys", "generate", "--out", "k.jwk", "--use", "both"], 2],
  ])("%j exits %i", (args, code) => {
    const result = cli(...(args as string[]));
    expect(result.code).toBe(code);
    expect(result.err).not.toMatch(/\n\s+at /); // a message, never a stack trace
  });
});

describe("send-interchange keys generate: private key files", { timeout: 60_000 }, () => {
  const mode = (name: string) => statSync(at(name)).mode & 0o777;
  it("writes the private key 0600 (even under a permissive umask) and the public key beside it", () => {
    const result = spawnSync(
      "sh",
      ["-c", `umask 000 && exec "${process.execPath}" "${BIN}" keys generate --out owner-only.jwk`],
      { encoding: "utf8", cwd: dir },
    );
    expect(result.status, result.stderr).toBe(0);
    expect(mode("owner-only.jwk")).toBe(0o600);
    expect(JSON.parse(readFileSync(at("owner-only.jwk"), "utf8"))).toHaveProperty("d");
    expect(JSON.parse(readFileSync(at("owner-only.pub.jwk"), "utf8"))).not.toHaveProperty("d");
  });
  it("refuses to overwrite an existing key (or its public file) without --force, changing nothing", () => {
    expect(cli("keys", "generate", "--out", "kept.jwk").code).toBe(0);
    const before = readFileSync(at("kept.jwk"), "utf8");
    const again = cli("keys", "generate", "--out", "kept.jwk");
    expect(again.code).toBe(1);
    expect(again.err).toMatch(/kept\.jwk and kept\.pub\.jwk already exist; refusing to overwrite a key \(use --force/);
    expect(again.err).not.toMatch(/\n\s+at /);
    expect(readFileSync(at("kept.jwk"), "utf8")).toBe(before);
    writeFileSync(at("only-public.pub.jwk"), "{}");
    expect(cli("keys", "generate", "--out", "only-public.jwk").code).toBe(1);
  });
  it("--force replaces the key with a new 0600 file, even over a world-readable one", () => {
    expect(cli("keys", "generate", "--out", "replaced.jwk").code).toBe(0);
    const before = readFileSync(at("replaced.jwk"), "utf8");
    chmodSync(at("replaced.jwk"), 0o644);
    const forced = cli("keys", "generate", "--out", "replaced.jwk", "--force");
    expect(forced.code, forced.err).toBe(0);
    expect(readFileSync(at("replaced.jwk"), "utf8")).not.toBe(before);
    expect(mode("replaced.jwk")).toBe(0o600);
  });
});

describe("send-interchange ctf", { timeout: 60_000 }, () => {
  it("imports a fixture, exports the current status, and reports errors with exit 1", () => {
    const imported = cli("ctf", "import", CTF("pupil-sen-support-to-ehcp"), "--json");
    expect(imported.code).toBe(0);
    const records = JSON.parse(imported.out).pupils[0].classifications;
    writeFileSync(at("records.json"), JSON.stringify(records));
    const exported = cli("ctf", "export", "records.json", "--as-of", "2031-06-01");
    expect(exported.code, exported.err).toBe(0);
    expect(exported.out).toContain("<SENtype>SLCN</SENtype>");
    const bad = cli("ctf", "import", CTF("unknown-type-and-rank"));
    expect(bad.code).toBe(1);
    expect(bad.out).toContain("ctf.rank-out-of-range");
    expect(cli("ctf", "import", CTF("malformed")).code).toBe(1);
  });
});
