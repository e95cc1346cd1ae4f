// Query-string parsing that refuses what it does not know: an unknown or repeated parameter is a 400, so a typo in a
// filter can never silently return everything. Shared by the reference server and the msw mock so both refuse the
// same queries; each passes its own invalid-parameter problem factory.

/** Makes the error thrown for a refused parameter (pointer `/query/<name>`, plain-English detail). */
export type RefuseParameter = (pointer: string, detail: string) => Error;

export function readStrictQuery(
  params: URLSearchParams,
  allowed: readonly string[],
  refuse: RefuseParameter,
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of params) {
    if (!allowed.includes(name))
      throw refuse(`/query/${name}`, `Unknown query parameter "${name}". Allowed: ${allowed.join(", ") || "none"}.`);
    if (name in out) throw refuse(`/query/${name}`, `Query parameter "${name}" is given more than once.`);
    if (value.length === 0 || value.length > 256)
      throw refuse(`/query/${name}`, `Query parameter "${name}" must be 1 to 256 characters.`);
    out[name] = value;
  }
  return out;
}
