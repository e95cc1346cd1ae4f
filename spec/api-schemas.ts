// Schemas that belong to the API rather than to the standard's documents: problem details, pages, version
// summaries, discovery, audit events, the validation report. Document bodies are NOT defined here; they are
// hoisted from schemas/ (spec/hoist-schemas.ts) and referenced by name.
import type { SchemaObject } from "openapi3-ts/oas31";
import { PROBLEM_TYPES, PROBLEM_BASE } from "./problems.ts";
import { transferApiSchemas } from "./transfer-api-schemas.ts";
import { trustApiSchemas } from "./trust-api-schemas.ts";
import { lostChildApiSchemas } from "./lost-child-api-schemas.ts";
import { page, ref } from "./page-schema.ts";
import accessPurposes from "../schemas/vocab/access-purposes.json" with { type: "json" };

const Actor: SchemaObject = {
  type: "object",
  title: "Actor",
  description: "Who acted: the token's subject, their role, and the calling system.",
  additionalProperties: false,
  required: ["subject", "role"],
  properties: {
    subject: { type: "string", title: "Subject", description: "Token `sub`." },
    role: { type: "string", title: "Role", description: "Token `send_role`." },
    system: { type: "string", title: "System", description: "Calling system (token `client_id`)." },
  },
};

export function apiSchemas(documentDefNames: readonly string[]): Record<string, SchemaObject> {
  return {
    Problem: {
      type: "object",
      title: "Problem details",
      description:
        `RFC 9457 problem details. \`type\` is one of the URIs under ${PROBLEM_BASE} listed in the ` +
        `API description. Clients must ignore members they do not know.`,
      required: ["type", "title", "status", "correlationId"],
      properties: {
        type: {
          type: "string",
          format: "uri",
          title: "Type",
          description: "Identifies the kind of error.",
          enum: PROBLEM_TYPES.map((p) => PROBLEM_BASE + p.kind),
        },
        title: {
          type: "string",
          title: "Title",
          description: "Short summary of the kind of error; the same for every occurrence.",
        },
        status: { type: "integer", minimum: 400, maximum: 599, title: "Status", description: "The HTTP status code." },
        detail: { type: "string", title: "Detail", description: "What went wrong this time, in plain English." },
        instance: { type: "string", format: "uri-reference", title: "Instance", description: "The request path." },
        correlationId: {
          type: "string",
          title: "Correlation id",
          description:
            "Identifies this request in the server's logs and audit records; also sent as the `X-Correlation-Id` response header.",
        },
        errors: {
          type: "array",
          title: "Errors",
          description: "For validation-failed and invalid-parameter: each individual failure.",
          items: ref("ProblemError"),
        },
      },
    },
    ProblemError: {
      type: "object",
      title: "Problem error",
      description: "One failure: where and which rule.",
      additionalProperties: false,
      required: ["pointer", "ruleId", "message"],
      properties: {
        pointer: {
          type: "string",
          title: "Pointer",
          description:
            'RFC 6901 JSON Pointer into the request body ("" is the whole body), or `/query/<name>`, `/path/<name>`, `/header/<name>` for parameters.',
        },
        ruleId: {
          type: "string",
          title: "Rule id",
          description:
            "`schema.<keyword>` for JSON Schema failures, a quality-rule id (schemas/rules/catalogue.json), or `api.<rule>` for request rules.",
        },
        message: { type: "string", title: "Message", description: "Plain-English explanation." },
      },
    },
    Finding: {
      type: "object",
      title: "Finding",
      description: "A schema error or quality-rule finding.",
      additionalProperties: false,
      required: ["ruleId", "severity", "pointer", "message"],
      properties: {
        ruleId: { type: "string", title: "Rule id", description: "`schema.<keyword>` or a quality-rule id." },
        severity: {
          type: "string",
          enum: ["error", "warning", "info"],
          title: "Severity",
          description: "error makes the document invalid.",
        },
        pointer: { type: "string", title: "Pointer", description: "RFC 6901 JSON Pointer into the document." },
        message: { type: "string", title: "Message", description: "Plain-English explanation." },
      },
    },
    ValidationReport: {
      type: "object",
      title: "Validation report",
      description: "The result of validating one document: schema errors and quality-rule findings.",
      additionalProperties: false,
      required: ["valid", "documentType", "errors", "findings"],
      properties: {
        valid: {
          type: "boolean",
          title: "Valid",
          description: "False if there is any schema error or error-severity finding.",
        },
        documentType: {
          type: ["string", "null"],
          title: "Document type",
          description: "The detected `documentType`, or null when it is missing or unknown.",
        },
        errors: { type: "array", title: "Schema errors", description: "JSON Schema failures.", items: ref("Finding") },
        findings: {
          type: "array",
          title: "Findings",
          description: "Quality-rule findings (only for schema-valid documents).",
          items: ref("Finding"),
        },
      },
    },
    ValidationInput: {
      title: "Validation input",
      description:
        "Any JSON value. `POST /$validate` exists to report on invalid documents, so nothing is " +
        "refused for its shape: the report says whether the value is a valid document of a " +
        "supported type (see `AnyDocument`) and why not.",
    },
    AnyDocument: {
      title: "Any document",
      description: "A document of any type the standard defines, told apart by `documentType`.",
      oneOf: documentDefNames.map(ref),
    },
    Discovery: {
      type: "object",
      title: "Discovery",
      description: "What this server implements.",
      additionalProperties: false,
      required: ["standard", "standardVersion", "schemaVersions", "documentTypes", "openapi", "docs"],
      properties: {
        standard: { type: "string", title: "Standard", description: '"SEND Interchange".' },
        standardVersion: {
          type: "string",
          title: "Standard version",
          description: "Version of the standard (semantic version).",
        },
        schemaVersions: {
          type: "object",
          title: "Schema versions",
          description: "The `schemaVersion` written (current) and accepted (supported).",
          additionalProperties: false,
          required: ["current", "supported"],
          properties: {
            current: { type: "string", title: "Current", description: "Version written by this server." },
            supported: {
              type: "array",
              title: "Supported",
              description: "Versions accepted.",
              items: { type: "string" },
            },
          },
        },
        documentTypes: {
          type: "array",
          title: "Document types",
          description: "The document types this server stores or validates.",
          items: {
            type: "object",
            additionalProperties: false,
            required: ["documentType", "title", "schema"],
            properties: {
              documentType: { type: "string", title: "Document type", description: "The `documentType` value." },
              title: { type: "string", title: "Title", description: "Human name." },
              schema: { type: "string", format: "uri", title: "Schema", description: "The schema's `$id`." },
              path: {
                type: "string",
                title: "Path",
                description: "Collection path on this server, when it stores the type.",
              },
            },
          },
        },
        openapi: {
          type: "string",
          format: "uri-reference",
          title: "OpenAPI",
          description: "URL of the OpenAPI description.",
        },
        docs: { type: "string", format: "uri-reference", title: "Docs", description: "URL of the HTML documentation." },
        problemTypes: {
          type: "string",
          format: "uri",
          title: "Problem types",
          description: "Base of the problem type URIs.",
        },
        implementation: {
          type: "object",
          title: "Implementation",
          description:
            "The product answering and its version, as its vendor names them. Optional; when present, a " +
            "conformance certificate (`send-conformance run --certificate`) names the system by it unless the " +
            "vendor's configuration says otherwise.",
          additionalProperties: false,
          required: ["name", "version"],
          properties: {
            name: { type: "string", minLength: 1, maxLength: 200, title: "Name", description: "Product name." },
            version: {
              type: "string",
              minLength: 1,
              maxLength: 100,
              title: "Version",
              description: "Product version, as its vendor numbers it.",
            },
          },
        },
      },
    },
    HealthStatus: {
      type: "object",
      title: "Health status",
      description: "Liveness or readiness.",
      required: ["status"],
      properties: {
        status: { type: "string", enum: ["ok", "ready"], title: "Status", description: "ok (alive) or ready." },
      },
    },
    OpenApiDocument: {
      type: "object",
      title: "OpenAPI document",
      description: "An OpenAPI 3.1 document (this one).",
      required: ["openapi", "info"],
      properties: {
        openapi: { type: "string", title: "OpenAPI version", description: "3.1.x" },
        info: { type: "object", title: "Info", description: "Title, version and description of the API." },
      },
    },
    HtmlPage: { type: "string", title: "HTML page", description: "A self-contained HTML document." },
    PdfDocument: {
      type: "string",
      contentMediaType: "application/pdf",
      title: "PDF document",
      description: "A print-ready PDF (A4) of the page.",
    },
    VersionSummary: {
      type: "object",
      title: "Version summary",
      description: "One immutable version of a resource and its provenance.",
      additionalProperties: false,
      required: ["version", "etag", "recordedAt", "recordedBy", "correlationId"],
      properties: {
        version: { type: "integer", minimum: 1, title: "Version", description: "1, 2, … with no gaps." },
        etag: { type: "string", title: "ETag", description: "The version's ETag." },
        recordedAt: {
          type: "string",
          format: "date-time",
          title: "Recorded at",
          description: "When the server stored it.",
        },
        recordedBy: ref("Actor"),
        reason: { type: "string", title: "Reason", description: "The `Change-Reason` given." },
        status: { type: "string", title: "Status", description: "The document's status at this version." },
        correlationId: { type: "string", title: "Correlation id", description: "Of the request that wrote it." },
      },
    },
    Actor,
    VoiceContribution: {
      title: "Voice contribution",
      description:
        "One voice statement to append to a document's views: the child's, young person's, " +
        "parent's or carer's own words, how and when they were captured, and whether they may be " +
        "shared.",
      allOf: [ref("VoiceStatement")],
    },
    AgreementContribution: {
      type: "object",
      title: "Agreement contribution",
      description:
        "A family's stance on one item of a plan (a provision item, a review's account, a delivery record). The server records it as a " +
        "`FamilyAgreement` on that item, given by the caller: a parent or carer, or the young person, speaks for themselves (leave out " +
        "`onBehalfOf`); staff and systems write down a family's stance only on their behalf, saying whose it is and how they gave it.",
      additionalProperties: false,
      required: ["itemType", "itemId", "stance"],
      properties: {
        itemType: {
          type: "string",
          enum: ["provision", "review", "delivery-record"],
          title: "Item type",
          description:
            "Which kind of item: a provision item, a review or a delivery record (ISP); a guaranteed provision item or a review (EHCP).",
        },
        itemId: {
          allOf: [ref("LocalId")],
          title: "Item id",
          description: "The item's `id` in the plan.",
        },
        stance: {
          allOf: [ref("AgreementStance")],
          title: "Stance",
          description: "Agrees, partly agrees or disagrees (`not-yet-asked` is not something a person says).",
        },
        reason: {
          type: "string",
          minLength: 1,
          maxLength: 2000,
          title: "Reason",
          description: "Why, in their words; required when they partly agree or disagree.",
        },
        displayName: {
          type: "string",
          minLength: 1,
          maxLength: 200,
          title: "Display name",
          description: "How a parent, carer or young person wants to be named on the plan (e.g. 'Sam's mum').",
        },
        onBehalfOf: {
          type: "object",
          title: "On behalf of",
          description:
            "Required when staff or a system records the stance, and refused from a parent, carer or young person: whose stance it is and how it " +
            "reached the recorder. The entry then names the recorder (`recordedBy`) and the way (`givenVia`).",
          additionalProperties: false,
          required: ["personType", "givenVia"],
          properties: {
            personType: {
              allOf: [ref("PersonType")],
              title: "Person type",
              description: "parent-carer, young-person or child.",
            },
            personId: {
              type: "string",
              minLength: 1,
              maxLength: 200,
              title: "Person id",
              description: "The person's id, e.g. a contact's local id in the plan.",
            },
            displayName: {
              type: "string",
              minLength: 1,
              maxLength: 200,
              title: "Display name",
              description: "The person's name as shown on the plan.",
            },
            givenVia: {
              allOf: [ref("ContactMethod")],
              title: "Given via",
              description: "How the person gave the stance: phone, email, letter, in person, app.",
            },
          },
        },
      },
    },
    VersionPage: page("VersionSummary", "version summaries"),
    ChildPage: page("ChildRecord", "child records"),
    IspPage: page("IndividualSupportPlan", "Individual Support Plans"),
    EhcpPage: page("Ehcp", "EHCPs"),
    LegacyEhcpPage: page("LegacyEhcp", "EHCPs made under the 2014 regulations"),
    DevelopmentProfilePage: page("DevelopmentProfile", "areas-of-development profiles"),
    SppPage: page("SpecialistProvisionPackage", "Specialist Provision Packages"),
    SettingPage: page("SettingEntry", "settings-directory entries"),
    AuditEvent: {
      type: "object",
      title: "Audit event",
      description: "One request the server handled. Append-only: never changed or removed.",
      additionalProperties: false,
      required: ["seq", "at", "actor", "action", "resourceType", "correlationId", "outcome"],
      properties: {
        seq: { type: "integer", minimum: 1, title: "Sequence", description: "Strictly increasing." },
        at: { type: "string", format: "date-time", title: "At", description: "When." },
        actor: ref("Actor"),
        action: {
          type: "string",
          enum: ["create", "read", "update", "search", "export", "import", "validate", "list-versions"],
          title: "Action",
          description: "What was done.",
        },
        resourceType: {
          type: "string",
          title: "Resource type",
          description: "child, setting, isp, ehcp, legacy-ehcp, development-profile, spp, transfer or audit.",
        },
        resourceId: { type: "string", title: "Resource id", description: "Which resource, when one." },
        version: { type: "integer", minimum: 1, title: "Version", description: "Which version, when one." },
        childId: { type: "string", format: "uuid", title: "Child id", description: "Whose record, when a child's." },
        correlationId: {
          type: "string",
          title: "Correlation id",
          description: "The server's own id for the request: unique, whatever the caller sent.",
        },
        callerCorrelationId: {
          type: "string",
          pattern: "^[A-Za-z0-9._:-]{8,128}$",
          title: "Caller's correlation id",
          description:
            "The X-Correlation-Id the caller sent, when it was well-formed (and so echoed on the response). Chosen by the caller, so it may repeat.",
        },
        purpose: {
          type: "string",
          enum: accessPurposes.codes.map((c) => c.code),
          title: "Purpose",
          description:
            "Why the plan was read (access-purposes code list), for reads of a plan, one of its versions or a view (`purpose` query parameter; " +
            "`not-stated` when none was given).",
        },
        outcome: {
          type: "string",
          enum: ["allowed", "denied"],
          title: "Outcome",
          description: "Whether the request was allowed.",
        },
      },
    },
    AuditPage: page("AuditEvent", "audit events"),
    AccessLogEntry: {
      type: "object",
      title: "Access-log entry",
      description:
        "One read or change of a child's records, as shown to their parent or carer: the role and organisation that acted, not a staff member's account.",
      additionalProperties: false,
      required: ["at", "action", "resourceType", "role"],
      properties: {
        at: { type: "string", format: "date-time", title: "At", description: "When." },
        action: {
          type: "string",
          enum: ["create", "read", "update", "search", "export", "import", "list-versions"],
          title: "Action",
          description: "What was done.",
        },
        resourceType: { type: "string", title: "Resource type", description: "Which kind of record." },
        resourceId: { type: "string", title: "Resource id", description: "Which record." },
        version: { type: "integer", minimum: 1, title: "Version", description: "Which version." },
        role: { type: "string", title: "Role", description: "The role that acted (e.g. la-officer)." },
        purpose: {
          type: "string",
          enum: accessPurposes.codes.map((c) => c.code),
          title: "Purpose",
          description:
            "Why the plan was read (access-purposes code list), for reads of a plan, one of its versions or a view (`purpose` query parameter; " +
            "`not-stated` when none was given).",
        },
        settingUrn: { type: "string", title: "Setting URN", description: "The acting setting, when one." },
        laCode: { type: "string", title: "LA code", description: "The acting local authority, when one." },
        system: { type: "string", title: "System", description: "The calling system." },
      },
    },
    AccessLogPage: page("AccessLogEntry", "access-log entries"),
    PlanSample: {
      type: "object",
      title: "Plan sample",
      description:
        "A deterministic sample of a setting's plans for governors: ordered by SHA-256(seed:id), " +
        "the first `size` taken. The seed is the setting URN and the academic year, so every " +
        "governor of a setting sees the same sample all year.",
      additionalProperties: false,
      required: ["settingUrn", "seed", "population", "items"],
      properties: {
        settingUrn: { type: "string", title: "Setting URN", description: "The governor's setting." },
        seed: { type: "string", title: "Seed", description: 'Sample seed, e.g. "100000:2026/27".' },
        population: {
          type: "integer",
          minimum: 0,
          title: "Population",
          description: "How many plans the sample was drawn from.",
        },
        items: { type: "array", title: "Items", description: "The redacted plans.", items: ref("RedactedPlan") },
      },
    },
    RedactedPlan: {
      type: "object",
      title: "Redacted plan",
      description:
        "A plan with every member that carries a name, identifier, date of birth, contact detail " +
        "or address removed, and the child's id replaced by a pseudonym stable within the sample. " +
        "It is therefore NOT valid against the plan's schema; the rest of the plan (barriers, " +
        "provision, outcomes, reviews, voice) is kept because it is what governors review, with " +
        'every name the plan carries masked as "[name]" in its free text.',
      required: ["documentType", "id"],
      properties: {
        documentType: { type: "string", title: "Document type", description: "isp, ehcp or legacy-ehcp." },
        id: { type: "string", title: "Id", description: "The plan's id." },
      },
    },
    ...transferApiSchemas(),
    ...trustApiSchemas(),
    ...lostChildApiSchemas(),
  };
}
