// Reasons for the identifiers that are plain runs of digits (LA code, LAESTAB, UKPRN, and the shape of ULN/NHS).

/**
 * Why `s` is not exactly `length` digits, or undefined when it is. `label` names the identifier in the message.
 */
export function explainDigitShape(s: string, label: string, length: number): string | undefined {
  if (s.length === 0) return `${label} is empty; it must be ${length} digits.`;
  const nonDigit = [...s].findIndex((ch) => ch < "0" || ch > "9");
  if (nonDigit >= 0) {
    return `${label} must contain digits only; character ${nonDigit + 1} is ${JSON.stringify(s[nonDigit])}.`;
  }
  if (s.length !== length) return `${label} must be ${length} digits; got ${s.length}.`;
  return undefined;
}
