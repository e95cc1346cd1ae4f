/* generated from schemas/ by npm run generate — do not edit */
import type { ErrorObject } from "ajv";

/** A precompiled ajv validator: returns true when valid; otherwise `errors` holds ajv's error objects. */
export interface StandaloneValidator {
  (data: unknown): boolean;
  errors?: ErrorObject[] | null;
}

declare const validators: {
  "isp": StandaloneValidator;
  "ehcp": StandaloneValidator;
  "legacy-ehcp": StandaloneValidator;
  "spp": StandaloneValidator;
  "development-profile": StandaloneValidator;
  "transfer-bundle": StandaloneValidator;
  "transfer-receipt": StandaloneValidator;
};
export = validators;
