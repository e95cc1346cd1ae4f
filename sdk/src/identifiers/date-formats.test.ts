// formats-runtime.js answers `date` and `date-time` itself. `date` is ajv-formats' full-mode answer exactly.
// `date-time` is RFC 3339 §5.6 exactly, which is ajv-formats' answer except where ajv-formats is looser: whitespace
// as the separator, offsets without a colon, and second 60 away from the end of June or December (UTC).
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
const dateLike = fc
  .tuple(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 }))
  .map(([y, m, d]) => `${pad(y, 4)}-${pad(m)}-${pad(d)}`);
const timeLike = fc
  .tuple(
    fc.integer({ min: 0, max: 25 }),
    fc.integer({ min: 0, max: 61 }),
    fc.integer({ min: 0, max: 61 }),
    fc.constantFrom("", ".5", ".123456"),
    fc.constantFrom("Z", "z", "", "+00:00", "-01:30", "+0530", "+24:00", "+01:60", "-00:01"),
  )
  .map(([h, m, s, frac, tz]) => `${pad(h)}:${pad(m)}:${pad(s)}${frac}${tz}`);
const dateTimeLike = fc
  .tuple(dateLike, fc.constantFrom("T", "t", " ", "\u00a0", "TT", "x", ""), timeLike)
  .map(([d, sep, t]) => `${d}${sep}${t}`);
const noise = fc.string({
  unit: fc.constantFrom("0", "1", "2", "9", "-", ":", "T", "Z", " ", ".", "+"),
  maxLength: 24,
});

describe("date and date-time formats", () => {
  it.each([
    "2024-02-29",
    "2023-02-29",
    "2000-02-29",
    "1900-02-29",
    "0000-02-29",
    "2030-04-31",
    "2030-12-31",
    "2030-1-01",
    "2030-01-01\n",
    "２０３０-01-01",
  ])("date(%j) agrees with ajv-formats", (s) => expect(date.validate(s)).toBe(ajvDate(s)));

  it.each([
    ["2030-06-25T08:11:40Z", true],
    ["2030-06-25t08:11:40z", true],
    ["2030-06-25T08:11:40.5+01:00", true],
    ["2030-06-25T08:11:40.123456-00:30", true],
    ["2016-12-31T23:59:60Z", true], // a real leap second
    ["2015-06-30T23:59:60Z", true],
    ["2017-01-01T00:59:60+01:00", true], // the same instant as 2016-12-31T23:59:60Z
    ["2015-06-30T19:59:60-04:00", true],
    ["2030-06-25 08:11:40Z", false], // RFC 3339 §5.6 ABNF: "T" only
    ["2030-06-25\n08:11:40Z", false],
    ["2030-06-25\t08:11:40Z", false],
    ["2030-06-25T23:59:60Z", false], // not the end of June or December
    ["2030-12-31T22:59:60Z", false],
    ["2030-12-31T23:59:60+01:00", false], // 22:59:60 UTC
    ["2030-06-25T08:11:40+0100", false], // offset needs its colon
    ["2030-06-25T08:11:40+01", false],
    ["2030-06-25T08:11:40", false], // no offset
    ["2030-06-25T24:00:00Z", false],
    ["2030-02-30T08:11:40Z", false],
    ["2030-06-25T08:60:00Z", false],
    ["2030-06-25T08:11:40+24:00", false],
    ["2030-06-25T08:11:40.Z", false],
  ])("date-time(%j) is %s", (s, valid) => expect(dateTime.validate(s)).toBe(valid));

  /** Where RFC 3339 is stricter than ajv-formats; everywhere else the two must agree. */
  function rfc3339Stricter(s: string): boolean {
    const separator = s.charAt(10);
    if (separator !== "T" && separator !== "t") return true;
    if (/[+-]\d{2}(\d{2})?$/u.test(s) && !/[+-]\d{2}:\d{2}$/u.test(s)) return true;
    return /T\d{2}:\d{2}:60/iu.test(s);
  }

  it("date agrees with ajv-formats on generated strings", () => {
    fc.assert(
      fc.property(fc.oneof(dateLike, noise), (s) => {
        expect(date.validate(s)).toBe(ajvDate(s));
      }),
      { numRuns: 5000 },
    );
  });

  it("date-time agrees with ajv-formats on generated strings, except where RFC 3339 is stricter", () => {
    fc.assert(
      fc.property(fc.oneof(dateTimeLike, noise), (s) => {
        if (rfc3339Stricter(s)) expect(dateTime.validate(s) && !ajvDateTime(s)).toBe(false);
        else expect(dateTime.validate(s)).toBe(ajvDateTime(s));
      }),
      { numRuns: 5000 },
    );
  });

  it("second 60 is valid exactly when the instant is 23:59:60 UTC on 30 June or 31 December", () => {
    const offsets = fc.tuple(
      fc.constantFrom("+", "-"),
      fc.integer({ min: 0, max: 23 }),
      fc.integer({ min: 0, max: 59 }),
    );
    fc.assert(
      fc.property(
        fc.date({ min: new Date("1972-01-01T00:00:00Z"), max: new Date("2099-12-31T23:59:00Z"), noInvalidDate: true }),
        offsets,
        (d, [sign, h, m]) => {
          const offsetMinutes = (sign === "-" ? -1 : 1) * (h * 60 + m);
          const local = new Date(d.getTime() + offsetMinutes * 60_000).toISOString(); // the wall clock at that offset
          const text = `${local.slice(0, 16)}:60${sign}${pad(h)}:${pad(m)}`;
          const utc = d.toISOString();
          const leap = /-(06-30|12-31)T23:59/u.test(utc);
          expect(dateTime.validate(text)).toBe(leap);
        },
      ),
      {
        numRuns: 5000,
        examples: [
          [new Date("2016-12-31T23:59:00Z"), ["+", 1, 0]],
          [new Date("2015-06-30T23:59:00Z"), ["-", 4, 0]],
        ],
      },
    );
  });
});
