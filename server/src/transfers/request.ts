// The body of POST /children/{childId}/transfers, checked by hand (small, closed): receiver (URN or UKPRN, or
// unknownDestination), reason (transfer-reasons code), and options. Pure; returns problems with pointers.
import transferReasons from "../../../schemas/vocab/transfer-reasons.json" with { type: "json" };
import { SHARING_LABELS } from "../../../sdk/src/bundle/index.ts";
import type { ProblemErrorItem } from "../http/problems.ts";

export interface TransferRequest {
  receiver: { urn?: string; ukprn?: string; unknownDestination?: boolean };
  reason: string;
  includeVersionHistory: boolean;
  encrypt: boolean;
  sharing: { purpose: string; include?: string[]; lawfulBasis?: string };
  expiresInDays?: number;
}

const REASONS = new Set(transferReasons.codes.map((c) => c.code));
const isObj = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === "object" && !Array.isArray(v);

export function parseTransferRequest(body: unknown): { request?: TransferRequest; errors: ProblemErrorItem[] } {
  const errors: ProblemErrorItem[] = [];
  const err = (pointer: string, message: string) => errors.push({ pointer, ruleId: "api.transfer-request", message });
  if (!isObj(body))
    return { errors: [{ pointer: "", ruleId: "api.transfer-request", message: "The body must be an object." }] };
  for (const k of Object.keys(body))
    if (!["receiver", "reason", "includeVersionHistory", "encrypt", "sharing", "expiresInDays"].includes(k))
      err(`/${k}`, `Unknown member ${k}.`);
  const r = body.receiver;
  const receiver: TransferRequest["receiver"] = {};
  if (!isObj(r)) err("/receiver", "receiver must be {urn}, {ukprn} or {unknownDestination: true}.");
  else {
    for (const k of Object.keys(r))
      if (!["urn", "ukprn", "unknownDestination"].includes(k)) err(`/receiver/${k}`, `Unknown member ${k}.`);
    if (r.urn !== undefined)
      if (typeof r.urn === "string" && /^\d{6,7}$/.test(r.urn)) receiver.urn = r.urn;
      else err("/receiver/urn", "urn must be a 6 or 7 digit URN.");
    if (r.ukprn !== undefined)
      if (typeof r.ukprn === "string" && /^1\d{7}$/.test(r.ukprn)) receiver.ukprn = r.ukprn;
      else err("/receiver/ukprn", "ukprn must be 8 digits starting with 1.");
    if (r.unknownDestination !== undefined)
      if (typeof r.unknownDestination === "boolean") receiver.unknownDestination = r.unknownDestination;
      else err("/receiver/unknownDestination", "unknownDestination must be a boolean.");
    const named = receiver.urn !== undefined || receiver.ukprn !== undefined;
    if (named === (receiver.unknownDestination === true))
      err("/receiver", "Name the receiver by urn or ukprn, or set unknownDestination: true (not both).");
  }
  if (typeof body.reason !== "string" || !REASONS.has(body.reason))
    err("/reason", `reason must be one of ${[...REASONS].join(", ")}.`);
  for (const k of ["includeVersionHistory", "encrypt"] as const)
    if (body[k] !== undefined && typeof body[k] !== "boolean") err(`/${k}`, `${k} must be a boolean.`);
  let sharing: TransferRequest["sharing"] = { purpose: "Transfer of the child's plan to their next setting" };
  if (body.sharing !== undefined) {
    const s = body.sharing;
    if (!isObj(s)) err("/sharing", "sharing must be an object.");
    else {
      for (const k of Object.keys(s))
        if (!["purpose", "include", "lawfulBasis"].includes(k)) err(`/sharing/${k}`, `Unknown member ${k}.`);
      if (s.purpose !== undefined && (typeof s.purpose !== "string" || s.purpose.length < 1 || s.purpose.length > 500))
        err("/sharing/purpose", "purpose is 1 to 500 characters.");
      if (
        s.lawfulBasis !== undefined &&
        (typeof s.lawfulBasis !== "string" || s.lawfulBasis.length < 1 || s.lawfulBasis.length > 500)
      )
        err("/sharing/lawfulBasis", "lawfulBasis is 1 to 500 characters.");
      if (
        s.include !== undefined &&
        (!Array.isArray(s.include) ||
          !s.include.every((l) => typeof l === "string" && (SHARING_LABELS as readonly string[]).includes(l)))
      ) {
        err("/sharing/include", `include lists sharing labels: ${SHARING_LABELS.join(", ")}.`);
      }
      sharing = {
        purpose: typeof s.purpose === "string" ? s.purpose : sharing.purpose,
        ...(Array.isArray(s.include) ? { include: s.include as string[] } : {}),
        ...(typeof s.lawfulBasis === "string" ? { lawfulBasis: s.lawfulBasis } : {}),
      };
    }
  }
  if (
    body.expiresInDays !== undefined &&
    !(
      Number.isInteger(body.expiresInDays) &&
      (body.expiresInDays as number) >= 1 &&
      (body.expiresInDays as number) <= 365
    )
  ) {
    err("/expiresInDays", "expiresInDays is a whole number from 1 to 365.");
  }
  if (errors.length > 0) return { errors };
  return {
    errors,
    request: {
      receiver,
      reason: body.reason as string,
      includeVersionHistory: body.includeVersionHistory === true,
      encrypt: body.encrypt === true,
      sharing,
      ...(typeof body.expiresInDays === "number" ? { expiresInDays: body.expiresInDays } : {}),
    },
  };
}
