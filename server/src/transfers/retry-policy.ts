// Whether a refusal is worth trying again, from the receipt-reasons code list (each code marked retryable or final).
// A refusal is retried only when every reason is retryable: one final reason means the sender must change something
// first. Reason items carry a receipt code, or a verification code that receiptReasonsFrom maps to one. Pure.
import receiptReasons from "../../../schemas/vocab/receipt-reasons.json" with { type: "json" };
import { receiptReasonsFrom } from "../../../sdk/src/bundle/index.ts";
import type { TransferReasonItem } from "./transfer-record.ts";

const RETRY = new Map(receiptReasons.codes.map((c) => [c.code, c.retry as "retryable" | "final"]));

/** The receipt-reasons code a reason item stands for ("other" when it names none). */
export function receiptCodeOf(item: TransferReasonItem): string {
  if (RETRY.has(item.code)) return item.code;
  return receiptReasonsFrom([{ code: item.code, message: item.message || item.code }])[0]!.code;
}

export function isRetryable(reasons: readonly TransferReasonItem[]): boolean {
  return reasons.length > 0 && reasons.every((r) => RETRY.get(receiptCodeOf(r)) === "retryable");
}
