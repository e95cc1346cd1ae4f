// Turns the SDK's validation result into the problem+json `errors[]` items the API returns (pointer, ruleId, detail),
// and checks the document is of the type the route stores.
import type { ValidateDocument } from "../deps.ts";
import type { ProblemErrorItem } from "../http/problems.ts";

export function documentErrors(validate: ValidateDocument, body: unknown, expectedType: string): ProblemErrorItem[] {
  if (body === null || typeof body !== "object" || Array.isArray(body)) {
    return [{ pointer: "", ruleId: "schema.type", message: "The body must be a JSON object (a document)." }];
  }
  const declared = (body as { documentType?: unknown }).documentType;
  if (declared !== expectedType) {
    return [
      {
        pointer: "/documentType",
        ruleId: "schema.document-type",
        message: `This address stores "${expectedType}" documents; the body declares ${JSON.stringify(declared ?? null)}.`,
      },
    ];
  }
  const result = validate(body);
  if (result.valid) return [];
  const items: ProblemErrorItem[] = result.errors.map((e) => ({
    pointer: e.pointer,
    ruleId: e.ruleId,
    message: e.message,
  }));
  for (const f of result.findings) {
    if (f.severity === "error") items.push({ pointer: f.pointer, ruleId: f.ruleId, message: f.message });
  }
  // valid === false guarantees at least one item; keep one in case a validator reports invalid without detail.
  return items.length > 0 ? items : [{ pointer: "", ruleId: "schema", message: "The document is not valid." }];
}
