// The steps of the transfer path as replaceable functions (app-parts.ts): production uses these; a caller of createApp
// may decorate one (the conformance self-test does, in server/test-support/faults), so the production code carries
// no branch for any variant.
import {
  packBundle,
  signIntegration,
  signReceipt,
  verifyBundle,
  verifyIntegration,
  verifyTrustList,
} from "../../../sdk/src/bundle/index.ts";
import { addresseeOf } from "./addressee.ts";
import { childDocuments } from "./assemble.ts";
import { matchChild } from "./import-bundle.ts";
import type { InboxOutcome } from "./inbox.ts";
import { selfAddressed } from "./receiver-tenancy.ts";
import { integrationOverdue } from "./school-days.ts";

export interface TransferParts {
  /** Whether a transfer's sender is its receiver (refused on both sides). */
  selfAddressed: typeof selfAddressed;
  /** Finds the receiver's own record of a bundle's child (import-bundle.ts). */
  matchChild: typeof matchChild;
  /** Verifies (and decrypts) an incoming bundle. */
  verify: typeof verifyBundle;
  /** Verifies a trust-list issue against the anchor (and the held issue's sequence). */
  verifyTrustList: typeof verifyTrustList;
  /** Where a bundle addressed to a setting goes, by the signed trust list (addressee.ts). */
  addressee: typeof addresseeOf;
  /** Signs the inbox's receipt. */
  signReceipt: (...args: Parameters<typeof signReceipt>) => Promise<string>;
  /** The answer to a bundle id imported before (a replay or a conflict); undefined imports it again. */
  answerReplay(earlier: InboxOutcome): InboxOutcome | undefined;
  /** The child's documents the caller may send. */
  childDocuments: typeof childDocuments;
  packBundle: typeof packBundle;
  /** What the sender keeps of the receiver's receipt. */
  keepReceipt(receipt: string | undefined): string | undefined;
  /** Signs the receiver's integration acknowledgement. */
  signIntegration: (...args: Parameters<typeof signIntegration>) => Promise<string>;
  /** Verifies an integration acknowledgement the sender receives. */
  verifyIntegration: typeof verifyIntegration;
  /** Whether a received transfer is overdue for integration (school-days.ts). */
  integrationOverdue: typeof integrationOverdue;
}

export const PRODUCTION_TRANSFER_PARTS: TransferParts = {
  selfAddressed,
  matchChild,
  verify: verifyBundle,
  verifyTrustList,
  addressee: addresseeOf,
  signReceipt: async (...args) => (await signReceipt(...args)) as string,
  answerReplay: (earlier) => earlier,
  childDocuments,
  packBundle,
  keepReceipt: (receipt) => receipt,
  signIntegration: async (...args) => (await signIntegration(...args)) as string,
  verifyIntegration,
  integrationOverdue,
};
