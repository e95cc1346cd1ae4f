// The closed lists in conformance/config.schema.json come from where they are defined: role ids from spec/roles.ts,
// profiles, resources and features from the suite's own tables. `npm run generate` rewrites those enums in place (the
// rest of the schema is written by hand) and `check:generated` fails when one has drifted, so adding a role or a
// feature cannot leave the configuration schema behind.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { ROLES } from "../../spec/roles.ts";
import { FEATURES } from "../src/features.ts";
import { PROFILE_IDS } from "../src/model.ts";
import { RESOURCE_SPECS } from "../src/profiles/resources.ts";

export const CONFIG_SCHEMA_FILE = "conformance/config.schema.json";

type Node = Record<string, unknown>;

/** The node at `path` (property names), which must exist: a renamed property is a programming error here. */
function at(schema: Node, path: readonly string[]): Node {
  let node: unknown = schema;
  for (const key of path) {
    node = (node as Node | undefined)?.[key];
    if (typeof node !== "object" || node === null) throw new Error(`${CONFIG_SCHEMA_FILE}: no /${path.join("/")}`);
  }
  return node as Node;
}

/** Each generated enum: where it sits in the schema, the values and where they come from. */
const ENUMS: readonly { path: readonly string[]; values: readonly string[]; from: string }[] = [
  {
    path: ["properties", "capabilities", "properties", "profiles", "items"],
    values: PROFILE_IDS,
    from: "conformance/src/model.ts (PROFILE_IDS)",
  },
  {
    path: ["properties", "capabilities", "properties", "resources", "items"],
    values: RESOURCE_SPECS.map((r) => r.kind),
    from: "conformance/src/profiles/resources.ts (RESOURCE_SPECS)",
  },
  {
    path: ["properties", "capabilities", "properties", "features", "items"],
    values: FEATURES,
    from: "conformance/src/features.ts (FEATURES)",
  },
  {
    path: ["$defs", "Tenant", "properties", "credentials", "propertyNames"],
    values: ROLES.map((r) => r.id),
    from: "spec/roles.ts (ROLES)",
  },
];

/** The schema text with every generated enum set from its source (and a $comment saying so). */
export function configSchemaWithEnums(text: string): string {
  const schema = JSON.parse(text) as Node;
  for (const e of ENUMS) {
    const node = at(schema, e.path);
    node.$comment = `enum generated from ${e.from} by \`npm run generate\` — do not edit`;
    node.enum = [...e.values];
  }
  return `${JSON.stringify(schema, null, 2)}\n`;
}

export function generateConfigSchema(root: string): string {
  return configSchemaWithEnums(readFileSync(join(root, CONFIG_SCHEMA_FILE), "utf8"));
}
