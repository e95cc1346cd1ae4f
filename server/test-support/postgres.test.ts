// The cluster helper must fail loudly (not skip) when PostgreSQL is missing, and find Debian's layout when present.
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { findPostgresBinDir } from "./postgres.ts";

const root = mkdtempSync(join(tmpdir(), "send-pgbin-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function fakeBinDir(dir: string): string {
  mkdirSync(dir, { recursive: true });
  for (const tool of ["initdb", "pg_ctl"]) {
    writeFileSync(join(dir, tool), "#!/bin/sh\n");
    chmodSync(join(dir, tool), 0o755);
  }
  return dir;
}

describe("findPostgresBinDir", () => {
  it("throws an install hint when neither PATH nor /usr/lib/postgresql has the binaries", () => {
    expect(() => findPostgresBinDir(join(root, "empty"), join(root, "no-such-root"))).toThrow(
      /apt-get install -y postgresql/,
    );
  });

  it("prefers PATH", () => {
    const onPath = fakeBinDir(join(root, "path-bin"));
    fakeBinDir(join(root, "debian1", "16", "bin"));
    expect(findPostgresBinDir(onPath, join(root, "debian1"))).toBe(onPath);
  });

  it("falls back to the newest Debian version directory (numerically, so 16 beats 9)", () => {
    fakeBinDir(join(root, "debian2", "9", "bin"));
    const newest = fakeBinDir(join(root, "debian2", "16", "bin"));
    expect(findPostgresBinDir("", join(root, "debian2"))).toBe(newest);
  });
});
