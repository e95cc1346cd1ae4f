// maxLength / minLength with ajv's exact semantics (length in Unicode code points, via ajv's own ucs2length) but
// without counting when the UTF-16 length already decides: code points ≤ UTF-16 units ≤ 2 × code points. Counting
// every text field's code points was a measurable share of validating a document; most strings are far from limits.
// Same keyword names, error params ({limit}) and messages as ajv's built-in limitLength, and the same place in
// ajv's evaluation order (before `pattern`), so error output is unchanged.
import { _, str, operators, type Code } from "ajv/dist/compile/codegen/index.js";
import { useFunc } from "ajv/dist/compile/util.js";
import ucs2lengthModule from "ajv/dist/runtime/ucs2length.js";
import type { CodeKeywordDefinition, KeywordCxt, KeywordErrorDefinition } from "ajv";

// ajv's runtime helper is CommonJS with `exports.default` (and a `.code` property telling standalone code how to
// require it); under NodeNext the default import is the module object.
type Ucs2length = ((s: string) => number) & { code: string };
const ucs2length: Ucs2length =
  (ucs2lengthModule as unknown as { default?: Ucs2length }).default ?? (ucs2lengthModule as unknown as Ucs2length);

const error: KeywordErrorDefinition = {
  message: ({ keyword, schemaCode }) =>
    str`must NOT have ${keyword === "maxLength" ? "more" : "fewer"} than ${schemaCode} characters`,
  params: ({ schemaCode }) => _`{limit: ${schemaCode}}`,
};

export const stringLengthKeywords: CodeKeywordDefinition = {
  keyword: ["maxLength", "minLength"],
  type: "string",
  schemaType: "number",
  before: "pattern",
  error,
  code(cxt: KeywordCxt) {
    const { keyword, data, schemaCode } = cxt;
    const count: Code = _`${useFunc(cxt.gen, ucs2length)}(${data})`;
    // maxLength fails only if even the code-point count exceeds it; minLength can fail only below 2 × limit units.
    const fails =
      keyword === "maxLength"
        ? _`${data}.length ${operators.GT} ${schemaCode} && ${count} ${operators.GT} ${schemaCode}`
        : _`${data}.length ${operators.LT} ${schemaCode} || (${data}.length ${operators.LT} 2 * ${schemaCode} && ${count} ${operators.LT} ${schemaCode})`;
    cxt.fail(fails);
  },
};

/** Swaps ajv's built-in maxLength/minLength for the equivalent definitions above. */
export function useFastStringLengths(ajv: {
  removeKeyword(keyword: string): unknown;
  addKeyword(definition: CodeKeywordDefinition): unknown;
}): void {
  ajv.removeKeyword("maxLength");
  ajv.removeKeyword("minLength");
  ajv.addKeyword(stringLengthKeywords);
}
