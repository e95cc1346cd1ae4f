// Calendar arithmetic on ISO dates (YYYY-MM-DD) for rules. UTC throughout so results never depend on the machine.

/** The calendar date of a date or date-time string, or undefined when it is not one. */
export function isoDate(value: unknown): string | undefined {
  if (typeof value !== "string") return undefined;
  const day = value.slice(0, 10);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return undefined;
  const [y, m, d] = day.split("-").map(Number) as [number, number, number];
  if (m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) return undefined;
  return day;
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
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
