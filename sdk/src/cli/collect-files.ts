// Which files a `validate <path>` covers: the file itself, or every *.json under a directory (sorted, recursive).
import { readdirSync, statSync } from "node:fs";
import { join } from "node:path";

export function collectJsonFiles(path: string): string[] {
  const stat = statSync(path);
  if (!stat.isDirectory()) return [path];
  return readdirSync(path, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith(".json"))
    .map((e) => join(e.parentPath, e.name))
    .sort();
}
