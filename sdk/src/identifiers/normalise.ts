// Input clean-up shared by the identifier modules: people type identifiers with spaces, hyphens and lower case.

/** Trims, upper-cases and removes spaces and hyphens ("943 476 5919" → "9434765919", "p207-000..." → "P207000..."). */
export function stripSeparators(s: string): string {
  return s
    .trim()
    .toUpperCase()
    .replace(/[\s-]+/g, "");
}
