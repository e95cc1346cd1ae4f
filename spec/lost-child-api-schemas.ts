// API schemas of the cross-LA operations (children who move between local authorities) and the transfer metrics
// (spec/routes.ts, tag Transfers). Decisions: spec/decisions/transfers-lost-children-across-las.md and
// transfers-metrics.md.
import type { SchemaObject } from "openapi3-ts/oas31";
import { ref } from "./page-schema.ts";

const str = (title: string, description: string, extra: SchemaObject = {}): SchemaObject => ({
  type: "string",
  title,
  description,
  ...extra,
});
const text = (title: string, description: string) => str(title, description, { minLength: 1, maxLength: 1000 });
const LA_CODE = { pattern: "^[0-9]{3}$" };
const CONFIDENCE: SchemaObject = {
  type: "string",
  enum: ["high", "medium", "low"],
  title: "Match confidence",
  description:
    "high: the UPN (current or former) or NHS number is the same; medium: legal given name, family name and date of birth are the same; low: the " +
    "date of birth is the same and the names are the same once accents, hyphens, apostrophes and spaces are set aside, one or two typing slips " +
    "apart, or given and family name swapped.",
};

const query = (name: string): SchemaObject =>
  str(name, `As the asking local authority knows it.`, { minLength: 1, maxLength: 200 });

const seconds = (title: string): SchemaObject => ({
  type: ["integer", "null"],
  minimum: 0,
  title,
  description: `${title} in whole seconds (nearest rank); null when there is nothing to measure.`,
});

const Durations = (title: string, description: string): SchemaObject => ({
  type: "object",
  title,
  description,
  required: ["count", "medianSeconds", "p90Seconds"],
  additionalProperties: false,
  properties: {
    count: { type: "integer", minimum: 0, title: "Count", description: "How many transfers the figures are over." },
    medianSeconds: seconds("Median"),
    p90Seconds: seconds("90th percentile"),
  },
});

const groupProperties: Record<string, SchemaObject> = {
  count: { type: "integer", minimum: 0, title: "Transfers", description: "How many transfers." },
  byStatus: {
    type: "object",
    title: "By status",
    description: "How many transfers are in each status (prepared, sent, received, accepted, rejected, claimed, …).",
    additionalProperties: { type: "integer", minimum: 0 },
  },
  timeToReceipt: Durations("Time to receipt", "From sending (or preparing) to the receiver's receipt."),
  timeToIntegration: Durations(
    "Time to integration",
    "From sending to the receiving setting recording the plan as taken into use (the two-stage acknowledgement).",
  ),
};
const group = (title: string, key?: [string, SchemaObject]): SchemaObject => ({
  type: "object",
  title,
  description: title,
  required: ["count", "byStatus", "timeToReceipt", "timeToIntegration", ...(key ? [key[0]] : [])],
  additionalProperties: false,
  properties: { ...(key ? { [key[0]]: key[1] } : {}), ...groupProperties },
});

export function lostChildApiSchemas(): Record<string, SchemaObject> {
  return {
    HeldTransferQuery: {
      type: "object",
      title: "Query for a held bundle",
      description:
        "What the asking local authority knows of a child who has reappeared in its area: a UPN or NHS number, or given name, family name and " +
        "date of birth together. Nothing less is searched (a date of birth or a name alone is 422).",
      additionalProperties: false,
      properties: {
        upn: query("UPN"),
        nhsNumber: query("NHS number"),
        givenName: query("Given name"),
        familyName: query("Family name"),
        dateOfBirth: str("Date of birth", "YYYY-MM-DD.", { format: "date" }),
      },
    },
    HeldTransferMatch: {
      type: "object",
      title: "Match",
      description:
        "A bundle held by another local authority that matches the query. Nothing about the child is returned: only a reference to request it " +
        "by, the confidence, who holds it and since when.",
      required: ["matchRef", "confidence", "holdingLaCode", "heldSince"],
      additionalProperties: false,
      properties: {
        matchRef: str("Match reference", "Opaque; only the local authority that asked can request with it.", {
          format: "uuid",
        }),
        confidence: CONFIDENCE,
        holdingLaCode: str(
          "Holding local authority",
          "The local authority whose unclaimed queue holds the bundle.",
          LA_CODE,
        ),
        heldSince: str("Held since", "The day the bundle entered the queue.", { format: "date" }),
      },
    },
    HeldTransferQueryResult: {
      type: "object",
      title: "Query result",
      description: "The query as sent, and the matches, best first (at most 20).",
      required: ["query", "matches"],
      additionalProperties: false,
      properties: {
        query: ref("HeldTransferQuery"),
        matches: { type: "array", title: "Matches", description: "Best first.", items: ref("HeldTransferMatch") },
        unanswered: {
          type: "array",
          title: "Not answered",
          description:
            "Local authorities on other servers (by the trust list) whose server did not answer in time: their queues were not searched, so ask again later.",
          items: str("Local authority", "Its code.", LA_CODE),
        },
      },
    },
    LaDecisionAnswer: {
      type: "object",
      title: "Answer to a decision",
      description:
        "The requesting local authority's server, told of the holding authority's decision: `refused` recorded, or the released bundle " +
        "`accepted` (verified and imported, or held for review) or `rejected` (with reason codes), as its inbox would answer.",
      required: ["decision"],
      additionalProperties: false,
      properties: {
        decision: {
          type: "string",
          enum: ["accepted", "rejected", "refused"],
          title: "Decision",
          description: "What came of it.",
        },
        reasons: {
          type: "array",
          title: "Reasons",
          description: "Why a released bundle was rejected (stable codes).",
          items: {
            type: "object",
            title: "Reason",
            description: "A reason code and message.",
            required: ["code", "message"],
            properties: { code: str("Code", "Stable reason code."), message: str("Message", "For people.") },
          },
        },
        receipt: str("Receipt", "The receipt signed by the requesting authority's key (compact JWS)."),
        delivery: {
          type: "string",
          enum: ["imported", "held-for-review"],
          title: "Delivery",
          description: "Where the released bundle went on the requesting side.",
        },
      },
    },
    LaTransferRequestBody: {
      type: "object",
      title: "Request for a held bundle",
      description: "Ask the holding local authority to release a matched bundle, saying why.",
      required: ["matchRef", "reason"],
      additionalProperties: false,
      properties: {
        matchRef: str("Match reference", "From the query result.", { format: "uuid" }),
        reason: text("Reason", "Why the asking local authority needs the records (kept with the request)."),
      },
    },
    LaTransferRequest: {
      type: "object",
      title: "Request between local authorities",
      description:
        "A request for a held bundle, as the requesting or the holding local authority sees it. Only the holding side sees `transferId`; only " +
        "the requesting side sees `childId` (its own record, after import).",
      required: [
        "id",
        "status",
        "confidence",
        "holdingLaCode",
        "requestingLaCode",
        "requestedBy",
        "requestedAt",
        "reason",
      ],
      additionalProperties: false,
      properties: {
        id: str("Id", "The request's id (its match reference).", { format: "uuid" }),
        status: {
          type: "string",
          enum: ["pending", "approved", "refused"],
          title: "Status",
          description: "Where the request is.",
        },
        confidence: CONFIDENCE,
        holdingLaCode: str("Holding local authority", "Decides the request.", LA_CODE),
        requestingLaCode: str("Requesting local authority", "Asked for the bundle.", LA_CODE),
        requestedBy: {
          type: "object",
          title: "Requested by",
          description: "The officer who asked.",
          required: ["subject"],
          additionalProperties: false,
          properties: { subject: str("Subject", "Token subject.") },
        },
        requestedAt: str("Requested at", "When.", { format: "date-time" }),
        reason: text("Reason", "Why the records are needed."),
        transferId: str("Transfer", "The holding side's transfer (holding side only).", { format: "uuid" }),
        decidedBy: {
          type: "object",
          title: "Decided by",
          description: "The holding LA's officer.",
          required: ["subject", "laCode"],
          additionalProperties: false,
          properties: {
            subject: str("Subject", "Token subject."),
            laCode: str("Local authority", "Their LA.", LA_CODE),
          },
        },
        decidedAt: str("Decided at", "When.", { format: "date-time" }),
        decisionReason: text("Decision reason", "Why (required for a refusal)."),
        delivery: {
          type: "string",
          enum: ["imported", "held-for-review"],
          title: "Delivery",
          description:
            "After approval: imported into the requesting LA's records, or held for its review because the child matched a record it cannot see.",
        },
        childId: str("Child", "The requesting LA's child record after import (requesting side only).", {
          format: "uuid",
        }),
      },
    },
    LaTransferRequestList: {
      type: "object",
      title: "Requests between local authorities",
      description: "Requests the caller's local authority holds (to decide) and made (to follow), newest first.",
      required: ["items"],
      additionalProperties: false,
      properties: {
        items: { type: "array", title: "Items", description: "Requests.", items: ref("LaTransferRequest") },
      },
    },
    LaTransferDecision: {
      type: "object",
      title: "Decision on a request",
      description:
        "The holding local authority approves (the bundle is released to the requester) or refuses, with a reason.",
      required: ["decision"],
      additionalProperties: false,
      properties: {
        decision: { type: "string", enum: ["approve", "refuse"], title: "Decision", description: "Approve or refuse." },
        reason: text("Reason", "Why; required when refusing."),
      },
    },
    TransferMetrics: {
      type: "object",
      title: "Transfer metrics",
      description:
        "Counts and durations over the transfers of the children the caller's local authority is responsible for, prepared within the period. No " +
        "child ids, names or identifiers.",
      required: ["laCode", "generatedAt", "period", "total", "bySetting", "byLocalAuthority"],
      additionalProperties: false,
      properties: {
        laCode: str("Local authority", "The caller's local authority.", LA_CODE),
        generatedAt: str("Generated at", "When the figures were computed.", { format: "date-time" }),
        period: {
          type: "object",
          title: "Period",
          description: "The period asked for (by the day each transfer was prepared).",
          additionalProperties: false,
          properties: {
            from: str("From", "Start, inclusive."),
            to: str("To", "End, inclusive (a date includes its whole day)."),
          },
        },
        total: group("All transfers"),
        bySetting: {
          type: "array",
          title: "By sending setting",
          description: "Per sending setting (URN), in URN order.",
          items: group("One setting's transfers", ["settingUrn", str("URN", "The sending setting.")]),
        },
        byLocalAuthority: {
          type: "array",
          title: "By local authority",
          description: "Per responsible local authority, in code order.",
          items: group("One local authority's transfers", [
            "laCode",
            str("Local authority", "The responsible LA.", LA_CODE),
          ]),
        },
      },
    },
  };
}
