// The one wording of the "generated — do not edit" header, so every output says the same thing.
export const GENERATED_NOTICE = "generated from schemas/ by npm run generate — do not edit";

export const tsHeader = `/* ${GENERATED_NOTICE} */`;
export const mdHeader = `<!-- ${GENERATED_NOTICE} -->`;

/** Every generated text file ends with exactly one newline. */
export function withTrailingNewline(text: string): string {
  return `${text.replace(/\s+$/u, "")}\n`;
}
