// Checks a route's path, query and header parameters against their definitions (http/parameters.ts, from
// spec/api-parameters.ts) before anything reads the database: a malformed one is 400 invalid-parameter with pointer
// /path/<name>, /query/<name> or /header/<name>. The checked values (UUIDs in lower case) are kept for the handlers
// (pathParam, readQuery). Any query parameter, known or not, with a control character is refused too.
import type { Context, MiddlewareHandler } from "hono";
import type { AppEnv } from "../../env.ts";
import type { RouteSpec } from "../../../../spec/routes.ts";
import { invalidParameter } from "../../http/problems.ts";
import { PARAMETER_RULES, hasControlCharacter, type ParameterRule } from "../../http/parameters.ts";

export const parameters = (route: RouteSpec): MiddlewareHandler<AppEnv> => {
  const rules = route.parameters.map((p) => PARAMETER_RULES[p]);
  const byLocation = (where: ParameterRule["in"]) => rules.filter((r) => r.in === where);
  const [path, query, header] = [byLocation("path"), byLocation("query"), byLocation("header")];
  return async function parameters(c, next) {
    const params: Record<string, string> = {};
    for (const rule of path) {
      const raw = c.req.param(rule.name);
      if (raw !== undefined) params[rule.name] = checked(rule, raw, `/path/${rule.name}`);
    }
    const values: Record<string, string> = {};
    const search = new URL(c.req.url).searchParams;
    for (const [name, value] of search) {
      if (hasControlCharacter(name) || hasControlCharacter(value))
        throw invalidParameter(`/query/${safeName(name)}`, "A query parameter contains a control character.");
    }
    for (const rule of query) {
      const raw = search.get(rule.name);
      if (raw !== null) values[rule.name] = checked(rule, raw, `/query/${rule.name}`);
    }
    for (const rule of header) {
      const raw = c.req.header(rule.name);
      if (raw !== undefined) checked(rule, raw, `/header/${rule.name}`);
    }
    c.set("params", params);
    c.set("query", values);
    await next();
  };
};

function checked(rule: ParameterRule, raw: string, pointer: string): string {
  const result = rule.check(raw);
  if ("refused" in result) throw invalidParameter(pointer, result.refused);
  return result.value;
}

/** A parameter name fit for a JSON pointer in a problem (control characters shown as escapes). */
function safeName(name: string): string {
  return JSON.stringify(name).slice(1, -1).replace(/~/g, "~0").replace(/\//g, "~1");
}

/** A path parameter as checked (and normalised) by `parameters`, or as routed when the route has no such rule. */
export function pathParam(c: Context<AppEnv>, name: string): string {
  return c.get("params")?.[name] ?? c.req.param(name)!;
}
