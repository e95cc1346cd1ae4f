// Properties of the check algorithms: generated check characters always validate, every single-character
// substitution is caught, and the ULN and NHS number sets are disjoint.
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { isValidUpn, upnCheckLetter, UPN_LETTERS } from "./upn.ts";
import { isValidUln, ulnCheckDigit } from "./uln.ts";
import { isValidNhsNumber, nhsNumberCheckDigit } from "./nhs-number.ts";

const digit = fc.constantFrom(..."0123456789");
const digits = (n: number) => fc.array(digit, { minLength: n, maxLength: n }).map((a) => a.join(""));
const upnLetter = fc.constantFrom(...UPN_LETTERS);

/** 11 digits + (digit | allowed letter): permanent and temporary UPN bodies. */
const upnBody = fc.tuple(digits(11), fc.oneof(digit, upnLetter)).map(([d, last]) => d + last);
const validUpn = upnBody.map((body) => `${upnCheckLetter(body)}${body}`);

const uln9 = fc.tuple(fc.constantFrom(..."123456789"), digits(8)).map(([a, b]) => a + b);
const validUln = uln9
  .map((first9) => ({ first9, check: ulnCheckDigit(first9) }))
  .filter((x) => x.check !== undefined)
  .map((x) => `${x.first9}${x.check}`);

const validNhs = digits(9)
  .map((first9) => ({ first9, check: nhsNumberCheckDigit(first9) }))
  .filter((x) => x.check !== undefined)
  .map((x) => `${x.first9}${x.check}`);

/** Replaces the character at `index` with a different one drawn from `alphabet`. */
function substitute(s: string, index: number, alphabet: string, pick: number): string {
  const others = [...alphabet].filter((ch) => ch !== s[index]);
  return s.slice(0, index) + others[pick % others.length] + s.slice(index + 1);
}

describe("UPN check letter", () => {
  it("a random body with its computed check letter always validates", () => {
    fc.assert(
      fc.property(validUpn, (upn) => {
        expect(isValidUpn(upn)).toBe(true);
      }),
    );
  });

  it("changing any one character to one of a different value always invalidates", () => {
    fc.assert(
      fc.property(validUpn, fc.integer({ min: 0, max: 12 }), fc.nat(), (upn, index, pick) => {
        // Stay inside each position's own alphabet so the change is a plausible typo, not a shape error. At
        // position 13 a digit and the letter of the same value (0/A … 9/K) weigh the same: see the next test.
        const last = upn.charAt(12);
        const sameValue = /\d/.test(last) ? UPN_LETTERS.charAt(Number(last)) : String(UPN_LETTERS.indexOf(last));
        const alphabet =
          index === 0
            ? UPN_LETTERS
            : index === 12
              ? [...`0123456789${UPN_LETTERS}`].filter((c) => c !== sameValue).join("")
              : "0123456789";
        expect(isValidUpn(substitute(upn, index, alphabet, pick))).toBe(false);
      }),
    );
  });

  it("cannot tell a final digit from the letter of the same value (algorithm limit: A=0 … K=9)", () => {
    fc.assert(
      fc.property(digits(11), fc.integer({ min: 0, max: 9 }), (d11, value) => {
        const permanent = `${upnCheckLetter(`${d11}${value}`)}${d11}${value}`;
        const temporary = `${permanent.slice(0, 12)}${UPN_LETTERS.charAt(value)}`;
        expect(isValidUpn(permanent)).toBe(true);
        expect(isValidUpn(temporary)).toBe(true);
      }),
    );
  });
});

describe("ULN check digit", () => {
  it("random first nine digits with the computed check digit always validate", () => {
    fc.assert(
      fc.property(validUln, (uln) => {
        expect(isValidUln(uln)).toBe(true);
      }),
    );
  });

  it("changing any one digit always invalidates (weights 10..1 are non-zero mod 11)", () => {
    fc.assert(
      fc.property(validUln, fc.integer({ min: 0, max: 9 }), fc.nat(), (uln, index, pick) => {
        expect(isValidUln(substitute(uln, index, "0123456789", pick))).toBe(false);
      }),
    );
  });
});

describe("NHS number check digit", () => {
  it("random first nine digits with the computed check digit always validate", () => {
    fc.assert(
      fc.property(validNhs, (nhs) => {
        expect(isValidNhsNumber(nhs)).toBe(true);
      }),
    );
  });

  it("changing any one digit always invalidates (modulus 11 with weights 10..2, check weight 1)", () => {
    fc.assert(
      fc.property(validNhs, fc.integer({ min: 0, max: 9 }), fc.nat(), (nhs, index, pick) => {
        expect(isValidNhsNumber(substitute(nhs, index, "0123456789", pick))).toBe(false);
      }),
    );
  });
});

describe("ULN and NHS number sets never overlap", () => {
  it("no valid ULN is a valid NHS number", () => {
    fc.assert(
      fc.property(validUln, (uln) => {
        expect(isValidNhsNumber(uln)).toBe(false);
      }),
    );
  });

  it("no valid NHS number is a valid ULN", () => {
    fc.assert(
      fc.property(validNhs, (nhs) => {
        expect(isValidUln(nhs)).toBe(false);
      }),
    );
  });

  it("no random 10-digit string is both", () => {
    fc.assert(
      fc.property(digits(10), (s) => {
        expect(isValidUln(s) && isValidNhsNumber(s)).toBe(false);
      }),
      { numRuns: 5000 },
    );
  });
});
