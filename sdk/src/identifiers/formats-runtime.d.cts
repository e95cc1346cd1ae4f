// Types for formats-runtime.cjs (the single implementation of the identifier check algorithms).
type FormatFn = (s: string) => boolean;

declare const runtime: {
  /** ajv-formats' fullFormats are spread in too; typed loosely because only ajv reads them. */
  readonly [format: string]: unknown;
  readonly upn: FormatFn;
  readonly uln: FormatFn;
  readonly "nhs-number": FormatFn;
  readonly urn: FormatFn;
  readonly ukprn: FormatFn;
  readonly "la-code": FormatFn;
  readonly laestab: FormatFn;
  readonly sendFormats: {
    readonly upn: FormatFn;
    readonly uln: FormatFn;
    readonly "nhs-number": FormatFn;
    readonly urn: FormatFn;
    readonly ukprn: FormatFn;
    readonly "la-code": FormatFn;
    readonly laestab: FormatFn;
  };
  /** Exact, faster equivalents of ajv-formats' full `date` and `date-time`, in ajv-formats' {validate, compare} shape. */
  readonly dateFormats: {
    readonly date: { readonly validate: FormatFn; readonly compare: (a: string, b: string) => number | undefined };
    readonly "date-time": { readonly validate: FormatFn; readonly compare: (a: string, b: string) => number | undefined };
  };
  readonly upnCheckLetter: (body12: string) => string | undefined;
  readonly UPN_LETTERS: string;
  readonly ulnChecksum: (digits10: string) => number;
  readonly ulnCheckDigit: (first9: string) => number | undefined;
  readonly nhsCheckDigit: (first9: string) => number | undefined;
};

export = runtime;
