// Pushes a prepared bundle to the receiver's inbox and moves the transfer's lifecycle on from the answer:
// a receipt (verified against the receiver's trusted key, for this bundle id and digest) → received → accepted or
// rejected. Network errors, 5xx and 429 are retried with bounded exponential backoff (with jitter); other answers
// are final. A receiver hosted by this same server is delivered to in-process.
import { verifyReceipt } from "../../../sdk/src/bundle/index.ts";
import type { TransferConfig } from "./config.ts";
import { boundedFetch, isLoopbackHost, outboundUrlProblem, type BoundedResponse } from "./outbound.ts";
import type { InboxOutcome } from "./inbox.ts";
import type { TransferReasonItem } from "./transfer-record.ts";
import type { TrustList } from "./trust.ts";

export type DeliveryAnswer =
  | {
      final: true;
      decision: "accepted" | "rejected";
      reasons: TransferReasonItem[];
      receipt?: string;
      receivedAt?: string;
    }
  | { final: false; error: string };

/** The most of an inbox's answer read (a receipt and a problem body are a few KiB). */
export const MAX_INBOX_ANSWER_BYTES = 256 * 1024;

export function backoffDelay(
  attempt: number,
  d: TransferConfig["delivery"],
  random: () => number = Math.random,
): number {
  const exp = Math.min(d.maxDelayMs, d.baseDelayMs * 2 ** attempt);
  return Math.round(exp / 2 + (random() * exp) / 2);
}

/** One delivery attempt over HTTP. */
export async function pushOnce(
  config: TransferConfig,
  trust: TrustList,
  inboxUrl: string,
  signedBundle: string,
  expect: { bundleId: string; digest: string },
  fetchImpl: typeof fetch = fetch,
): Promise<DeliveryAnswer> {
  const url = new URL(inboxUrl);
  if (config.loopbackOnly && !isLoopbackHost(url.hostname))
    return {
      final: true,
      decision: "rejected",
      reasons: [
        {
          code: "delivery.not-loopback",
          message: `Delivery to ${url.hostname} is not allowed: this server delivers to loopback only.`,
        },
      ],
    };
  const refused = outboundUrlProblem(url);
  if (refused)
    return { final: true, decision: "rejected", reasons: [{ code: "delivery.url-not-allowed", message: refused }] };
  let res: BoundedResponse;
  try {
    res = await boundedFetch(
      fetchImpl,
      url,
      {
        method: "POST",
        headers: { "content-type": "application/jose", accept: "application/json" },
        body: signedBundle,
      },
      { maxBytes: MAX_INBOX_ANSWER_BYTES, timeoutMs: config.delivery.timeoutMs },
    );
  } catch (err) {
    return { final: false, error: err instanceof Error ? err.message : String(err) };
  }
  const text = res.text;
  if (res.status >= 500 || res.status === 429 || res.status === 408)
    return { final: false, error: `HTTP ${res.status}` };
  let body: Record<string, unknown> = {};
  try {
    body = JSON.parse(text) as Record<string, unknown>;
  } catch {
    return { final: false, error: `HTTP ${res.status} with a body that is not JSON` };
  }
  if (res.status === 409)
    return {
      final: true,
      decision: "rejected",
      reasons: [
        {
          code: "receipt.duplicate-bundle",
          message: String(body.detail ?? "The receiver already holds a different bundle with this id."),
        },
      ],
    };
  const receipt = typeof body.receipt === "string" ? body.receipt : undefined;
  if (receipt) {
    const checked = await verifyReceipt(receipt, {
      trustedKeys: trust.resolve,
      expectedBundleId: expect.bundleId,
      ...(res.ok ? { expectedDigest: expect.digest } : {}),
    });
    if (!checked.ok)
      return { final: false, error: `receipt not trusted: ${checked.reasons.map((r) => r.code).join(", ")}` };
    const reasons: TransferReasonItem[] = checked.receipt.reasons.map((r) => ({
      code: r.ruleId ?? r.code,
      message: r.message,
      ...(r.pointer ? { pointer: r.pointer } : {}),
    }));
    return {
      final: true,
      decision: checked.receipt.decision,
      reasons,
      receipt,
      receivedAt: checked.receipt.receivedAt,
    };
  }
  if (res.status === 422 || res.status === 400 || res.status === 415 || res.status === 413) {
    const errors = Array.isArray(body.errors) ? (body.errors as { ruleId?: string; message?: string }[]) : [];
    return {
      final: true,
      decision: "rejected",
      reasons: errors.length
        ? errors.map((e) => ({ code: String(e.ruleId ?? "rejected"), message: String(e.message ?? "") }))
        : [{ code: "rejected", message: String(body.detail ?? `HTTP ${res.status}`) }],
    };
  }
  return { final: false, error: `HTTP ${res.status} without a receipt` };
}

/** In-process delivery to a receiver this server hosts: the same inbox, the same receipt. */
export function answerFromOutcome(outcome: InboxOutcome, now: string): DeliveryAnswer {
  switch (outcome.kind) {
    case "accepted":
      return {
        final: true,
        decision: "accepted",
        reasons: [],
        receipt: outcome.record.receipt,
        receivedAt: outcome.record.receivedAt,
      };
    case "conflict":
      return {
        final: true,
        decision: "rejected",
        reasons: [{ code: "receipt.duplicate-bundle", message: outcome.detail }],
      };
    case "rejected":
      return {
        final: true,
        decision: "rejected",
        reasons: outcome.reasons,
        ...(outcome.receipt ? { receipt: outcome.receipt } : {}),
        receivedAt: now,
      };
  }
}
