// API schemas of the transfer operations (spec/routes.ts, tag Transfers): the request to send a child's records,
// the sender's view of a transfer, the inbox's answer, and the JWKS. Bundle and receipt bodies are the standard's
// own schemas (SignedTransferBundle, TransferReceipt), hoisted from schemas/.
import type { SchemaObject } from "openapi3-ts/oas31";
import { page, ref } from "./page-schema.ts";

const str = (title: string, description: string, extra: SchemaObject = {}): SchemaObject => ({
  type: "string",
  title,
  description,
  ...extra,
});
const STATUS = [
  "prepared",
  "sent",
  "received",
  "accepted",
  "rejected",
  "claimed",
  "integrated",
  "not-integrated",
  "expired",
  "held",
  "declined",
];

const Integration: SchemaObject = {
  type: "object",
  title: "Integration",
  description:
    "The second stage of the acknowledgement, from the receiver's signed integration acknowledgement: whether a named member of the receiving " +
    "setting's staff took the plan into use, when, and why not.",
  required: ["outcome", "recordedAt", "recordedBy"],
  properties: {
    outcome: { ...ref("IntegrationOutcome"), title: "Outcome", description: "integrated or not-integrated." },
    reason: {
      ...ref("NotIntegratedReason"),
      title: "Reason",
      description: "Why the plan was not taken into use (not-integrated-reasons code).",
    },
    note: str("Note", "The reason in plain English."),
    recordedAt: str("Recorded at", "When the receiving staff recorded the outcome.", { format: "date-time" }),
    recordedBy: str("Recorded by", "The display name of the member of staff who recorded it."),
  },
};

const Reason: SchemaObject = {
  type: "object",
  title: "Reason",
  description: "Why a bundle was rejected (or why delivery failed): a stable code, a message, and where.",
  required: ["code", "message"],
  additionalProperties: false,
  properties: {
    code: str(
      "Code",
      "Stable reason code, e.g. `bundle.bad-signature`, `bundle.digest-mismatch`, `bundle.unknown-key`.",
    ),
    message: str("Message", "The reason in plain English."),
    pointer: str("Pointer", "JSON Pointer within the bundle, when the reason concerns one value."),
  },
};

const Receiver: SchemaObject = {
  type: "object",
  title: "Receiver",
  description:
    "Who the records go to: a setting (URN or UKPRN), or the responsible local authority when the destination is unknown.",
  required: ["unknownDestination"],
  additionalProperties: false,
  properties: {
    urn: str("URN", "The receiving setting's URN."),
    ukprn: str("UKPRN", "The receiving setting's UKPRN."),
    name: str("Name", "The receiving setting's name."),
    laCode: str("Local authority", "The receiving (or responsible) local authority's code."),
    unknownDestination: {
      type: "boolean",
      title: "Destination unknown",
      description: "True when the next setting is not known: the bundle waits in the unclaimed queue.",
    },
  },
};

export function transferApiSchemas(): Record<string, SchemaObject> {
  return {
    TransferRequest: {
      type: "object",
      title: "Transfer request",
      description:
        "Send a child's records: to a setting (by URN or UKPRN), or to an unknown destination (held for the responsible local authority to claim).",
      required: ["receiver", "reason"],
      additionalProperties: false,
      properties: {
        receiver: {
          type: "object",
          title: "Receiver",
          description: "`{urn}`, `{ukprn}` or `{unknownDestination: true}`.",
          additionalProperties: false,
          properties: {
            urn: str("URN", "The receiving setting's URN (6 or 7 digits).", { pattern: "^[0-9]{6,7}$" }),
            ukprn: str("UKPRN", "The receiving setting's UKPRN.", { pattern: "^1[0-9]{7}$" }),
            unknownDestination: {
              type: "boolean",
              title: "Destination unknown",
              description: "The next setting is not known (the 'lost pupil' case).",
            },
          },
        },
        reason: {
          ...ref("TransferReason"),
          title: "Reason",
          description: "Why the child's records move (transfer-reasons code).",
        },
        includeVersionHistory: {
          type: "boolean",
          title: "Include version history",
          description: "Also send each document's earlier versions (oldest first). Default false.",
        },
        encrypt: {
          type: "boolean",
          title: "Encrypt",
          description:
            "Encrypt the signed bundle (JWE, ECDH-ES+A256KW / A256GCM) to the receiver's published key. Default false.",
        },
        expiresInDays: {
          type: "integer",
          minimum: 1,
          maximum: 365,
          title: "Expires in days",
          description: "The bundle's manifest.expiresAt, in days from now.",
        },
        sharing: {
          type: "object",
          title: "Sharing",
          description:
            "The purpose and the sharing labels to include. Safeguarding sections are left out unless " +
            "included explicitly; every section left out is recorded as a redaction in the bundle.",
          additionalProperties: false,
          properties: {
            purpose: str("Purpose", "Why the data is shared, in plain English.", { minLength: 1, maxLength: 500 }),
            include: {
              type: "array",
              title: "Labels to include",
              description: "Sharing labels whose sections go (default education, health, social-care).",
              items: ref("SharingLabel"),
            },
            lawfulBasis: str("Lawful basis", "The lawful basis relied on.", { minLength: 1, maxLength: 500 }),
          },
        },
      },
    },
    TransferSummary: {
      type: "object",
      title: "Transfer summary",
      description:
        "A transfer as listed, and as a parent or carer sees it: where the records went, the lifecycle with timestamps, and the status in plain words.",
      required: ["id", "status", "statusText", "timestamps"],
      properties: {
        id: str("Id", "The transfer's id, which is the bundle id.", { format: "uuid" }),
        direction: {
          type: "string",
          enum: ["outgoing", "incoming"],
          title: "Direction",
          description: "Sent from, or received by, this server.",
        },
        childId: str("Child", "The child's id on this server (absent for a bundle held for review, or declined)."),
        status: {
          type: "string",
          enum: STATUS,
          title: "Status",
          description:
            "prepared → sent → received → accepted | rejected; then, from the receiver's signed integration " +
            "acknowledgement, integrated | not-integrated. An unknown-destination bundle ends claimed; a bundle " +
            "never delivered ends expired. On the receiving side, a bundle held for review is held, then accepted " +
            "or declined.",
        },
        statusText: str("Status in plain words", "For parents and carers."),
        reason: str("Reason", "Why the records moved (transfer-reasons code)."),
        sender: { type: "object", title: "Sender", description: "The sending setting or local authority." },
        receiver: Receiver,
        timestamps: {
          type: "object",
          title: "Timestamps",
          description: "When each status was reached.",
          additionalProperties: { type: "string", format: "date-time" },
        },
        reasons: {
          type: "array",
          title: "Reasons",
          description: "Why the receiver rejected the bundle, or why it expired undelivered.",
          items: Reason,
        },
        integration: Integration,
        integrationOutcome: {
          ...ref("IntegrationOutcome"),
          title: "Integration outcome",
          description: "The outcome of the integration acknowledgement, once one came back.",
        },
        integratedAt: str("Integrated at", "When the receiving staff recorded the plan as integrated.", {
          format: "date-time",
        }),
        integrationDueBy: str(
          "Integration due by",
          "The last date (in England) by which the receiver should record integration: the configured number of school days after receipt.",
          { format: "date" },
        ),
        escalated: {
          type: "boolean",
          title: "Escalated",
          description:
            "True when the transfer was received but not integrated by integrationDueBy: the responsible local authority is told (GET /transfers/escalated).",
        },
        escalatedAt: str("Escalated at", "When the transfer was escalated.", { format: "date-time" }),
      },
    },
    TransferView: {
      title: "Transfer (sender's view)",
      description:
        "The summary plus what was sent: digest, documents, redactions, sharing applied, delivery attempts and the receiver's signed receipt.",
      allOf: [
        ref("TransferSummary"),
        {
          type: "object",
          properties: {
            bundleDigest: str("Bundle digest", "SHA-256 (hex) of the RFC 8785 canonical bundle that was signed."),
            documents: {
              type: "array",
              title: "Documents",
              description: "The documents sent.",
              items: { type: "object" },
            },
            redactionCount: {
              type: "integer",
              title: "Redactions",
              description: "How many values sharing labels left out.",
            },
            sharing: {
              type: "object",
              title: "Sharing applied",
              description: "Purpose, labels included and excluded.",
            },
            encrypted: {
              type: "boolean",
              title: "Encrypted",
              description: "Whether the bundle was encrypted to the receiver.",
            },
            delivery: {
              type: "object",
              title: "Delivery",
              description: "Attempts, last error, inbox URL; gaveUp after the bounded retries.",
            },
            receipt: {
              ...ref("SignedTransferReceipt"),
              title: "Receipt",
              description: "The receiver's signed receipt.",
            },
          },
        },
      ],
    },
    TransferPage: page("TransferSummary", "transfers"),
    InboxResult: {
      type: "object",
      title: "Import result",
      description:
        "The receiver's answer to a bundle that verified: the signed receipt and whether this was " +
        "a replay. The same answer whether the bundle was imported at once or held for the " +
        "receiver's review; where it was filed is not told to the sender.",
      required: ["bundleId", "decision", "receipt"],
      additionalProperties: false,
      properties: {
        bundleId: str("Bundle", "The bundle id.", { format: "uuid" }),
        decision: {
          type: "string",
          enum: ["accepted"],
          title: "Decision",
          description: "Accepted: verified and held by the receiver (a rejection is a 422 problem).",
        },
        receipt: {
          ...ref("SignedTransferReceipt"),
          title: "Receipt",
          description: "The signed receipt (JWS compact).",
        },
        replayed: {
          type: "boolean",
          title: "Replayed",
          description: "True when the same bundle had been imported already (nothing was written).",
        },
      },
    },
    TransferReviewDecision: {
      type: "object",
      title: "Review decision",
      description: "What the receiver does with a held bundle.",
      required: ["decision"],
      additionalProperties: false,
      properties: {
        decision: {
          type: "string",
          enum: ["import-as-new-child", "decline"],
          title: "Decision",
          description: "Import as a new child record in the receiver's own records, or decline.",
        },
        note: str("Note", "Why, in plain English (kept with the decision).", { minLength: 1, maxLength: 1000 }),
      },
    },
    IntegrationRecordRequest: {
      type: "object",
      title: "Integration record",
      description:
        "The receiving setting records whether the plan it received has been taken into use. The member of staff is the caller (the token's `name` claim).",
      required: ["outcome"],
      additionalProperties: false,
      properties: {
        outcome: { ...ref("IntegrationOutcome"), title: "Outcome", description: "integrated or not-integrated." },
        reason: {
          ...ref("NotIntegratedReason"),
          title: "Reason",
          description: "Required when not-integrated; absent when integrated.",
        },
        note: str("Note", "Why, in plain English; sent to the sending setting.", { minLength: 1, maxLength: 2000 }),
      },
    },
    AcknowledgementResult: {
      type: "object",
      title: "Acknowledgement result",
      description: "The sender's answer to a verified integration acknowledgement.",
      required: ["bundleId", "status"],
      additionalProperties: false,
      properties: {
        bundleId: str("Bundle", "The bundle id.", { format: "uuid" }),
        status: {
          type: "string",
          enum: ["integrated", "not-integrated"],
          title: "Status",
          description: "The transfer's status after the acknowledgement.",
        },
        replayed: {
          type: "boolean",
          title: "Replayed",
          description: "True when the same acknowledgement had been received already (nothing was written).",
        },
      },
    },
    TransferReviewPage: page(
      "TransferSummary",
      "held bundles",
      "Bundles held for the caller's review. Each is an incoming transfer with `status` held and " +
        "a `review`: the child as the bundle describes it, the identifier kinds that matched (upn, " +
        "uln, nhs) and the documents.",
    ),
    JweCompact: {
      type: "string",
      title: "JWE compact serialisation",
      description:
        "A JWE in compact form (protected header, encrypted key, IV, ciphertext, tag; base64url, " +
        "the encrypted key empty for ECDH-ES direct key agreement) whose plaintext is a compact " +
        "JWS of the bundle.",
      pattern: "^[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]*\\.[A-Za-z0-9_-]*\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]*$",
    },
    CompactTransferBundle: {
      title: "Compact transfer bundle",
      description:
        "A signed transfer bundle as sent in `application/jose`: the compact JWS, or a compact JWE " +
        "of it encrypted to the receiver (three or five dot-separated parts).",
      oneOf: [ref("JwsCompact"), ref("JweCompact")],
    },
    JsonTransferBundle: {
      title: "Transfer bundle as JSON",
      description:
        "A signed transfer bundle as sent in `application/json`: the JWS in flattened form, or a JSON string holding the compact JWS or JWE.",
      oneOf: [ref("JwsFlattened"), ref("JwsCompact"), ref("JweCompact")],
    },
    CtfXml: {
      type: "string",
      title: "CTF XML",
      description: "Common Transfer File XML (CTF 17+ element names): a whole file, or a bare <SENhistory> block.",
    },
    CtfImportResult: {
      type: "object",
      title: "CTF import result",
      description:
        "Which profile version holds the imported SEN history, how many classifications were added " +
        "or already there, the crosswalk suggestions (each with its professional-review flag) and " +
        "warnings.",
      required: ["profileId", "version", "added", "skipped"],
      properties: {
        profileId: str("Profile", "The areas-of-development profile the history was added to."),
        version: { type: "integer", title: "Version", description: "The profile version that holds it." },
        added: { type: "integer", title: "Added", description: "Classifications added." },
        skipped: {
          type: "integer",
          title: "Skipped",
          description: "Classifications the profile already had (same provision and start date).",
        },
        suggestions: {
          type: "array",
          title: "Suggestions",
          description: "Census SEN type → area of development crosswalk results; never applied automatically.",
          items: { type: "object" },
        },
        warnings: {
          type: "array",
          title: "Warnings",
          description: "Things the importer noticed but accepted.",
          items: { type: "object" },
        },
      },
    },
    JsonWebKeySet: {
      type: "object",
      title: "JSON Web Key Set",
      description:
        "RFC 7517 key set: the public ES256 signing keys and P-256 encryption keys of every " +
        "setting this server hosts; `x-send-owner` names the setting (`urn:<URN>`) or local " +
        "authority (`la:<code>`).",
      required: ["keys"],
      properties: { keys: { type: "array", title: "Keys", description: "Public JWKs.", items: { type: "object" } } },
    },
  };
}
