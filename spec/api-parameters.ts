// Reusable parameters and response headers of the API (components.parameters / components.headers).
// Names match ParamName / HeaderName in spec/routes.ts.
import type { HeaderObject, ParameterObject } from "openapi3-ts/oas31";
import type { HeaderName, ParamName } from "./routes.ts";
import { SEARCH_FILTERS, type FilterParamName } from "./search-filters.ts";
import accessPurposes from "../schemas/vocab/access-purposes.json" with { type: "json" };

const UUID = { type: "string", format: "uuid" } as const;

/** The search filters' parameters, from their table. */
const FILTER_PARAMETERS = Object.fromEntries(
  SEARCH_FILTERS.map((f) => [
    f.param,
    { name: f.name, in: "query", description: f.description, schema: f.schema } satisfies ParameterObject,
  ]),
) as Record<FilterParamName, ParameterObject>;

export const PARAMETERS: Record<ParamName, ParameterObject> = {
  ...FILTER_PARAMETERS,
  childId: {
    name: "childId",
    in: "path",
    required: true,
    description: "The child's id (UUID, in either letter case).",
    schema: UUID,
  },
  id: {
    name: "id",
    in: "path",
    required: true,
    description:
      "The document's or transfer's id (UUID). Letter case does not matter: the server reads it in lower case. Anything else is 400 invalid-parameter.",
    schema: UUID,
  },
  version: {
    name: "version",
    in: "path",
    required: true,
    description: "Server version number: 1 for the first version, then 2, 3, … with no gaps.",
    schema: { type: "integer", minimum: 1 },
  },
  urn: {
    name: "urn",
    in: "path",
    required: true,
    description: "The setting's unique reference number (URN, 6 digits, from Get Information about Schools).",
    schema: { type: "string", pattern: "^[0-9]{6}$" },
  },
  limit: {
    name: "limit",
    in: "query",
    description: "Page size (default 20).",
    schema: { type: "integer", minimum: 1, maximum: 100, default: 20 },
  },
  cursor: {
    name: "cursor",
    in: "query",
    description: 'Opaque cursor from the previous page\'s `nextCursor` (or its `Link: rel="next"` URL).',
    schema: { type: "string", pattern: "^[A-Za-z0-9_-]{1,512}$" },
  },
  asOf: {
    name: "asOf",
    in: "query",
    description:
      "The instant to judge lateness at (default now): a later instant lists what will be overdue by then, so an officer can plan.",
    schema: { type: "string", format: "date-time" },
  },
  since: {
    name: "since",
    in: "query",
    description: "Only events at or after this instant.",
    schema: { type: "string", format: "date-time" },
  },
  periodFrom: {
    name: "from",
    in: "query",
    description: "Only transfers prepared at or after this date (YYYY-MM-DD) or instant.",
    schema: { type: "string", format: "date-time" },
  },
  periodTo: {
    name: "to",
    in: "query",
    description: "Only transfers prepared on or before this date (the whole day) or at or before this instant.",
    schema: { type: "string", format: "date-time" },
  },
  resourceId: {
    name: "resourceId",
    in: "query",
    description: "Only events about this resource id.",
    schema: { type: "string", minLength: 1, maxLength: 256 },
  },
  actor: {
    name: "actor",
    in: "query",
    description: "Only events by this subject (token `sub`).",
    schema: { type: "string", minLength: 1, maxLength: 256 },
  },
  sampleSize: {
    name: "size",
    in: "query",
    description: "How many plans to draw (default 5).",
    schema: { type: "integer", minimum: 1, maximum: 50, default: 5 },
  },
  ifMatch: {
    name: "If-Match",
    in: "header",
    description:
      "ETag of the version being replaced (RFC 9110 §13.1.1). Required on PUT: without it 428, with a stale one 412. Optional on voice contributions.",
    schema: { type: "string" },
  },
  ifNoneMatch: {
    name: "If-None-Match",
    in: "header",
    description: "A cached ETag; the server answers 304 when it is still current (RFC 9110 §13.1.2).",
    schema: { type: "string" },
  },
  changeReason: {
    name: "Change-Reason",
    in: "header",
    required: true,
    description:
      "Why the change is being made, recorded in the new version's provenance. UTF-8, " +
      "percent-encoded (RFC 3986) where it is not plain ASCII; 1 to 500 characters after " +
      "decoding (so at most 4,500 as sent: 500 three-byte characters percent-encoded), no " +
      "control characters other than tab and line breaks. Missing → 400 invalid-parameter.",
    schema: { type: "string", minLength: 1, maxLength: 4500 },
  },
  changeReasonOptional: {
    name: "Change-Reason",
    in: "header",
    description: 'Why the record is being created (default "created"). Same encoding as on updates.',
    schema: { type: "string", minLength: 1, maxLength: 4500 },
  },
  format: {
    name: "format",
    in: "query",
    description:
      "`pdf` for a print-ready PDF instead of the HTML page (the same as `Accept: application/pdf`); `html` (the default) for the page.",
    schema: { type: "string", enum: ["html", "pdf"] },
  },
  purpose: {
    name: "purpose",
    in: "query",
    description:
      "Why the plan is being read (as JSON, a version, or a view), recorded in the audit log with the read and " +
      "shown to the family in the list of who has read " +
      `the plan: ${accessPurposes.codes.map((c) => `\`${c.code}\` (${c.definition.replace(/\.$/, "")})`).join("; ")}. Default ` +
      `\`not-stated\`. Codes from the access-purposes code list.`,
    schema: { type: "string", enum: accessPurposes.codes.map((c) => c.code) },
  },
};

export const HEADERS: Record<HeaderName, HeaderObject> = {
  ETag: {
    description: "Strong validator of this version (RFC 9110 §8.8.3). Send it back in `If-Match` to update.",
    schema: { type: "string" },
  },
  Location: {
    description: "URL of the created resource (or, for a voice contribution, of the new version).",
    schema: { type: "string", format: "uri-reference" },
  },
  "Content-Location": {
    description: "URL of the version just written (`…/versions/{n}`).",
    schema: { type: "string", format: "uri-reference" },
  },
  Link: {
    description: 'RFC 8288 links; `<…>; rel="next"` when there is a next page.',
    schema: { type: "string" },
  },
  "X-Correlation-Id": {
    description:
      "Identifies this request in the server's logs and audit records (the caller's own, when it " +
      "sent a well-formed one); problem details repeat it as `correlationId`.",
    schema: { type: "string", minLength: 1 },
  },
  "X-Send-Projection": {
    description:
      "Present when the body is a shared view (only the sections labelled for the caller's role, spec/roles.ts `sharingLabels`) rather than the whole record.",
    schema: { type: "string", enum: ["sharing-labels"] },
  },
  "RateLimit-Limit": {
    description:
      "Requests a minute the caller may make (the per-caller limit; before authentication, the " +
      "per-address one). Informational, as in the IETF RateLimit header fields draft.",
    schema: { type: "integer", minimum: 1 },
  },
  "RateLimit-Remaining": {
    description: "Requests left before the caller is limited.",
    schema: { type: "integer", minimum: 0 },
  },
  "RateLimit-Reset": {
    description: "Seconds until a request is allowed again (sent with 429, equal to `Retry-After`).",
    schema: { type: "integer", minimum: 0 },
  },
  "Retry-After": {
    description: "Seconds to wait before retrying (RFC 9110 §10.2.3).",
    schema: { type: "integer", minimum: 0 },
  },
  "Accept-Post": {
    description: "The media types the operation accepts (sent with 415).",
    schema: { type: "string" },
  },
};
