// Every conformance test, in report order. A test's id is its identity: see conformance/ids.lock.
import type { TestDef } from "../model.ts";
import { API_CORE_TESTS } from "./api-core.ts";
import { DOCUMENT_TESTS } from "./documents.ts";
import { SECURITY_TESTS } from "./security.ts";
import { API_PROTOCOL_TESTS } from "./api-core-protocol.ts";
import { SECURITY_VIEW_TESTS } from "./security-views.ts";
import { TRANSFER_SENDER_TESTS } from "./transfer-sender.ts";
import { TRANSFER_RECEIVER_TESTS } from "./transfer-receiver.ts";
import { TRANSFER_MATCHING_TESTS } from "./transfer-matching.ts";
import { TRANSFER_OVERSIGHT_TESTS } from "./transfer-oversight.ts";
import { TRUST_RECEIVER_TESTS, TRUST_SENDER_TESTS } from "./transfer-trust.ts";

export const ALL_TESTS: readonly TestDef[] = [
  ...DOCUMENT_TESTS,
  ...API_CORE_TESTS,
  ...API_PROTOCOL_TESTS,
  ...SECURITY_TESTS,
  ...SECURITY_VIEW_TESTS,
  ...TRANSFER_SENDER_TESTS,
  ...TRUST_SENDER_TESTS,
  ...TRANSFER_RECEIVER_TESTS,
  ...TRANSFER_MATCHING_TESTS,
  ...TRANSFER_OVERSIGHT_TESTS,
  ...TRUST_RECEIVER_TESTS,
];

/** Profiles this version of the suite implements tests for. */
export const IMPLEMENTED_PROFILES = [
  "documents",
  "api-core",
  "security",
  "transfer-sender",
  "transfer-receiver",
] as const;
