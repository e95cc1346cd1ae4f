// The fault wrappers stay out of production: no module under server/src imports this folder or knows a fault id, no
// production module reads a fault switch from the environment, main.ts passes no decorators, and main.ts started with
// every plausible switch set behaves correctly. The catalogue itself: stable ids, locked catching tests, a predicted
// message per fault, and one fault per search filter the spec offers.
import { describe, expect, it } from "vitest";
import { spawn } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { loadOrCreateDevSigner } from "../../src/auth/dev-signer.ts";
import { FAULT_CATALOGUE, FAULT_IDS, SEARCH_FILTERS, faultyApp } from "./faulty-app.ts";
import { openStore } from "../../src/storage/open-store.ts";

const ROOT = fileURLToPath(new URL("../../../", import.meta.url));
const SRC = fileURLToPath(new URL("../../src/", import.meta.url));

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    if (statSync(p).isDirectory()) return sources(p);
    return p.endsWith(".ts") && !p.endsWith(".test.ts") && !p.endsWith(".cases.ts") ? [p] : [];
  });
}

const withoutComments = (text: string) => text.replace(/\/\*[\s\S]*?\*\//g, "").replace(/(^|[^:])\/\/.*$/gm, "$1");

describe("fault catalogue", () => {
  it("has stable kebab-case ids, a description, a predicted message and locked catching tests", () => {
    const lock = JSON.parse(readFileSync(join(ROOT, "conformance/ids.lock"), "utf8")) as { active: string[] };
    expect(FAULT_CATALOGUE.length).toBeGreaterThanOrEqual(20);
    expect(new Set(FAULT_IDS).size).toBe(FAULT_IDS.length);
    for (const f of FAULT_CATALOGUE) {
      expect(f.id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)+$/);
      expect(f.description.length).toBeGreaterThan(10);
      expect(f.caughtBy.length).toBeGreaterThan(0);
      expect(f.expect.source.length, `${f.id} predicts no message`).toBeGreaterThan(2);
      for (const t of f.caughtBy) expect(lock.active, `${f.id} → ${t}`).toContain(t);
    }
  });
  it("has one ignored-filter fault for each search filter the spec offers", () => {
    expect(SEARCH_FILTERS).toEqual(expect.arrayContaining(["upn", "childId", "status", "layer", "reviewDueBefore"]));
    for (const name of SEARCH_FILTERS)
      expect(FAULT_CATALOGUE.some((f) => f.description === `The ${name} search filter is silently ignored.`)).toBe(
        true,
      );
  });
  it("refuses a faulty app outside NODE_ENV=test and an unknown id", async () => {
    const store = await openStore();
    try {
      const keys = { mode: "dev" } as never;
      for (const NODE_ENV of [undefined, "production", "development", ""])
        expect(() => faultyApp({ store, keys }, "weak-etag-on-read", { NODE_ENV })).toThrow(/NODE_ENV=test/);
      expect(() => faultyApp({ store, keys }, "no-such-fault", { NODE_ENV: "test" })).toThrow(/unknown fault/);
    } finally {
      await store.close();
    }
  });
});

describe("faults stay out of production code", () => {
  it("no production module imports test-support, names a fault or reads a fault switch", () => {
    const offenders = sources(SRC)
      .filter((f) => {
        const text = withoutComments(readFileSync(f, "utf8"));
        return (
          /test-support/.test(text) ||
          /\bhasFault|transferFault|requestHasFault\b/.test(text) ||
          FAULT_IDS.some((id) => text.includes(`"${id}"`))
        );
      })
      .map((f) => relative(SRC, f));
    expect(offenders).toEqual([]);
    const envReaders = sources(SRC)
      .filter((f) =>
        withoutComments(readFileSync(f, "utf8"))
          .split("\n")
          .some((line) => /process\.env|process\.argv/.test(line) && /fault/i.test(line.replace(/default/gi, ""))),
      )
      .map((f) => relative(SRC, f));
    expect(envReaders).toEqual([]);
    const main = withoutComments(readFileSync(join(SRC, "main.ts"), "utf8"));
    expect(main).not.toMatch(/\bfaults?\b|decorate/i);
  });

  it("main.ts started with every plausible switch set behaves correctly", async () => {
    const dataDir = mkdtempSync(join(tmpdir(), "faults-main-"));
    const all = FAULT_IDS.join(",");
    const child = spawn(process.execPath, ["--import", "tsx", "server/src/main.ts"], {
      cwd: ROOT,
      env: {
        ...process.env,
        DATA_DIR: dataDir,
        PORT: "0",
        HOST: "127.0.0.1",
        NODE_ENV: "test",
        SEND_ENABLE_FAULTS_FOR_TESTING: "1",
        SEND_FAULTS: all,
        FAULTS: all,
        FAULT: all,
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    try {
      const url = await new Promise<string>((resolve, reject) => {
        let out = "";
        const timer = setTimeout(() => reject(new Error(`server did not start:\n${out}`)), 110_000);
        child.stdout!.on("data", (b: Buffer) => {
          out += b.toString();
          const m = /"msg":"listening"[^\n]*"url":"http:\/\/[^:]+:(\d+)"/.exec(out);
          if (m) {
            clearTimeout(timer);
            resolve(`http://127.0.0.1:${m[1]}`);
          }
        });
        child.on("exit", (code) => reject(new Error(`server exited with ${code}:\n${out}`)));
      });
      const signer = await loadOrCreateDevSigner(dataDir);
      const staff = await signer.sign({ sub: "faults-test", send_role: "setting-staff", setting_urn: "152984" });
      const noToken = await fetch(`${url}/isps`);
      expect(noToken.status).toBe(401); // missing-token-gives-403 would say 403
      expect(noToken.headers.get("www-authenticate")).toMatch(/^Bearer/);
      expect(noToken.headers.get("content-type")).toMatch(/^application\/problem\+json/); // errors-as-plain-text
      expect(noToken.headers.get("x-correlation-id")).toBeTruthy(); // correlation-id-not-echoed
      const put = await fetch(`${url}/isps/${crypto.randomUUID()}`, {
        method: "PUT",
        headers: { authorization: `Bearer ${staff}`, "content-type": "application/json", "change-reason": "test" },
        body: "{}",
      });
      expect(put.status).toBe(428); // update-without-if-match-accepted would go on to 404/422
      const tampered = staff.slice(0, -4) + (staff.endsWith("AAAA") ? "BBBB" : "AAAA");
      expect((await fetch(`${url}/isps`, { headers: { authorization: `Bearer ${tampered}` } })).status).toBe(401); // bad-signature-accepted
      expect((await fetch(`${url}/readyz`)).status).toBe(200); // readiness-never-ready
    } finally {
      const exited = new Promise((r) => child.once("exit", r));
      child.kill("SIGTERM");
      await exited;
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 150_000);
});
