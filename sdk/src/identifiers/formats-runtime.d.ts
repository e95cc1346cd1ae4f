// Types for formats-runtime.js (the single implementation of the identifier check algorithms).
type FormatFn = (s: string) => boolean;
type FormatWithCompare = {
  readonly validate: FormatFn;
  readonly compare: (a: string, b: string) => number | undefined;
};

export interface SendFormatFunctions {
  readonly upn: FormatFn;
  readonly uln: FormatFn;
  readonly "nhs-number": FormatFn;
  readonly urn: FormatFn;
  readonly ukprn: FormatFn;
  readonly "la-code": FormatFn;
  readonly laestab: FormatFn;
}

/** Exact, faster equivalents of ajv-formats' full `date` and `date-time`, in ajv-formats' {validate, compare} shape. */
export interface DateFormats {
  readonly date: FormatWithCompare;
  readonly "date-time": FormatWithCompare;
}

/** Every format ajv standalone code may name; ajv-formats' fullFormats are in here too, typed loosely (only ajv reads them). */
export declare const formats: SendFormatFunctions & DateFormats & { readonly [format: string]: unknown };
export declare const sendFormats: SendFormatFunctions;
export declare const dateFormats: DateFormats;
export declare function upnCheckLetter(body12: string): string | undefined;
export declare const UPN_LETTERS: string;
export declare function ulnChecksum(digits10: string): number;
export declare function ulnCheckDigit(first9: string): number | undefined;
export declare function nhsCheckDigit(first9: string): number | undefined;
