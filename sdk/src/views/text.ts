// Plain-language helpers shared by every view: dates as people write them, codes as their family display text, names
// and frequencies in words. Pure; never throw on odd input (a view of a valid document must always render).
import { getCode } from "../vocab/index.ts";

const MONTHS = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];

/** "2027-03-03" or "2027-03-03T10:00:00Z" → "3 March 2027"; anything else → undefined. */
export function formatDate(value: unknown): string | undefined {
  if (typeof value !== "string") return undefined;
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(value);
  if (!m) return undefined;
  const month = MONTHS[Number(m[2]) - 1];
  return month ? `${Number(m[3])} ${month} ${m[1]}` : undefined;
}

/** The family display text of a code: `familyLabel` where the code list has one, else `label`. */
export function codeText(listId: string, code: unknown): string | undefined {
  if (typeof code !== "string") return undefined;
  const entry = getCode(listId, code) as { label?: string; familyLabel?: string } | undefined;
  // A code the list does not know is shown as words, never as a code.
  return entry?.familyLabel ?? entry?.label ?? code.replace(/[-_.]+/g, " ");
}

/** The same, starting lower case, for use inside a sentence (keeps acronyms such as SENCO). */
export function codeTextInSentence(listId: string, code: unknown): string | undefined {
  const text = codeText(listId, code);
  if (!text) return undefined;
  return /^[A-Z][a-z]/.test(text) ? text[0]!.toLowerCase() + text.slice(1) : text;
}

export type Obj = Record<string, unknown>;
export const isObj = (v: unknown): v is Obj => v !== null && typeof v === "object" && !Array.isArray(v);
export const str = (v: unknown): string | undefined => (typeof v === "string" && v.trim() !== "" ? v : undefined);
export const num = (v: unknown): number | undefined => (typeof v === "number" && Number.isFinite(v) ? v : undefined);
export const arr = (v: unknown): Obj[] => (Array.isArray(v) ? v.filter(isObj) : []);
export const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x) => typeof x === "string") : []);

/** "Mollie Grace Brennan" → the name people use: preferred name, else given name. */
export function firstName(child: unknown): string {
  if (!isObj(child)) return "the child";
  const legal = isObj(child.legalName) ? child.legalName : {};
  return str(child.preferredName) ?? str(legal.given) ?? "the child";
}

export function fullName(name: unknown): string | undefined {
  if (!isObj(name)) return undefined;
  const parts = [str(name.given), str(name.family)].filter(Boolean);
  return parts.length > 0 ? parts.join(" ") : undefined;
}

/** "Mollie" → "Mollie's"; "James" → "James's" (the form most UK style guides use). */
export function possessive(name: string): string {
  return `${name}'s`;
}

/** Age in whole years on a date (both YYYY-MM-DD). */
export function ageOn(dateOfBirth: unknown, on: string): number | undefined {
  const b = typeof dateOfBirth === "string" ? /^(\d{4})-(\d{2})-(\d{2})/.exec(dateOfBirth) : null;
  const t = /^(\d{4})-(\d{2})-(\d{2})/.exec(on);
  if (!b || !t) return undefined;
  let age = Number(t[1]) - Number(b[1]);
  if (Number(t[2]) * 100 + Number(t[3]) < Number(b[2]) * 100 + Number(b[3])) age -= 1;
  return age;
}

const PER: Record<string, string> = {
  day: "a day",
  week: "a week",
  fortnight: "a fortnight",
  month: "a month",
  "half-term": "each half term",
  term: "a term",
  "academic-year": "a school year",
};

function times(count: number): string {
  if (count === 1) return "once";
  if (count === 2) return "twice";
  return `${count} times`;
}

/** { count: 3, per: "week" } → "3 times a week"; once / as needed in words. */
export function frequencyText(frequency: unknown): string | undefined {
  if (!isObj(frequency)) return undefined;
  const per = str(frequency.per);
  const count = num(frequency.count) ?? 1;
  if (per === "once") return "once";
  if (per === "as-needed") return "when needed";
  if (!per) return undefined;
  return `${times(count)} ${PER[per] ?? codeTextInSentence("frequency-units", per)}`;
}

/** 20 → "20 minutes"; 90 → "1 hour 30 minutes"; 120 → "2 hours". */
export function minutesText(minutes: unknown): string | undefined {
  const m = num(minutes);
  if (m === undefined || m <= 0) return undefined;
  const h = Math.floor(m / 60);
  const r = m % 60;
  const hours = h === 0 ? "" : h === 1 ? "1 hour" : `${h} hours`;
  const mins = r === 0 ? "" : r === 1 ? "1 minute" : `${r} minutes`;
  return [hours, mins].filter(Boolean).join(" ");
}

/** "how often, for how long" in one phrase: "3 times a week, 20 minutes each time". */
export function scheduleText(frequency: unknown, sessionLengthMinutes: unknown): string | undefined {
  const f = frequencyText(frequency);
  const l = minutesText(sessionLengthMinutes);
  if (f && l) return `${f}, ${l} each time`;
  return f ?? (l ? `${l} each time` : undefined);
}

/** Group size in words: 1 → "on their own with an adult"; n → "in a group of n". */
export function groupText(groupSize: unknown, name: string): string | undefined {
  const n = num(groupSize);
  if (n === undefined) return undefined;
  if (n === 1) return `${name} on their own with an adult`;
  return n >= 20 ? "the whole class" : `a group of ${n}`;
}

/** A date range in words. */
export function periodText(period: unknown): string | undefined {
  if (!isObj(period)) return undefined;
  const start = formatDate(period.start);
  const end = formatDate(period.end);
  if (start && end) return `from ${start} to ${end}`;
  if (start) return `from ${start}`;
  if (end) return `until ${end}`;
  return undefined;
}

/** Upper-cases the first letter of a phrase. */
export function capitalise(text: string): string {
  return text.length > 0 ? text[0]!.toUpperCase() + text.slice(1) : text;
}

/** "a, b and c". */
export function listText(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? "";
  return `${items.slice(0, -1).join(", ")} and ${items.at(-1)}`;
}
