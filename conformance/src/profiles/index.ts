// Every conformance test, in report order. A test's id is its identity: see conformance/ids.lock.
import type { TestDef } from "../model.ts";
import { API_CORE_TESTS } from "./api-core.ts";
import { DOCUMENT_TESTS } from "./documents.ts";
import { SECURITY_TESTS } from "./security.ts";

export const ALL_TESTS: readonly TestDef[] = [...DOCUMENT_TESTS, ...API_CORE_TESTS, ...SECURITY_TESTS];

/** Profiles this version of the suite implements tests for. */
export const IMPLEMENTED_PROFILES = ["documents", "api-core", "security"] as const;
