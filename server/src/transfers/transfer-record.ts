// The transfer record a sending server keeps for each bundle it sends, and the import record a receiving server
// keeps for each bundle it imports. Both are stored as versioned resources (storage/transfer-store.ts): each
// lifecycle step is a new version, so the history of a transfer is its version list.
import type { VerifyReason } from "../../../sdk/src/bundle/index.ts";

/**
 * prepared → sent → received → accepted | rejected; an unknown-destination bundle ends claimed after it is accepted.
 * After accepted, the receiver's signed integration acknowledgement moves it to integrated or not-integrated (GP2GP's
 * second stage). A bundle never delivered ends expired (MESH). Escalation is a flag, not a status: the transfer is
 * still waiting for integration.
 */
export type TransferStatus =
  | "prepared"
  | "sent"
  | "received"
  | "accepted"
  | "rejected"
  | "claimed"
  | "integrated"
  | "not-integrated"
  | "expired";

/** What the receiving setting said about taking the plan into use, as its signed acknowledgement says. */
export interface IntegrationRecord {
  outcome: "integrated" | "not-integrated";
  /** not-integrated-reasons code. */
  reason?: string;
  note?: string;
  /** When the receiver's staff recorded it (the acknowledgement's recordedAt). */
  recordedAt: string;
  /** The member of staff's display name. */
  recordedBy: string;
  /** When this server received and verified the acknowledgement. */
  acknowledgedAt: string;
  /** The signed acknowledgement (compact JWS). */
  acknowledgement: string;
}

export interface TransferReasonItem {
  code: string;
  message: string;
  pointer?: string;
}

export interface TransferReceiverRef {
  urn?: string;
  ukprn?: string;
  name?: string;
  laCode?: string;
  unknownDestination: boolean;
}

export interface TransferRecord {
  id: string; // = bundle id
  direction: "outgoing";
  childId: string;
  status: TransferStatus;
  reason: string; // transfer-reasons code
  sender: { settingUrn?: string; laCode?: string; name?: string; kid: string };
  receiver: TransferReceiverRef;
  /** The local authority that may claim an unknown-destination bundle: the child's responsible LA. */
  responsibleLaCode?: string;
  includeVersionHistory: boolean;
  encrypted: boolean;
  bundleDigest: string; // SHA-256 hex of the canonical signed payload
  documents: { documentType: string; id: string }[];
  redactionCount: number;
  sharing: { purpose: string; labelsIncluded: string[]; labelsExcluded: string[] };
  /** When each status was reached (ISO instants). */
  timestamps: Partial<Record<TransferStatus, string>>;
  /** Why the receiver rejected it (or why delivery gave up). */
  reasons: TransferReasonItem[];
  /** The receiver's signed receipt (compact JWS), once one came back. */
  receipt?: string;
  claimedBy?: { laCode: string; subject: string };
  /** The second stage: the receiver's integration acknowledgement, once one came back. */
  integration?: IntegrationRecord;
  /** "integrated" or "not-integrated", with integration.outcome (for metrics: time to integration). */
  integrationOutcome?: IntegrationRecord["outcome"];
  /** When the receiver recorded the plan as integrated (absent when not integrated). */
  integratedAt?: string;
  /** The last date (England) by which integration was due: escalation.schoolDays school days after receipt. */
  integrationDueBy?: string;
  /** Set when the transfer was received but not integrated by integrationDueBy; the LA is told. */
  escalated?: boolean;
  escalatedAt?: string;
  delivery: { attempts: number; lastAttemptAt?: string; lastError?: string; gaveUp?: boolean; inboxUrl?: string };
  /** What was sent: a compact JWS (or JWE when encrypted). */
  signedBundle: string;
}

/** The receiver's own record of the integration it recorded, and the delivery of its acknowledgement to the sender. */
export interface ReceiverIntegration {
  outcome: IntegrationRecord["outcome"];
  reason?: string;
  note?: string;
  recordedAt: string;
  recordedBy: { subject: string; displayName: string; role: string };
  acknowledgement: string;
  delivery: {
    attempts: number;
    url?: string;
    lastAttemptAt?: string;
    lastError?: string;
    deliveredAt?: string;
    gaveUp?: boolean;
  };
}

export interface ImportRecord {
  bundleId: string;
  digest: string; // SHA-256 hex of the canonical signed payload
  /** held: waiting for the receiver's review (nothing imported yet); declined: the reviewer refused it. */
  decision: "accepted" | "rejected" | "held" | "declined";
  reasons: TransferReasonItem[];
  receipt: string; // compact JWS
  receivedAt: string;
  /** The child the documents were filed under (absent while held, and when declined). */
  childId?: string;
  receiver: { settingUrn?: string; laCode?: string };
  senderKid: string;
  documents: { documentType: string; id: string; version: number; bundleDocumentId?: string }[];
  /** Bundle document id → local id, for documents whose id was taken by a record outside the receiver's tenancy. */
  localIds?: Record<string, string>;
  /** Why the bundle was held and what the reviewer decided. */
  review?: ImportReview;
  /** What the receiving staff recorded about taking the plan into use, and the delivery of that acknowledgement. */
  integration?: ReceiverIntegration;
  /** The received bundle with its receiver-side fields (status, receivedAt), so the sender's history stays readable. */
  bundle: unknown;
}

export interface ImportReview {
  status: "pending" | "imported" | "declined";
  /** Which identifier kinds (upn, uln, nhs) matched a child record outside the receiver's tenancy. */
  matchedIdentifiers: string[];
  /** The matched records: kept for the audit trail, never shown to the receiver. */
  foreignChildIds: string[];
  decidedBy?: { subject: string; role: string };
  decidedAt?: string;
  note?: string;
}

export const toReasonItems = (reasons: readonly VerifyReason[]): TransferReasonItem[] =>
  reasons.map((r) => ({
    code: r.code,
    message: r.message,
    ...(r.pointer !== undefined ? { pointer: r.pointer } : {}),
  }));

const day = (iso: string | undefined): string =>
  iso
    ? new Date(iso).toLocaleDateString("en-GB", {
        day: "numeric",
        month: "long",
        year: "numeric",
        timeZone: "Europe/London",
      })
    : "";

/** The status in plain words for a parent or carer: where the records went, and whether they arrived. */
export function plainStatus(t: TransferRecord): string {
  const where = t.receiver.unknownDestination
    ? "the local authority, because the new school is not known yet"
    : (t.receiver.name ?? `the setting with URN ${t.receiver.urn ?? t.receiver.ukprn}`);
  const ts = t.timestamps;
  switch (t.status) {
    case "prepared":
      return `Your child's records have been prepared to send to ${where} (${day(ts.prepared)}). They have not been sent yet.`;
    case "sent":
      return t.receiver.unknownDestination
        ? `Your child's records were made ready on ${day(ts.sent)} for the local authority to collect when it knows your child's new school.`
        : `Your child's records were sent to ${where} on ${day(ts.sent)}. We are waiting for them to confirm they have them.`;
    case "received":
      return `${cap(where)} received your child's records on ${day(ts.received)} and is checking them.`;
    case "accepted":
      return `${cap(where)} received and accepted your child's records on ${day(ts.accepted)}. They now look after your child's plan.`;
    case "rejected":
      return `${cap(where)} could not accept your child's records (${day(ts.rejected)}). The school that sent them has been told why and will put it right.`;
    case "claimed":
      return `The local authority collected your child's records on ${day(ts.claimed)} and now looks after them until your child's new school is known.`;
    case "integrated":
      return `${cap(where)} started using your child's plan on ${day(t.integratedAt ?? ts.integrated)}. It is now the plan they work from.`;
    case "not-integrated":
      return (
        `${cap(where)} received your child's records but has not started using the plan (${day(ts["not-integrated"])}). The ` +
        `school that sent them and the local authority have been told why.`
      );
    case "expired":
      return (
        `Your child's records could not be delivered to ${where} and the attempt ended on ${day(ts.expired)}. The school that ` +
        `sent them has been told and will try again another way.`
      );
  }
}

const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** The summary shown in lists and to parents: no bundle, no receipt, no keys. */
export function transferSummary(t: TransferRecord): Record<string, unknown> {
  return {
    id: t.id,
    childId: t.childId,
    status: t.status,
    statusText: plainStatus(t),
    reason: t.reason,
    sender: { settingUrn: t.sender.settingUrn, laCode: t.sender.laCode, name: t.sender.name },
    receiver: t.receiver,
    timestamps: t.timestamps,
    reasons: t.reasons,
    ...(t.integration
      ? {
          integration: {
            outcome: t.integration.outcome,
            recordedAt: t.integration.recordedAt,
            recordedBy: t.integration.recordedBy,
            ...(t.integration.reason ? { reason: t.integration.reason } : {}),
            ...(t.integration.note ? { note: t.integration.note } : {}),
          },
        }
      : {}),
    ...(t.integrationOutcome ? { integrationOutcome: t.integrationOutcome } : {}),
    ...(t.integratedAt ? { integratedAt: t.integratedAt } : {}),
    ...(t.integrationDueBy ? { integrationDueBy: t.integrationDueBy } : {}),
    ...(t.escalated ? { escalated: true, escalatedAt: t.escalatedAt } : {}),
  };
}
