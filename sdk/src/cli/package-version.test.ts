// `send-interchange --version`: the version of the package the CLI runs from, found the same way from the sources
// and from an installed package's dist/sdk/src/cli/.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { main } from "./main.ts";
import { packageVersion } from "./package-version.ts";

const SDK_VERSION = (
  JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as { version: string }
).version;
const dir = mkdtempSync(join(tmpdir(), "si-version-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("packageVersion", () => {
  it("from the sources: sdk/package.json's version", () => {
    expect(packageVersion()).toBe(SDK_VERSION);
  });

  it("from an installed layout: walks up past other package.json files to the one named send-interchange", () => {
    const cli = join(dir, "node_modules/send-interchange/dist/sdk/src/cli");
    mkdirSync(cli, { recursive: true });
    writeFileSync(join(dir, "package.json"), JSON.stringify({ name: "the-vendors-app", version: "9.9.9" }));
    writeFileSync(
      join(dir, "node_modules/send-interchange/package.json"),
      JSON.stringify({ name: "send-interchange", version: "3.1.4" }),
    );
    writeFileSync(join(dir, "node_modules/send-interchange/dist/sdk/package.json"), "not JSON");
    writeFileSync(join(cli, "package.json"), JSON.stringify({ name: "something-else", version: "0.0.1" }));
    expect(packageVersion(pathToFileURL(join(cli, "main.js")))).toBe("3.1.4");
  });

  it("says so when there is no such package.json up to the root", () => {
    expect(() => packageVersion(pathToFileURL(join(dir, "elsewhere", "main.js")))).toThrow(
      "cannot find the send-interchange package.json",
    );
  });
});

describe("send-interchange --version", () => {
  it("prints the version alone and exits 0", async () => {
    const out: string[] = [];
    const err: string[] = [];
    expect(await main(["--version"], { out: (l) => out.push(l), err: (l) => err.push(l) })).toBe(0);
    expect([out, err]).toEqual([[SDK_VERSION], []]);
  });
});
