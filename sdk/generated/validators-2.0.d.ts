/* generated from schemas/ by npm run generate — do not edit */
import type { ErrorObject } from "ajv";

/** A precompiled ajv validator: returns true when valid; otherwise `errors` holds ajv's error objects. */
export interface StandaloneValidator {
  (data: unknown): boolean;
  errors?: ErrorObject[] | null;
}

/** documentType → precompiled validator. */
export declare const validators: {
  readonly "isp": StandaloneValidator;
  readonly "ehcp": StandaloneValidator;
  readonly "legacy-ehcp": StandaloneValidator;
  readonly "spp": StandaloneValidator;
  readonly "development-profile": StandaloneValidator;
  readonly "transfer-bundle": StandaloneValidator;
  readonly "transfer-receipt": StandaloneValidator;
  readonly "trust-list": StandaloneValidator;
};
