// The three JSON Patch (RFC 6902) operations the counter-example cases need, on a deep copy. Pure.
export type PatchOp = { op: "replace" | "add"; path: string; value: unknown } | { op: "remove"; path: string };

function tokens(path: string): string[] {
  return path
    .split("/")
    .slice(1)
    .map((t) => t.replace(/~1/g, "/").replace(/~0/g, "~"));
}

/** Applies `ops` to a copy of `document`; throws if a path's parent does not exist (an authoring mistake). */
export function applyPatch(document: unknown, ops: readonly PatchOp[]): unknown {
  const root = structuredClone(document) as Record<string, unknown>;
  for (const op of ops) {
    const path = tokens(op.path);
    const last = path.pop() as string;
    let parent: unknown = root;
    for (const t of path) {
      parent = (parent as Record<string, unknown>)[t];
      if (parent === undefined || parent === null) throw new Error(`patch path ${op.path}: ${t} does not exist`);
    }
    if (Array.isArray(parent)) {
      const i = last === "-" ? parent.length : Number(last);
      if (op.op === "remove") parent.splice(i, 1);
      else if (op.op === "add") parent.splice(i, 0, op.value);
      else parent[i] = op.value;
    } else {
      const o = parent as Record<string, unknown>;
      if (op.op === "remove") {
        if (!(last in o)) throw new Error(`patch path ${op.path} does not exist`);
        delete o[last];
      } else o[last] = op.value;
    }
  }
  return root;
}
