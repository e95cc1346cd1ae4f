// API schemas of the trust-list operations (spec/routes.ts, tag Transfers): a signed trust list as published to a
// server, and the server's summary of the list it holds. The list itself is the standard's TrustList (schemas/).
import type { SchemaObject } from "openapi3-ts/oas31";

const str = (title: string, description: string, extra: SchemaObject = {}): SchemaObject => ({
  type: "string",
  title,
  description,
  ...extra,
});

export function trustApiSchemas(): Record<string, SchemaObject> {
  return {
    SignedTrustListBody: {
      type: "object",
      title: "Signed trust list",
      description:
        "A trust list (schemas/trust-list.schema.json) signed by the trust anchor as a compact JWS (ES256, typ `send-trust-list+json`).",
      required: ["trustList"],
      additionalProperties: false,
      properties: {
        trustList: str("Trust list", "The compact JWS.", {
          pattern: "^[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+$",
          maxLength: 8_000_000,
        }),
      },
    },
    TrustListStatus: {
      type: "object",
      title: "Trust list held",
      description: "The trust list this server believes: its issue, its issuer, how many entries and revocations.",
      required: ["trustList", "sequence", "issuedAt", "nextUpdate", "issuer", "entryCount", "revocationCount"],
      additionalProperties: false,
      properties: {
        trustList: str("Trust list", "The compact JWS as the anchor signed it (anyone can verify it again)."),
        sequence: { type: "integer", title: "Sequence", description: "The list's issue number." },
        issuedAt: str("Issued at", "When the anchor signed this issue.", { format: "date-time" }),
        nextUpdate: str("Next update", "When the anchor's next issue is due.", { format: "date-time" }),
        issuer: {
          type: "object",
          title: "Issuer",
          description: "The trust anchor.",
          required: ["name", "kid"],
          properties: { name: str("Name", "The anchor's name."), kid: str("Key id", "The anchor key's kid.") },
        },
        entryCount: { type: "integer", title: "Entries", description: "How many settings and authorities it lists." },
        revocationCount: { type: "integer", title: "Revocations", description: "How many keys it revokes." },
      },
    },
  };
}
