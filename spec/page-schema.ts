// The one definition of a page of a list (items plus `nextCursor`), used by every list operation's response schema.
import type { SchemaObject } from "openapi3-ts/oas31";

export const ref = (name: string): SchemaObject => ({ $ref: `#/components/schemas/${name}` });

/** A page of `item`s; `description` replaces the standard one where a list needs more said. */
export const page = (item: string, what: string, description?: string): SchemaObject => ({
  type: "object",
  title: `Page of ${what}`,
  description: description ?? `One page of ${what}. \`nextCursor\` is present when there is another page.`,
  additionalProperties: false,
  required: ["items"],
  properties: {
    items: { type: "array", title: "Items", description: `The ${what} on this page.`, items: ref(item) },
    nextCursor: { type: "string", title: "Next cursor", description: "Pass as `cursor` to get the next page." },
  },
});
