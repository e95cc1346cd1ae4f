// The ONE implementation of the SEND identifier check algorithms (UPN, ULN, NHS number) and identifier shapes
// (URN, UKPRN, LA code, LAESTAB). Sources and worked examples: uk-send-data.md §4; each *.ts wrapper summarises its own.
//
// Plain CommonJS on purpose: ajv standalone validators are generated as CJS and reach their formats through
// `require(<this file>)[formatName]` (ajv `code.formats`). Because ajv uses ONE `code.formats` module for every
// format, this module also re-exports ajv-formats' `fullFormats` (date, date-time, uuid, email, ...), so
// standalone code finds both the standard formats and ours in the same place.
// The TypeScript wrappers (upn.ts, uln.ts, ...) load this file with createRequire; types are in formats-runtime.d.cts.
"use strict";

const { fullFormats } = require("ajv-formats/dist/formats");

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

module.exports = {
  // ajv-formats' formats first, ours last so a name clash (none today) resolves to ours.
  ...fullFormats,
  ...sendFormats,
  // Not formats: the algorithms, for the TypeScript wrappers. ajv only looks formats up by name.
  sendFormats,
  upnCheckLetter,
  UPN_LETTERS,
  ulnChecksum,
  ulnCheckDigit,
  nhsCheckDigit,
};
