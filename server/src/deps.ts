// What handlers need from outside: the store, a clock, the document validator, where the spec artefacts are, and the
// access policy and resource configuration (app-parts.ts).
import type { Store } from "./storage/store.ts";
import type { ValidationResult } from "../../sdk/src/validate/result.ts";
import type { TransferService } from "./transfers/service.ts";
import type { AccessPolicy, AppParts } from "./app-parts.ts";

export type ValidateDocument = (document: unknown) => ValidationResult;

export interface AppDeps {
  store: Store;
  clock: () => Date;
  validate: ValidateDocument;
  /** Path of the OpenAPI JSON file served at /openapi.json. */
  openapiPath: string;
  /** Path of the self-contained HTML docs served at /docs. */
  docsPath: string;
  /** Record-level access: tenancy and the views each role receives. */
  access: AccessPolicy;
  /** The configuration each stored kind is served with. */
  resource: AppParts["resource"];
  /** Transfer keys, trust list, inbox and delivery (transfers/service.ts). */
  transfers: TransferService;
}
