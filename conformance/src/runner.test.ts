import { describe, expect, it } from "vitest";
import { CheckFailure, type TestDef } from "./model.ts";
import { parseConfig, type SuiteConfig } from "./config.ts";
import { missingCredentials, runTests, skipReason } from "./runner.ts";

function config(over: Partial<SuiteConfig["capabilities"]> = {}): SuiteConfig {
  return parseConfig(
    {
      baseUrl: "http://127.0.0.1:9",
      tenants: [
        {
          name: "A",
          setting: { urn: "152984", laCode: "873", laestab: "8733012", name: "A" },
          credentials: { "setting-staff": { token: "t" } },
        },
        { name: "B", setting: { urn: "121350", laCode: "926", laestab: "9262417", name: "B" }, credentials: {} },
      ],
      capabilities: { profiles: ["api-core"], resources: ["isp"], features: [], ...over },
    },
    "/",
  );
}

const test = (id: string, over: Partial<TestDef> = {}): TestDef => ({
  id,
  title: id,
  level: "MUST",
  requirements: ["SI-API-001"],
  profile: "api-core",
  async run() {},
  ...over,
});

describe("runner", () => {
  it("turns check failures, exceptions and caveats into outcomes", async () => {
    const tests = [
      test("send.t.pass"),
      test("send.t.fail", {
        run: async () => {
          throw new CheckFailure("nope");
        },
      }),
      test("send.t.should", {
        level: "SHOULD",
        run: async () => {
          throw new CheckFailure("meh");
        },
      }),
      test("send.t.error", {
        run: async () => {
          throw new TypeError("boom");
        },
      }),
      test("send.t.warn", { run: async (ctx) => ctx.warn("careful") }),
      test("send.t.skip", { capabilities: ["resource:ehcp"] }),
    ];
    const results = await runTests(tests, config(), { profiles: ["api-core"] });
    expect(results.map((r) => [r.id, r.outcome])).toEqual([
      ["send.t.pass", "pass"],
      ["send.t.fail", "fail"],
      ["send.t.should", "warning"],
      ["send.t.error", "error"],
      ["send.t.warn", "warning"],
      ["send.t.skip", "skip"],
    ]);
    expect(results[5]!.message).toMatch(/resource "ehcp" is not declared/);
    expect(results[3]!.message).toMatch(/boom/);
  });

  it("skips only for an undeclared capability or profile, always with a reason", () => {
    const cfg = config();
    expect(skipReason(test("send.t.a"), cfg)).toBeUndefined();
    expect(skipReason(test("send.t.b", { capabilities: ["audit"] }), cfg)).toMatch(/feature "audit"/);
    expect(skipReason(test("send.t.c", { profile: "security" }), cfg)).toMatch(/profile "security"/);
    expect(skipReason(test("send.t.d", { capabilities: ["audit"] }), config({ features: ["audit"] }))).toBeUndefined();
  });

  it("refuses to run when a runnable test needs a credential the config lacks", async () => {
    const needs = test("send.t.needs", { roles: [{ tenant: 1, role: "auditor" }] });
    expect(missingCredentials([needs], config())).toEqual([
      `tenants[1].credentials["auditor"] (needed by send.t.needs)`,
    ]);
    await expect(runTests([needs], config(), { profiles: ["api-core"] })).rejects.toThrow(/missing credential/);
    // A skipped test needs no credential.
    const skipped = test("send.t.skipped", { roles: [{ tenant: 1, role: "auditor" }], capabilities: ["audit"] });
    const results = await runTests([skipped], config(), { profiles: ["api-core"] });
    expect(results[0]!.outcome).toBe("skip");
  });

  it("rejects a config with one tenant", () => {
    expect(() =>
      parseConfig({ baseUrl: "http://x", tenants: [], capabilities: { profiles: [], resources: [] } }, "/"),
    ).toThrow(/minItems|fewer than 2/);
  });
});

describe("runner: transfer profiles", () => {
  it("skips a test whose other profile is undeclared, and keeps attached data", async () => {
    const both = test("send.transfer-sender.x", { profile: "transfer-sender", alsoProfiles: ["transfer-receiver"] });
    expect(skipReason(both, config({ profiles: ["transfer-sender"] }))).toMatch(/transfer-receiver/);
    expect(skipReason(both, config({ profiles: ["transfer-sender", "transfer-receiver"] }))).toBeUndefined();
    const attaching = test("send.t.data", { run: async (ctx) => ctx.attach("fidelity", { overall: { score: 1 } }) });
    const [r] = await runTests([attaching], config(), { profiles: ["api-core"] });
    expect(r!.data).toEqual({ fidelity: { overall: { score: 1 } } });
  });
});
