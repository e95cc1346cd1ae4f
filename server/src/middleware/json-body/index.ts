// Parses JSON bodies once, for every route: 400 malformed-json, 400 too-deep (checked on the text before parsing),
// 422 validation-failed for prototype-pollution member names and for text that cannot be stored (NUL, lone surrogates). The parsed value is in c.var.body.
import type { MiddlewareHandler } from "hono";
import type { AppEnv } from "../../env.ts";
import { HttpProblem } from "../../http/problems.ts";
import { findForbiddenKey, jsonDepthExceeds } from "./json-depth.ts";
import { findUnstorableText } from "./unstorable-text.ts";
import { requestText } from "../../http/request-body.ts";

export const DEFAULT_MAX_DEPTH = 64;
const BODY_METHODS = new Set(["POST", "PUT", "PATCH"]);

export const jsonBody = (opts: { maxDepth?: number } = {}): MiddlewareHandler<AppEnv> => {
  const maxDepth = opts.maxDepth ?? DEFAULT_MAX_DEPTH;
  return async function jsonBody(c, next) {
    if (!BODY_METHODS.has(c.req.method)) return next();
    const text = await requestText(c);
    if (jsonDepthExceeds(text, maxDepth)) {
      throw new HttpProblem("too-deep", `The body is nested more than ${maxDepth} levels deep.`);
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      throw new HttpProblem("malformed-json", "The body could not be parsed as JSON.");
    }
    const forbidden = findForbiddenKey(parsed);
    if (forbidden !== undefined) {
      throw new HttpProblem("validation-failed", "The body uses a reserved member name.", {
        errors: [
          {
            pointer: forbidden,
            ruleId: "api.reserved-member-name",
            message: "__proto__, constructor and prototype are not allowed as member names.",
          },
        ],
      });
    }
    const unstorable = findUnstorableText(text, parsed);
    if (unstorable !== undefined) {
      throw new HttpProblem("validation-failed", "The body holds text that cannot be stored; nothing was stored.", {
        errors: [
          {
            pointer: unstorable,
            ruleId: "api.unstorable-text",
            message:
              "Strings and member names may not contain U+0000 or unpaired surrogates (\\u escapes of half a character).",
          },
        ],
      });
    }
    c.set("body", parsed);
    await next();
  };
};
