// The API's envelope types, re-exported from sdk/generated/api-types.ts (compiled from spec/api-schemas.ts by
// `npm run generate`), under the names the client has always exported. Nothing here declares a shape of its own.
import type { Finding, TransferSummary } from "../../generated/api-types.ts";

export type * from "../../generated/api-types.ts";
export type { ChildRecord, SettingEntry } from "../../generated/types.ts";

/** A schema error or quality-rule finding in a validation report (components/schemas/Finding). */
export type ReportFinding = Finding;

/** Why a receiver rejected a bundle: one entry of a transfer's `reasons`. */
export type TransferReasonItem = NonNullable<TransferSummary["reasons"]>[number];
