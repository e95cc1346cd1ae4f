// Public surface of the identifiers module: validators, normalisers, display formats and reasons for each UK
// identifier, the ajv formats, and the known LA code list.
export * from "./upn.ts";
export * from "./uln.ts";
export * from "./nhs-number.ts";
export * from "./urn.ts";
export * from "./ukprn.ts";
export * from "./la-code.ts";
export * from "./laestab.ts";
export * from "./la-codes.ts";
export { stripSeparators } from "./normalise.ts";
export { addSendFormats, SEND_FORMAT_NAMES, type AjvWithFormats, type SendFormatName } from "./formats.ts";
