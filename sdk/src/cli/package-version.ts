// The installed package's version for `--version`, read from the nearest package.json named send-interchange above
// this module: the same walk finds sdk/package.json from the sources and the package root from dist/sdk/src/cli/.
import { readFileSync } from "node:fs";

export function packageVersion(from: string | URL = import.meta.url): string {
  for (let dir = new URL(".", from); ; dir = new URL("..", dir)) {
    try {
      const pkg = JSON.parse(readFileSync(new URL("package.json", dir), "utf8")) as {
        name?: unknown;
        version?: unknown;
      };
      if (pkg.name === "send-interchange" && typeof pkg.version === "string") return pkg.version;
    } catch {
      // No (readable) package.json here: keep walking up.
    }
    if (new URL("..", dir).href === dir.href) throw new Error("cannot find the send-interchange package.json");
  }
}
