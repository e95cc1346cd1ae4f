// Where formats-runtime.js lives on disk, for generating standalone validators (Node only: the generator and tests;
// not exported from the identifiers entry, which must run in browsers).
import path from "node:path";
import { fileURLToPath } from "node:url";

/** Absolute path of the ESM module holding every format function (ours plus ajv-formats' fullFormats). */
export const SEND_FORMATS_MODULE_PATH = fileURLToPath(new URL("./formats-runtime.js", import.meta.url));

/**
 * The import specifier of formats-runtime.js as seen from a module in `fromDir`, e.g.
 * `../src/identifiers/formats-runtime.js` from `sdk/generated`. Generated files use this relative form so they do
 * not embed the absolute path of one machine's checkout.
 */
export function relativeFormatsModulePath(fromDir: string): string {
  const rel = path.relative(fromDir, SEND_FORMATS_MODULE_PATH).split(path.sep).join("/");
  return rel.startsWith(".") ? rel : `./${rel}`;
}
