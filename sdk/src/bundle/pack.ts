// Builds a transfer bundle (transfer-bundle.schema.json) from a child's documents: sharing labels applied and every
// redaction recorded, one contents entry per document with its SHA-256 digest over RFC 8785 canonical JSON.
// Signing and encryption live in sign.ts and encrypt.ts.
import type {
  LocalAuthority,
  Provenance,
  Setting,
  SppReference,
  SystemInfo,
  TransferBundle,
  TransferReason,
} from "../../generated/types.ts";
import { validate } from "../validate/validate.ts";
import type { Issue } from "../validate/result.ts";
import { bundleRuleErrors } from "./document-rules.ts";
import { sha256Digest, sortedKeysCopy } from "./canonical.ts";
import { applySharing, DEFAULT_INCLUDED_LABELS, SHARING_LABELS, type Redaction } from "./sharing.ts";

export type { TransferBundle } from "../../generated/types.ts";

export const EMBEDDABLE_TYPES = ["isp", "ehcp", "legacy-ehcp", "development-profile"] as const;
export type EmbeddableType = (typeof EMBEDDABLE_TYPES)[number];

export interface PackInput {
  /** ISP, EHCP, legacy EHCP and areas-of-development profile documents, each schema-valid. */
  documents: readonly unknown[];
  sender: { system: SystemInfo; setting?: Setting; localAuthority?: LocalAuthority };
  /** The receiving setting and/or local authority; omit and set unknownDestination for the "lost pupil" case. */
  receiver?: { setting?: Setting; localAuthority?: LocalAuthority };
  unknownDestination?: boolean;
  reason: TransferReason;
  sppReferences?: SppReference[];
  sharing: { purpose: string; include?: readonly string[]; lawfulBasis?: string };
  /** ISO date-time; part of the signed content, so pass it explicitly for reproducible bundles. */
  createdAt: string;
  /** UUID of the bundle (root id and manifest.bundleId). */
  bundleId: string;
  expiresAt?: string;
  /** Who assembled the bundle; defaults to the sending system. */
  createdBy?: Provenance["createdBy"];
}

/** Thrown by packBundle when its input cannot make a valid bundle; `issues` says why, with pointers. */
export class PackError extends Error {
  constructor(
    message: string,
    readonly issues: Issue[] = [],
  ) {
    super(
      issues.length === 0
        ? message
        : `${message}: ${issues
            .slice(0, 5)
            .map((i) => `${i.pointer || "/"} ${i.message}`)
            .join("; ")}`,
    );
    this.name = "PackError";
  }
}

function isEmbeddable(value: unknown): value is { documentType: EmbeddableType; id: string; schemaVersion: "1.0" } {
  if (typeof value !== "object" || value === null) return false;
  const type = (value as { documentType?: unknown }).documentType;
  return typeof type === "string" && (EMBEDDABLE_TYPES as readonly string[]).includes(type);
}

export async function packBundle(input: PackInput): Promise<TransferBundle> {
  if (input.documents.length === 0) throw new PackError("a bundle needs at least one document");
  if (input.unknownDestination && input.receiver?.setting)
    throw new PackError("a bundle for an unknown destination cannot name a receiving setting");
  if (!input.unknownDestination && !input.receiver?.setting && !input.receiver?.localAuthority) {
    throw new PackError("name a receiving setting or local authority, or set unknownDestination");
  }
  const include = [...new Set(input.sharing.include ?? DEFAULT_INCLUDED_LABELS)];
  const unknownLabels = include.filter((label) => !(SHARING_LABELS as readonly string[]).includes(label));
  if (unknownLabels.length > 0) throw new PackError(`unknown sharing labels: ${unknownLabels.join(", ")}`);

  const documents: unknown[] = [];
  const contents: TransferBundle["contents"] = [];
  const redactions: Redaction[] = [];
  for (const [index, original] of input.documents.entries()) {
    if (!isEmbeddable(original))
      throw new PackError(
        `document ${index} is not an ISP, EHCP, legacy EHCP or areas-of-development profile (SPPs travel by reference)`,
      );
    const shared = applySharing(original, { include, purpose: input.sharing.purpose });
    documents.push(shared.document);
    redactions.push(...shared.redactions);
    contents.push({
      path: `/documents/${index}`,
      documentId: original.id,
      documentType: original.documentType,
      mediaType: "application/json",
      schemaVersion: original.schemaVersion,
      digest: await sha256Digest(shared.document),
    });
  }

  const receiver: TransferBundle["manifest"]["receiver"] = { destinationUnknown: input.unknownDestination === true };
  if (input.receiver?.setting) receiver.setting = input.receiver.setting;
  if (input.receiver?.localAuthority) receiver.localAuthority = input.receiver.localAuthority;
  const sender: TransferBundle["manifest"]["sender"] = { system: input.sender.system };
  if (input.sender.setting) sender.setting = input.sender.setting;
  if (input.sender.localAuthority) sender.localAuthority = input.sender.localAuthority;
  const sharingApplied: TransferBundle["sharingApplied"] = {
    purpose: input.sharing.purpose,
    labelsIncluded: include as TransferBundle["sharingApplied"]["labelsIncluded"],
    labelsExcluded: SHARING_LABELS.filter((label) => !include.includes(label)),
  };
  if (input.sharing.lawfulBasis !== undefined) sharingApplied.lawfulBasis = input.sharing.lawfulBasis;

  let bundle: TransferBundle = {
    documentType: "transfer-bundle",
    schemaVersion: "1.0",
    id: input.bundleId,
    provenance: {
      createdBy: input.createdBy ?? { personType: "system", displayName: input.sender.system.name },
      createdAt: input.createdAt,
      system: input.sender.system,
    },
    manifest: { bundleId: input.bundleId, createdAt: input.createdAt, sender, receiver, reason: input.reason },
    contents,
    sharingApplied,
    redactions: redactions.map((r) => ({
      documentId: r.documentId,
      pointer: r.pointer,
      label: r.label,
      reason: r.reason,
    })) as TransferBundle["redactions"],
    documents: documents as TransferBundle["documents"],
  };
  if (input.expiresAt !== undefined) bundle.manifest.expiresAt = input.expiresAt;
  if (input.sppReferences !== undefined && input.sppReferences.length > 0) bundle.sppReferences = input.sppReferences;

  // The envelope in sorted key order around the documents (already in it, from applySharing): signing then writes the
  // whole bundle with one JSON.stringify (canonical-json.ts).
  bundle = sortedKeysCopy(bundle, "documents");

  // One schema pass covers the envelope and every embedded document (the bundle schema embeds their schemas);
  // the documents' quality rules then run directly, so no document is schema-checked twice.
  const result = validate(bundle, { schemaOnly: true });
  if (result.errors.length > 0) {
    throw new PackError(
      "the bundle is not schema-valid (check the documents, and whether sharing labels withheld a required section)",
      result.errors,
    );
  }
  // The digests in contents were computed just above over these very documents, so the bundle-digests rule family
  // (which would re-hash each one with the pure-JS SHA-256) is skipped when they cover every entry exactly.
  const ruleErrors = bundleRuleErrors(
    bundle as unknown as { documents: unknown[] },
    (index) => contents[index]?.digest.value,
  );
  if (ruleErrors.length > 0) throw new PackError("an embedded document has quality-rule errors", ruleErrors);
  return bundle;
}

/** The bundle without receiver-side fields (status, receivedAt): the exact value that is signed and digested. */
export function stripReceiverSide<T extends object>(bundle: T): T {
  const copy = { ...bundle } as Record<string, unknown>;
  delete copy["status"];
  delete copy["receivedAt"];
  return copy as T;
}
