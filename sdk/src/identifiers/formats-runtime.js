// The ONE implementation of the SEND identifier check algorithms (UPN, ULN, NHS number) and identifier shapes
// (URN, UKPRN, LA code, LAESTAB). Sources and worked examples: uk-send-data.md §4; each *.ts wrapper summarises its own.
//
// Plain JavaScript (ESM) on purpose: the generated validators (sdk/generated/validators.js) import it as it is,
// in Node and in browser bundles, and the TypeScript wrappers (upn.ts, uln.ts, ...) import the same module through
// runtime.ts; types are in formats-runtime.d.ts. ajv standalone code reaches every format through ONE module
// (`code.formats`), so `formats` below also holds ajv-formats' `fullFormats` (uuid, email, uri, ...): the generated
// code reads `formats[name]` for both the standard formats and ours.
import { fullFormats } from "ajv-formats/dist/formats.js";

/** UPN check letters, index = value 0..22. I, O and S are never used. */
const UPN_LETTERS = "ABCDEFGHJKLMNPQRTUVWXYZ";
const UPN_PATTERN = /^[A-HJ-NP-RT-Z]\d{11}[0-9A-HJ-NP-RT-Z]$/;

/**
 * Check letter for a UPN body (characters 2..13). Each character's value (digit, or letter-table index for the
 * temporary-UPN final letter) is weighted by its position number 2..13; the sum mod 23 indexes UPN_LETTERS.
 * Returns undefined when the body is not 11 digits followed by a digit or an allowed letter.
 */
function upnCheckLetter(body12) {
  if (typeof body12 !== "string" || !/^\d{11}[0-9A-HJ-NP-RT-Z]$/.test(body12)) return undefined;
  let total = 0;
  for (let i = 0; i < 12; i++) {
    const ch = body12.charAt(i);
    const value = ch >= "0" && ch <= "9" ? ch.charCodeAt(0) - 48 : UPN_LETTERS.indexOf(ch);
    total += (i + 2) * value;
  }
  return UPN_LETTERS.charAt(total % 23);
}

function upn(s) {
  return typeof s === "string" && UPN_PATTERN.test(s) && upnCheckLetter(s.slice(1)) === s.charAt(0);
}

/** Σ digit_i × weight_i over the first `weights.length` digits of a digit string. */
function weightedSum(digits, weights) {
  let total = 0;
  for (let i = 0; i < weights.length; i++) total += (digits.charCodeAt(i) - 48) * weights[i];
  return total;
}

const ULN_WEIGHTS = [10, 9, 8, 7, 6, 5, 4, 3, 2, 1];
const NHS_WEIGHTS = [10, 9, 8, 7, 6, 5, 4, 3, 2];

/** HESA: 10 digits, first non-zero, Σ digit × (10..1) mod 11 must be 10. */
function ulnChecksum(s) {
  return weightedSum(s, ULN_WEIGHTS) % 11;
}

/**
 * ULN check digit for the first 9 digits (ESFA DerivedData_01 form): r = Σ d_i × (11 − i) mod 11;
 * r = 0 means no digit can complete the number (undefined), otherwise check = 10 − r.
 */
function ulnCheckDigit(first9) {
  if (typeof first9 !== "string" || !/^[1-9]\d{8}$/.test(first9)) return undefined;
  const r = weightedSum(first9, NHS_WEIGHTS) % 11;
  return r === 0 ? undefined : 10 - r;
}

function uln(s) {
  return typeof s === "string" && /^[1-9]\d{9}$/.test(s) && ulnChecksum(s) === 10;
}

/**
 * NHS number check digit for the first 9 digits (modulus 11): check = 11 − (Σ d_i × (10..2) mod 11);
 * 11 becomes 0; 10 means the number is never issued (undefined).
 */
function nhsCheckDigit(first9) {
  if (typeof first9 !== "string" || !/^\d{9}$/.test(first9)) return undefined;
  const check = 11 - (weightedSum(first9, NHS_WEIGHTS) % 11);
  if (check === 11) return 0;
  if (check === 10) return undefined;
  return check;
}

function nhs(s) {
  return typeof s === "string" && /^\d{10}$/.test(s) && nhsCheckDigit(s.slice(0, 9)) === s.charCodeAt(9) - 48;
}

/**
 * URN: 6 digits (GIAS), or `EY` + 6 digits (Ofsted early-years registrations: nurseries and childminders are
 * settings in scope for SEND records). No check digit exists.
 */
function urn(s) {
  return typeof s === "string" && /^(?:EY)?\d{6}$/.test(s);
}

/** UKPRN: 8 digits starting with 1 (UKRLP). No check digit exists. */
function ukprn(s) {
  return typeof s === "string" && /^1\d{7}$/.test(s);
}

/** DfE LA code ("LA number"): 3 digits. Whether it is a known code is a warning-level quality rule, not a format. */
function laCode(s) {
  return typeof s === "string" && /^\d{3}$/.test(s);
}

/** LAESTAB (DfE number): LA code (3 digits) + establishment number (4 digits). */
function laestab(s) {
  return typeof s === "string" && /^\d{7}$/.test(s);
}

/** Value of the two ASCII digits at `i` in `s`, or -1 when either is not a digit. */
function twoDigits(s, i) {
  const a = s.charCodeAt(i) - 48;
  const b = s.charCodeAt(i + 1) - 48;
  return a >= 0 && a <= 9 && b >= 0 && b <= 9 ? a * 10 + b : -1;
}

const DAYS = [0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * ajv-formats' full `date` (RFC 3339 full-date: YYYY-MM-DD and a real calendar date), by character tests instead
 * of a regex with captures: every document has dozens of dates. formats.test.ts checks it agrees with ajv-formats.
 */
function isoDate(s) {
  if (typeof s !== "string" || s.length !== 10 || s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45) return false;
  const hi = twoDigits(s, 0);
  const lo = twoDigits(s, 2);
  const month = twoDigits(s, 5);
  const day = twoDigits(s, 8);
  if (hi < 0 || lo < 0 || month < 1 || month > 12 || day < 1) return false;
  const year = hi * 100 + lo;
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return day <= (month === 2 && leap ? 29 : DAYS[month]);
}

const RFC3339_DATE_TIME = /^(\d{4}-\d{2}-\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(?:\.\d+)?(?:[Zz]|([+-])(\d{2}):(\d{2}))$/;

/** Whether `date` plus `minutes` (possibly outside 0..1439) is 23:59 UTC on 30 June or 31 December. */
function endOfJuneOrDecemberUtc(date, minutes) {
  const shift = Math.floor(minutes / 1440);
  if (minutes - shift * 1440 !== 23 * 60 + 59) return false;
  const day = new Date(0);
  day.setUTCFullYear(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)) + shift);
  const month = day.getUTCMonth() + 1;
  return (month === 6 && day.getUTCDate() === 30) || (month === 12 && day.getUTCDate() === 31);
}

/**
 * RFC 3339 §5.6 `date-time`, exactly: `T` (or `t`) between date and time, a numeric offset always written `+hh:mm`,
 * and second 60 only where a leap second can be, 23:59:60 UTC on the last day of June or December (§5.7).
 * ajv-formats is looser on all three (any whitespace, even a newline, as the separator; `+hhmm`; a leap second at
 * 23:59 UTC on any day). The usual form, `YYYY-MM-DDThh:mm:ssZ`, is answered by character tests first.
 */
function isoDateTime(s) {
  if (typeof s !== "string") return false;
  if (
    s.length === 20 &&
    s.charCodeAt(10) === 84 /* T */ &&
    s.charCodeAt(13) === 58 /* : */ &&
    s.charCodeAt(16) === 58 &&
    s.charCodeAt(19) === 90 /* Z */ &&
    isoDate(s.slice(0, 10))
  ) {
    const hour = twoDigits(s, 11);
    const minute = twoDigits(s, 14);
    const second = twoDigits(s, 17);
    if (hour >= 0 && hour <= 23 && minute >= 0 && minute <= 59 && second >= 0 && second <= 59) return true;
  }
  const m = RFC3339_DATE_TIME.exec(s);
  if (!m || !isoDate(m[1])) return false;
  const hour = Number(m[2]);
  const minute = Number(m[3]);
  const second = Number(m[4]);
  const offsetHours = m[6] === undefined ? 0 : Number(m[6]);
  const offsetMinutes = m[7] === undefined ? 0 : Number(m[7]);
  if (hour > 23 || minute > 59 || second > 60 || offsetHours > 23 || offsetMinutes > 59) return false;
  if (second < 60) return true;
  const sign = m[5] === "-" ? -1 : 1;
  return endOfJuneOrDecemberUtc(m[1], hour * 60 + minute - sign * (offsetHours * 60 + offsetMinutes));
}

/**
 * Same shape as ajv-formats' entries ({validate, compare}): standalone code was generated against that shape and
 * calls `.validate(data)`. create-ajv registers these too, so compiled and standalone validators agree.
 */
const dateFormats = {
  date: { validate: isoDate, compare: fullFormats.date.compare },
  "date-time": { validate: isoDateTime, compare: fullFormats["date-time"].compare },
};

/** The SEND identifier formats, keyed by ajv format name. */
const sendFormats = {
  upn,
  uln,
  "nhs-number": nhs,
  urn,
  ukprn,
  "la-code": laCode,
  laestab,
};

/** Every format ajv standalone code may name: ajv-formats' first, ours last so a clash (none today) resolves to ours. */
export const formats = Object.freeze({ ...fullFormats, ...dateFormats, ...sendFormats });

// Not formats: the algorithms, for the TypeScript wrappers.
export { sendFormats, dateFormats, upnCheckLetter, UPN_LETTERS, ulnChecksum, ulnCheckDigit, nhsCheckDigit };
