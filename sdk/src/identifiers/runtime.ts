// The single implementation of the check algorithms (formats-runtime.js, plain ESM so the generated validators import
// the very same module), shaped as one object for the TypeScript wrappers (upn.ts, uln.ts, ...): the format
// functions by ajv format name, plus the algorithms. No Node APIs, so it runs in browsers.
import {
  dateFormats,
  nhsCheckDigit,
  sendFormats,
  ulnCheckDigit,
  ulnChecksum,
  UPN_LETTERS,
  upnCheckLetter,
} from "./formats-runtime.js";

export const runtime = {
  ...sendFormats,
  sendFormats,
  dateFormats,
  upnCheckLetter,
  UPN_LETTERS,
  ulnChecksum,
  ulnCheckDigit,
  nhsCheckDigit,
} as const;
