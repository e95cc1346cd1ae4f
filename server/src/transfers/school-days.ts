// When a received transfer is due to be integrated: GP2GP falls back when a record is not integrated within 8 days;
// here the count is school days (Monday to Friday, less the non-school dates a deployment lists), on the calendar
// of England (Europe/London), not counting the day of receipt. Pure.

const LONDON = new Intl.DateTimeFormat("en-CA", {
  timeZone: "Europe/London",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
});

/** The calendar date (YYYY-MM-DD) of an instant in England. */
export const londonDate = (at: Date): string => LONDON.format(at);

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The date `days` school days after the day of `receivedAt`; non-school dates are skipped like weekends. */
export function dueDate(receivedAt: Date, days: number, nonSchoolDates: readonly string[] = []): string {
  if (!Number.isInteger(days) || days < 0) throw new RangeError(`days must be a whole number ≥ 0, not ${days}`);
  const skip = new Set(nonSchoolDates);
  // Walk whole UTC days from the London date of receipt: the date string is what matters, not the instant.
  const d = new Date(`${londonDate(receivedAt)}T12:00:00Z`);
  let left = days;
  while (left > 0) {
    d.setUTCDate(d.getUTCDate() + 1);
    const weekday = d.getUTCDay();
    if (weekday === 0 || weekday === 6) continue;
    if (skip.has(d.toISOString().slice(0, 10))) continue;
    left--;
  }
  return d.toISOString().slice(0, 10);
}

/** Whether a transfer received at `receivedAt` and not yet integrated is overdue at `now` (past its due date). */
export function integrationOverdue(
  receivedAt: Date,
  now: Date,
  days: number,
  nonSchoolDates: readonly string[] = [],
): boolean {
  return londonDate(now) > dueDate(receivedAt, days, nonSchoolDates);
}

/** Non-school dates from config: ISO dates only; anything else is refused at start, not silently ignored. */
export function parseNonSchoolDates(values: readonly unknown[]): string[] {
  return values.map((v) => {
    if (typeof v !== "string" || !ISO_DATE.test(v) || Number.isNaN(Date.parse(`${v}T00:00:00Z`)))
      throw new Error(`non-school date ${JSON.stringify(v)} is not a YYYY-MM-DD date`);
    return v;
  });
}
