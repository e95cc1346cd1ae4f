// Calendar arithmetic on ISO dates (YYYY-MM-DD) for rules. UTC throughout so results never depend on the machine.

/** Value of the two ASCII digits at `i` in `s`, or -1 when either is not a digit. */
function twoDigits(s: string, i: number): number {
  const a = s.charCodeAt(i) - 48;
  const b = s.charCodeAt(i + 1) - 48;
  return a >= 0 && a <= 9 && b >= 0 && b <= 9 ? a * 10 + b : -1;
}

/** The calendar date of a date or date-time string, or undefined when it is not one. */
export function isoDate(value: unknown): string | undefined {
  // Character checks rather than a regex and a split: rules call this for every dated node of every document.
  if (typeof value !== "string" || value.length < 10) return undefined;
  if (value.charCodeAt(4) !== 45 || value.charCodeAt(7) !== 45) return undefined; // "-"
  const hi = twoDigits(value, 0);
  const lo = twoDigits(value, 2);
  const m = twoDigits(value, 5);
  const d = twoDigits(value, 8);
  if (hi < 0 || lo < 0 || m < 1 || m > 12 || d < 1 || d > daysInMonth(hi * 100 + lo, m)) return undefined;
  return value.length === 10 ? value : value.slice(0, 10);
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function daysInMonth(year: number, month: number): number {
  if (month !== 2) return DAYS_IN_MONTH[month - 1] as number;
  // Years 0-99 count as 1900-1999, as Date.UTC (used here before) read them, so results are unchanged.
  const y = year <= 99 ? year + 1900 : year;
  return y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : 28;
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, "0");
}

/**
 * `date` plus `months` calendar months; the day is clamped to the month's end, so 2024-02-29 + 12 months is
 * 2025-02-28 (a review due "within 12 months" never slips into the next month).
 */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) + months;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  return `${pad(year, 4)}-${pad(month)}-${pad(Math.min(d, daysInMonth(year, month)))}`;
}

/** Whole years of age on `on` for someone born on `dateOfBirth` (a 29 February birthday counts from 1 March). */
export function ageOn(dateOfBirth: string, on: string): number {
  const [by, bm, bd] = dateOfBirth.split("-").map(Number) as [number, number, number];
  const [y, m, d] = on.split("-").map(Number) as [number, number, number];
  let age = y - by;
  if (m < bm || (m === bm && d < bd)) age -= 1;
  return age;
}

/** The latest of the given dates (ignoring non-dates), or undefined. */
export function latest(values: readonly unknown[]): string | undefined {
  let best: string | undefined;
  for (const v of values) {
    const d = isoDate(v);
    if (d !== undefined && (best === undefined || d > best)) best = d;
  }
  return best;
}

/** The earliest of the given dates (ignoring non-dates), or undefined. */
export function earliest(values: readonly unknown[]): string | undefined {
  let best: string | undefined;
  for (const v of values) {
    const d = isoDate(v);
    if (d !== undefined && (best === undefined || d < best)) best = d;
  }
  return best;
}
