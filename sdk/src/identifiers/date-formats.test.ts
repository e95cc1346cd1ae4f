// formats-runtime.js answers `date` and `date-time` itself (faster); every answer must be ajv-formats' full-mode
// answer, including leap years, leap seconds, offsets, fractions and odd separators.
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { fullFormats } from "ajv-formats/dist/formats.js";
import { runtime } from "./runtime.ts";

type FormatDef = { validate: (s: string) => boolean };
const ajvDate = (fullFormats.date as FormatDef).validate;
const ajvDateTime = (fullFormats["date-time"] as FormatDef).validate;
const { date, "date-time": dateTime } = runtime.dateFormats;

const pad = (n: number, w = 2): string => String(n).padStart(w, "0");
/** Date-shaped strings with fields just inside and outside their ranges. */
const dateLike = fc.tuple(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 }))
  .map(([y, m, d]) => `${pad(y, 4)}-${pad(m)}-${pad(d)}`);
const timeLike = fc.tuple(
  fc.integer({ min: 0, max: 25 }), fc.integer({ min: 0, max: 61 }), fc.integer({ min: 0, max: 61 }),
  fc.constantFrom("", ".5", ".123456"), fc.constantFrom("Z", "z", "", "+00:00", "-01:30", "+0530", "+24:00", "+01:60", "-00:01"),
).map(([h, m, s, frac, tz]) => `${pad(h)}:${pad(m)}:${pad(s)}${frac}${tz}`);
const dateTimeLike = fc.tuple(dateLike, fc.constantFrom("T", "t", " ", "\u00a0", "TT", "x", ""), timeLike).map(([d, sep, t]) => `${d}${sep}${t}`);
const noise = fc.string({ unit: fc.constantFrom("0", "1", "2", "9", "-", ":", "T", "Z", " ", ".", "+") , maxLength: 24 });

describe("date and date-time formats", () => {
  it.each(["2024-02-29", "2023-02-29", "2000-02-29", "1900-02-29", "0000-02-29", "2030-04-31", "2030-12-31", "2030-1-01", "2030-01-01\n", "２０３０-01-01"])(
    "date(%j) agrees with ajv-formats",
    (s) => expect(date.validate(s)).toBe(ajvDate(s)),
  );

  it.each(["2030-06-25T08:11:40Z", "2030-06-25t08:11:40z", "2030-06-25 08:11:40Z", "2030-06-25T23:59:60Z", "2030-06-25T24:00:00Z", "2030-06-25T08:11:40", "2030-06-25T08:11:40.5+01:00", "2030-02-30T08:11:40Z", "2030-06-25T08:60:00Z"])(
    "date-time(%j) agrees with ajv-formats",
    (s) => expect(dateTime.validate(s)).toBe(ajvDateTime(s)),
  );

  it("date agrees with ajv-formats on generated strings", () => {
    fc.assert(fc.property(fc.oneof(dateLike, noise), (s) => { expect(date.validate(s)).toBe(ajvDate(s)); }), { numRuns: 5000 });
  });

  it("date-time agrees with ajv-formats on generated strings", () => {
    fc.assert(fc.property(fc.oneof(dateTimeLike, noise), (s) => { expect(dateTime.validate(s)).toBe(ajvDateTime(s)); }), { numRuns: 5000 });
  });
});
