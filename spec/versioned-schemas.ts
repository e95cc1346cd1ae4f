// Several live versions in the OpenAPI: the server accepts and serves documents of every supported schemaVersion
// (schemas/manifest.json `schemaVersions.supported`), so each document component must describe all of them, or a
// 2.0 body fails a strict OpenAPI validator although the server accepts it. Each older or newer version is hoisted
// from its frozen release (schemas/releases/<version>/) and merged with the working copy's components: a component
// identical in both (after its references are mapped) is shared; one that differs gets a version suffix
// (`SpecialistProvisionPackageV2_0`); a document whose versions differ becomes a `oneOf` of them, which the
// `schemaVersion` const of each version makes exclusive.
import { join } from "node:path";
import { hoistSchemas, readManifest, readSchemaFiles, type Json, type Manifest } from "./hoist-schemas.ts";
import { compareVersions, readReleases, schemaVersionOf } from "../schemas/tools/releases.ts";

type JsonObject = { [k: string]: Json };

export interface VersionedComponents {
  /** The working copy's components and each other version's differing ones, documents as unions. */
  components: Record<string, JsonObject>;
  /** Document component → its per-version components, newest last (only documents whose versions differ). */
  variants: Map<string, { schemaVersion: string; name: string }[]>;
}

const REF = "#/components/schemas/";
export const versionSuffix = (schemaVersion: string): string => `V${schemaVersion.replace(/\./gu, "_")}`;

/** Copies `node` with every component reference renamed by `rename`. */
function renameRefs(node: Json, rename: (name: string) => string): Json {
  if (Array.isArray(node)) return node.map((n) => renameRefs(n, rename));
  if (node === null || typeof node !== "object") return node;
  const out: JsonObject = {};
  for (const [k, v] of Object.entries(node)) {
    if (k === "$ref" && typeof v === "string" && v.startsWith(REF)) {
      const target = v.slice(REF.length);
      const slash = target.indexOf("/");
      const name = slash < 0 ? target : target.slice(0, slash);
      out[k] = `${REF}${rename(name)}${slash < 0 ? "" : target.slice(slash)}`;
    } else out[k] = renameRefs(v, rename);
  }
  return out;
}

/**
 * The names whose body is the same in `a` and `b` once references to other shared names are taken as equal: the
 * greatest fixed point, so a component stays shared only if everything it refers to is shared too.
 */
function sharedNames(a: Record<string, JsonObject>, b: Record<string, JsonObject>, suffix: string): Set<string> {
  const shared = new Set(Object.keys(b).filter((n) => n in a));
  for (let changed = true; changed; ) {
    changed = false;
    for (const name of [...shared]) {
      const mapped = renameRefs(b[name]!, (n) => (shared.has(n) ? n : n + suffix));
      if (JSON.stringify(mapped) !== JSON.stringify(a[name])) {
        shared.delete(name);
        changed = true;
      }
    }
  }
  return shared;
}

const versionOrder = (a: string, b: string): number => {
  const [x, y] = [a, b].map((v) => v.split(".").map(Number)) as [number[], number[]];
  return (x[0] ?? 0) - (y[0] ?? 0) || (x[1] ?? 0) - (y[1] ?? 0);
};

/**
 * Merges the working copy's hoisted components (`current`, of `manifest.schemaVersions.current`) with those of every
 * other supported version, read from its release under `schemasDir`. Deterministic: components come out in the
 * working copy's order, then each other version's in its own order.
 */
export function versionedComponents(
  schemasDir: string,
  manifest: Manifest,
  current: Record<string, JsonObject>,
): VersionedComponents {
  const currentVersion = manifest.schemaVersions.current;
  const others = manifest.schemaVersions.supported.filter((v) => v !== currentVersion).sort(versionOrder);
  // Documents only: they carry schemaVersion, which makes the union exclusive. Records the API stores that are not
  // documents (child, settings entry) have no schemaVersion, and the server validates them with the working copy.
  const documents = manifest.documentTypes.map((d) => d.defName);
  const extra: Record<string, JsonObject> = {};
  const variants = new Map<string, { schemaVersion: string; name: string }[]>();
  for (const version of others) {
    const dir = releaseDir(schemasDir, version);
    const released = hoistSchemas(readSchemaFiles(dir, readManifest(dir))).components;
    const suffix = versionSuffix(version);
    const shared = sharedNames(current, released, suffix);
    for (const [name, body] of Object.entries(released)) {
      if (shared.has(name)) continue;
      if (name + suffix in current) throw new Error(`versioned component ${name + suffix} clashes with a schema`);
      extra[name + suffix] = renameRefs(body, (n) => (shared.has(n) ? n : n + suffix)) as JsonObject;
      if (documents.includes(name) && name in current)
        variants.set(name, [...(variants.get(name) ?? []), { schemaVersion: version, name: name + suffix }]);
    }
  }
  // A document with differing versions: the working copy's keeps its body under a suffixed name (and references
  // inside the standard point at it, so a 1.0 bundle holds 1.0 documents), and the plain name becomes the union the
  // API's bodies refer to.
  const own = versionSuffix(currentVersion);
  const renamed = (n: string) => (variants.has(n) ? n + own : n);
  const components: Record<string, JsonObject> = {};
  for (const [name, body] of Object.entries(current)) {
    const list = variants.get(name);
    const mapped = renameRefs(body, renamed) as JsonObject;
    if (!list) {
      components[name] = mapped;
      continue;
    }
    const all = [{ schemaVersion: currentVersion, name: name + own }, ...list].sort((a, b) =>
      versionOrder(a.schemaVersion, b.schemaVersion),
    );
    variants.set(name, all);
    components[name + own] = mapped;
    components[name] = {
      title: `${(body.title as string | undefined) ?? name} (any supported version)`,
      description:
        `A document of any schemaVersion this API supports ` +
        `(${all.map((v) => `\`${v.schemaVersion}\`: \`${v.name}\``).join(", ")}); its \`schemaVersion\` says which.`,
      oneOf: all.map((v) => ({ $ref: REF + v.name })),
    };
  }
  // Only what a document version needs: a differing component no document refers to would describe nothing served.
  const reachable = new Set<string>();
  const visit = (node: Json): void => {
    if (Array.isArray(node)) node.forEach(visit);
    else if (node !== null && typeof node === "object")
      for (const [k, v] of Object.entries(node)) {
        if (k === "$ref" && typeof v === "string" && v.startsWith(REF)) {
          const name = v.slice(REF.length).split("/")[0]!;
          if (name in extra && !reachable.has(name)) {
            reachable.add(name);
            visit(extra[name]!);
          }
        } else visit(v);
      }
  };
  for (const list of variants.values()) visit(list.map((v) => ({ $ref: REF + v.name })));
  for (const [name, body] of Object.entries(extra)) if (reachable.has(name)) components[name] = body;
  return { components, variants };
}

/** The release folder of `schemaVersion`: the highest release carrying that MAJOR.MINOR. */
function releaseDir(schemasDir: string, schemaVersion: string): string {
  const match = readReleases(join(schemasDir, "releases", "releases.json"))
    .map((r) => r.version)
    .filter((v) => schemaVersionOf(v) === schemaVersion)
    .sort(compareVersions)
    .pop();
  if (match === undefined) throw new Error(`schemaVersion ${schemaVersion} is supported, but no release carries it`);
  return join(schemasDir, "releases", match);
}
