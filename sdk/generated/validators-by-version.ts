/* generated from schemas/ by npm run generate — do not edit */
// schemaVersion → the precompiled validators of that version (current: the working copy; others: their release).
import type { StandaloneValidator } from "./validators.js";
import { validators as v1_0 } from "./validators.js";
import { validators as v2_0 } from "./validators-2.0.js";

export const VALIDATORS_BY_VERSION: Readonly<Record<string, Readonly<Record<string, StandaloneValidator>>>> = {
  "1.0": v1_0,
  "2.0": v2_0,
};
