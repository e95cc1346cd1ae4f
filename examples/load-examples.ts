// Reads the worked examples and counter-example cases from disk, for the example tests.
import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

export const EXAMPLES_DIR = fileURLToPath(new URL(".", import.meta.url));

export interface NamedJson {
  file: string;
  json: unknown;
}

function readDir(sub: string, keep: (file: string) => boolean): NamedJson[] {
  const dir = `${EXAMPLES_DIR}${sub}/`;
  return readdirSync(dir)
    .filter(keep)
    .sort()
    .map((file) => ({ file, json: JSON.parse(readFileSync(dir + file, "utf8")) as unknown }));
}

export const workedExamples = (): NamedJson[] => readDir("worked", (f) => f.endsWith(".json"));
export const counterCaseFiles = (): NamedJson[] => readDir("counter", (f) => /^\d{3}-[a-z0-9-]+\.json$/.test(f));
export const readJson = (path: string): unknown =>
  JSON.parse(readFileSync(`${EXAMPLES_DIR}${path}`, "utf8")) as unknown;
