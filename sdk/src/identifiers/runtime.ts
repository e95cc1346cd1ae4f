// Loads formats-runtime.cjs (the single implementation of the check algorithms) through Node's own require, so
// tsx, vitest and plain Node all get the same CommonJS module object.
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);

export const runtime = require("./formats-runtime.cjs") as typeof import("./formats-runtime.cjs");
